package vn.gov.portal.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Set;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.CurrentSite;

/** The site's board over the API: list (SITE_ADMIN, HEAD) and handover (SITE_ADMIN). */
@Controller("/api/v1/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MembersController {
    private final Members members;

    public MembersController(Members members) {
        this.members = members;
    }

    @Serdeable
    public record Handover(@Nullable Long to) {
    }

    @Serdeable
    public record HandoverResult(long from, long to, int articlesMoved) {
    }

    @Get
    public List<Members.Member> list(HttpRequest<?> request, Authentication auth) {
        return members.list(CurrentSite.tenant(request).id(), Set.copyOf(auth.getRoles()));
    }

    @Post("/{accountId}/handover")
    public HandoverResult handover(HttpRequest<?> request, Authentication auth, @PathVariable long accountId,
                                   @Body Handover body) {
        if (body.to() == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "member.handover-to-required");
        }
        int moved = members.handOver(CurrentSite.tenant(request).id(), "account:" + auth.getAttributes().get("account")
                + ":" + auth.getName(), Set.copyOf(auth.getRoles()), accountId, body.to());
        return new HandoverResult(accountId, body.to(), moved);
    }
}
