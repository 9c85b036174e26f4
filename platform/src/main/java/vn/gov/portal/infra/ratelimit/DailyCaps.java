package vn.gov.portal.infra.ratelimit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How much anonymous input a site takes in a day, whoever sends it: the per-address limits stop
 * one sender, these stop many (a botnet, rotating addresses) from filling the province's inbox
 * and tables. Past the cap the form says so and nothing is stored or sent. Counted as
 * {@link RateLimits} buckets (shared by the nodes through Redis), each a window of 24 hours from
 * the first submission of the day.
 */
@Singleton
public class DailyCaps {
    private static final Duration DAY = Duration.ofDays(1);
    private final RateLimits limits;
    private final RateLimits.Limit siteRequests;
    private final RateLimits.Limit ratings;

    /**
     * @param siteRequests site requests a province takes a day (a real province files a few a year)
     * @param ratings      satisfaction ratings one site takes a day (each one row, kept for good)
     */
    public DailyCaps(RateLimits limits, @Value("${portal.caps.site-requests-per-day:50}") long siteRequests,
                     @Value("${portal.caps.ratings-per-day:5000}") long ratings) {
        this.limits = limits;
        this.siteRequests = new RateLimits.Limit(siteRequests, DAY);
        this.ratings = new RateLimits.Limit(ratings, DAY);
    }

    /** Takes one site request of the province's day; false when the day's are used up. */
    public boolean takeSiteRequest(long provinceId) {
        return take(provinceId, "site-request", siteRequests);
    }

    /** Takes one rating of the site's day; false when the day's are used up. */
    public boolean takeRating(long siteId) {
        return take(siteId, "rating", ratings);
    }

    private boolean take(long tenantId, String form, RateLimits.Limit cap) {
        // The cap is in the name: a bucket keeps the limit it was made with (RateLimits), so a
        // changed setting takes effect at once under a new name.
        return limits.tryConsume(tenantId, "day-" + form + "-" + cap.capacity(), "all", cap);
    }
}
