package vn.gov.portal.infra.pow;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.gov.portal.infra.web.BoundSites;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.tenancy.CurrentSite;

/**
 * Hands out proof-of-work challenges for the site's anonymous forms (to their script, and to API
 * clients that post the same forms as JSON). Never cached: each challenge is good once.
 */
@Controller("/api/v1/pow")
public class ChallengeController {
    private final ProofOfWork pow;
    private final BoundSites sites;

    public ChallengeController(ProofOfWork pow, BoundSites sites) {
        this.pow = pow;
        this.sites = sites;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Anyone
    @Get("/challenge")
    public HttpResponse<ProofOfWork.Challenge> challenge(HttpRequest<?> request, @QueryValue String form) {
        return HttpResponse.ok(pow.issue(sites.of(request).tenantId(), form))
                .header("Cache-Control", "no-store");
    }
}
