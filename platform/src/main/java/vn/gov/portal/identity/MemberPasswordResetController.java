package vn.gov.portal.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Set;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.HostName;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * A site admin starts a password reset for a member of their site's board: the member is mailed
 * the link (nobody else sees it). A member of another site is not found here.
 */
@Controller("/api/v1/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MemberPasswordResetController {
    private final AccountSecurity security;
    private final TenantDirectory directory;

    public MemberPasswordResetController(AccountSecurity security, TenantDirectory directory) {
        this.security = security;
        this.directory = directory;
    }

    @Needs(Permission.RESET_MEMBER_PASSWORDS)
    @Post("/{accountId}/password-reset")
    public HttpResponse<MailOutbox.Queued> reset(HttpRequest<?> request, Authentication auth,
                                                 @PathVariable long accountId) {
        Resolution.Found found = CurrentSite.of(request);
        String host = directory.snapshot().hostOf(found.tenant(), found.baseDomain());
        String origin = RequestOrigin.scheme(request) + "://" + host
                + HostName.portSuffix(request.getHeaders().get("Host"));
        MailOutbox.Queued queued = security.resetForMember(found.tenant(), origin, Actor.of(auth).label(),
                Set.copyOf(auth.getRoles()), accountId);
        return HttpResponse.<MailOutbox.Queued>status(HttpStatus.ACCEPTED).body(queued);
    }
}
