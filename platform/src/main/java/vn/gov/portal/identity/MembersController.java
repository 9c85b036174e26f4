package vn.gov.portal.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Set;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The site's board over the API ({@link Members}): list, seat a person, change a seat, end one
 * with its handover. The site is the Host's, never the input's.
 */
@Controller("/api/v1/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MembersController {
    private final Members members;
    private final TenantDirectory directory;

    public MembersController(Members members, TenantDirectory directory) {
        this.members = members;
        this.directory = directory;
    }

    @Serdeable
    public record Handover(@Nullable Long to) {
    }

    @Serdeable
    public record HandoverResult(long from, long to, int articlesMoved) {
    }

    @Serdeable
    public record SeatChange(@Nullable String role) {
    }

    /** The member as the list shows them, plus what happened: a new account or not, and the e-mail. */
    @Serdeable
    public record Added(long accountId, String username, String fullName, @Nullable String email,
                        @Nullable String phone, List<String> roles, boolean newAccount,
                        @Nullable MailOutbox.Queued mail, @Nullable String signInLink) {
    }

    @Needs(Permission.MANAGE_MEMBERS)
    @Get
    public List<Members.Member> list(HttpRequest<?> request, Authentication auth) {
        return members.list(CurrentSite.tenant(request).id(), Set.copyOf(auth.getRoles()));
    }

    @Needs(Permission.MANAGE_MEMBERS)
    @Post
    public HttpResponse<Added> add(HttpRequest<?> request, Authentication auth, @Body Members.NewMember body) {
        Resolution.Found site = CurrentSite.of(request);
        var seated = members.add(site.tenant(), manager(auth), body, siteAddress(request, site));
        var m = seated.member();
        return HttpResponse.created(new Added(m.accountId(), m.username(), m.fullName(), m.email(), m.phone(),
                m.roles(), seated.newAccount(), seated.mail(), seated.signInLink()));
    }

    @Needs(Permission.MANAGE_MEMBERS)
    @Patch("/{accountId}")
    public Members.Member change(HttpRequest<?> request, Authentication auth, @PathVariable long accountId,
                                 @Body SeatChange body) {
        return members.changeSeat(CurrentSite.tenant(request).id(), manager(auth), accountId, body.role());
    }

    /** Ends the seat; {@code handoverTo} (required) receives the leaver's drafts and pending items. */
    @Needs(Permission.MANAGE_MEMBERS)
    @Delete("/{accountId}")
    public HandoverResult end(HttpRequest<?> request, Authentication auth, @PathVariable long accountId,
                              @Nullable @QueryValue Long handoverTo) {
        if (handoverTo == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "member.handover-to-required", "handoverTo");
        }
        int moved = members.handOver(CurrentSite.tenant(request).id(), manager(auth), accountId, handoverTo);
        return new HandoverResult(accountId, handoverTo, moved);
    }

    /** The handover as it was first offered; the same as {@code DELETE /{accountId}?handoverTo=}. */
    @Needs(Permission.MANAGE_MEMBERS)
    @Post("/{accountId}/handover")
    public HandoverResult handover(HttpRequest<?> request, Authentication auth, @PathVariable long accountId,
                                   @Body Handover body) {
        if (body.to() == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "member.handover-to-required");
        }
        int moved = members.handOver(CurrentSite.tenant(request).id(), manager(auth), accountId, body.to());
        return new HandoverResult(accountId, body.to(), moved);
    }

    static Members.Manager manager(Authentication auth) {
        return new Members.Manager("account:" + auth.getAttributes().get("account") + ":" + auth.getName(),
                Set.copyOf(auth.getRoles()));
    }

    private String siteAddress(HttpRequest<?> request, Resolution.Found site) {
        return LinkOrigin.siteAddress(request, site, directory.snapshot());
    }
}
