package vn.gov.portal.oversight.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.LocalDate;
import vn.gov.portal.backoffice.Paged;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The audit log over the API: a page of entries as JSON, or all matching entries as CSV. Each
 * download is itself audited (AuditedResponses records every attachment a signed-in caller takes).
 */
@Controller("/api/v1/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditApiController {
    static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");
    private final AuditTrail trail;
    private final TenantDirectory directory;
    private final Clock clock;

    public AuditApiController(AuditTrail trail, TenantDirectory directory, Clock clock) {
        this.trail = trail;
        this.directory = directory;
        this.clock = clock;
    }

    @Needs(Permission.READ_AUDIT)
    @Get
    public AuditTrail.Page list(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable String site,
                                @QueryValue @Nullable String actor, @QueryValue @Nullable String action,
                                @QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                @QueryValue @Nullable String page) {
        DirectorySnapshot dir = directory.snapshot();
        var scope = AuditTrail.scopeFor(auth.getRoles(), CurrentSite.tenant(request), dir);
        return trail.page(scope, AuditTrail.Filter.of(site, actor, action, from, to),
                Paged.requested(page), dir);
    }

    @Needs(Permission.READ_AUDIT)
    @Get(value = "/export", produces = "text/csv")
    public HttpResponse<StreamedFile> export(HttpRequest<?> request, Authentication auth,
                                             @QueryValue @Nullable String site, @QueryValue @Nullable String actor,
                                             @QueryValue @Nullable String action, @QueryValue @Nullable String from,
                                             @QueryValue @Nullable String to) {
        return download(trail, directory.snapshot(), CurrentSite.tenant(request), auth,
                AuditTrail.Filter.of(site, actor, action, from, to), ProvinceTime.today(clock));
    }

    /** The CSV download, for the API and the back office alike. */
    static HttpResponse<StreamedFile> download(AuditTrail trail, DirectorySnapshot dir, Tenant here,
                                               Authentication auth, AuditTrail.Filter filter, LocalDate today) {
        var scope = AuditTrail.scopeFor(auth.getRoles(), here, dir);
        var csv = AuditCsv.stream(last -> trail.after(scope, filter, last, AuditCsv.PIECE, dir));
        String name = "nhat-ky-" + here.subdomain() + "-" + today + ".csv";
        return HttpResponse.ok(new StreamedFile(csv, CSV).attach(name)).header("Cache-Control", "no-store");
    }
}
