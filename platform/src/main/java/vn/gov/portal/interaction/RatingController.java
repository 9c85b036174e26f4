package vn.gov.portal.interaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import java.time.Duration;
import java.util.Map;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.pow.ProofOfWork;
import vn.gov.portal.infra.ratelimit.DailyCaps;
import vn.gov.portal.infra.ratelimit.RateLimits;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;

/**
 * The rating form every public page carries posts here; the board reads the averages from the
 * API. The visitor's address is used only to refuse floods, in memory, and is never stored.
 */
@Controller
@ServesPages
@ExecuteOn(TaskExecutors.BLOCKING)
public class RatingController {
    /** Enough for a visitor rating several pages; too few to skew a page's average. */
    static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit(10, Duration.ofHours(1));
    /** The proof-of-work form id: the rating form's {@code data-pow}. */
    static final String POW_FORM = "rating";
    private final Ratings ratings;
    private final RateLimits limits;
    private final RatingPages pages;
    private final DailyCaps caps;
    private final ProofOfWork pow;

    public RatingController(Ratings ratings, RateLimits limits, RatingPages pages, DailyCaps caps, ProofOfWork pow) {
        this.ratings = ratings;
        this.caps = caps;
        this.pow = pow;
        this.limits = limits;
        this.pages = pages;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Anyone
    @Post(uris = {"/danh-gia", "/{lang}/danh-gia"}, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> rate(HttpRequest<?> request, @Nullable @PathVariable String lang,
                                @Body Map<String, String> form) {
        Resolution.Found site = CurrentSite.of(request);
        if (lang != null && !site.prefix().equals("/" + lang)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        String page = form.getOrDefault("trang", "/");
        if (!limits.tryConsume(site.tenant().id(), "rating", RequestOrigin.clientKey(request), PER_ADDRESS)) {
            return pages.answer(request, site, page, "rating.throttled", HttpStatus.TOO_MANY_REQUESTS);
        }
        try {
            // The form every public page carries proves a little work (its script does it), so a
            // flood of ratings costs the sender what it costs the site.
            pow.verify(site.tenant().id(), POW_FORM, form.get("pow-challenge"), form.get("pow-nonce"));
        } catch (ProblemException refused) {
            return pages.answer(request, site, Ratings.validPath(page) ? page : "/", refused.detailKey(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Ratings.Scores scores;
        try {
            scores = new Ratings.Scores(score(form, "giao-dien"), score(form, "noi-dung"), score(form, "chat-luong"),
                    score(form, "ho-tro"));
            if (scores.valid() && Ratings.validPath(page) && !caps.takeRating(site.tenant().id())) {
                // Each rating is a row kept for good: past the site's day, nothing is stored.
                return pages.answer(request, site, page, "rating.daily-cap", HttpStatus.TOO_MANY_REQUESTS);
            }
            ratings.record(site.tenant(), page, scores);
        } catch (ProblemException | NumberFormatException e) {
            return pages.answer(request, site, Ratings.validPath(page) ? page : "/", "rating.invalid",
                    HttpStatus.BAD_REQUEST);
        }
        return pages.answer(request, site, page, "rating.thanks", HttpStatus.OK);
    }

    private static int score(Map<String, String> form, String field) {
        String v = form.get(field);
        return v == null ? 0 : Integer.parseInt(v.strip());
    }

    /** Averages for the site's board (and the province's board above it). */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Needs(Permission.READ_RATINGS)
    @Get("/api/v1/ratings")
    public Ratings.Summary summary(HttpRequest<?> request, Authentication auth) {
        return ratings.summary(CurrentSite.tenant(request), Actor.of(auth));
    }
}
