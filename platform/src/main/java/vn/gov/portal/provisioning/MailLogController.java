package vn.gov.portal.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Locale;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * {@code GET /api/v1/mail?status=}: the newest messages of the province's sites (the requests filed
 * with it, the heads' links), so the province sees who was told what and whether it went out.
 * Recipient, subject, status, attempts, times and the last error; never a body. For
 * {@link ProvinceAdmins} only; the outbox's wall holds the query to the province's subtree.
 */
@Controller("/api/v1/mail")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MailLogController {
    private final MailOutbox outbox;
    private final TenantDirectory directory;
    private final TenantScopes scopes;

    public MailLogController(MailOutbox outbox, TenantDirectory directory, TenantScopes scopes) {
        this.scopes = scopes;
        this.outbox = outbox;
        this.directory = directory;
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get
    public List<MailOutbox.Entry> list(HttpRequest<?> request, Authentication auth,
                                       @QueryValue @Nullable String status) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        return outbox.recent(scopes.provinceBoard(province), status(status));
    }

    private static MailOutbox.@Nullable Status status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return MailOutbox.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "mail.status-unknown", "status");
        }
    }
}
