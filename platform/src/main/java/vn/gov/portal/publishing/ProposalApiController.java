package vn.gov.portal.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.identity.Actor;

/** Proposals up to the parent portal: sent from the child's host, decided on the parent's. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProposalApiController {
    private final Proposals proposals;

    public ProposalApiController(Proposals proposals) {
        this.proposals = proposals;
    }

    @Needs(Permission.REVIEW_ARTICLES)
    @Post("/articles/{id}/propose")
    public HttpResponse<Proposals.ProposalView> propose(HttpRequest<?> request, Authentication auth,
                                                        @PathVariable long id) {
        return HttpResponse.created(proposals.propose(CurrentSite.tenant(request), Actor.of(auth), id));
    }

    @Needs(Permission.REVIEW_ARTICLES)
    @Get("/proposals")
    public List<Proposals.ProposalView> received(HttpRequest<?> request, Authentication auth,
                                                 @Nullable @QueryValue String status) {
        return proposals.received(CurrentSite.tenant(request), Actor.of(auth), status);
    }

    @Needs(Permission.REVIEW_ARTICLES)
    @Post("/proposals/{id}/accept")
    public Proposals.ProposalView accept(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return proposals.accept(CurrentSite.tenant(request), Actor.of(auth), id);
    }

    @Needs(Permission.REVIEW_ARTICLES)
    @Post("/proposals/{id}/decline")
    public Proposals.ProposalView decline(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                          @Nullable @Body ArticleApiController.Reason body) {
        return proposals.decline(CurrentSite.tenant(request), Actor.of(auth), id, body == null ? null : body.reason());
    }
}
