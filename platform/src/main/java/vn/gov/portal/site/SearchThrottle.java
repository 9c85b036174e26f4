package vn.gov.portal.site;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import vn.gov.portal.infra.ratelimit.RateLimits;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Searches per client address, counted across a province (one address searching many of its
 * sites is one searcher), {@code portal.search.per-address} in each {@code
 * portal.search.per-address-window}; 0 turns the limit off. Shared by every node when REDIS_URL
 * is set ({@link RateLimits}).
 *
 * <p>WHY generous: a town hall or a school may put hundreds of people behind one address, and a
 * person types a few searches a minute. The limit is there to stop one machine from hammering
 * the search pool, which all the province's visitors share ({@link SearchPool}). Searches the
 * page cache answers never reach it: they cost nothing.
 */
@Singleton
public class SearchThrottle {
    /** The bucket's name; a changed limit needs a new name (see {@link RateLimits}). */
    private static final String NAME = "search-address";

    private final RateLimits limits;
    private final TenantDirectory directory;
    private final RateLimits.Limit limit;

    public SearchThrottle(RateLimits limits, TenantDirectory directory,
                          @Value("${portal.search.per-address:120}") int perAddress,
                          @Value("${portal.search.per-address-window:1m}") Duration window) {
        this.limits = limits;
        this.directory = directory;
        this.limit = perAddress > 0 ? new RateLimits.Limit(perAddress, window) : null;
    }

    /** Takes one search from the address's allowance; false when it is used up. */
    public boolean tryAcquire(Tenant site, String address) {
        if (limit == null) {
            return true;
        }
        return limits.tryConsume(directory.snapshot().provinceOf(site).id(), NAME + ":" + limit.capacity() + "/"
                + limit.period().toSeconds(), address, limit);
    }

    /** Seconds a refused address should wait (Retry-After): at most one window. */
    public long retryAfterSeconds() {
        return limit == null ? 0 : Math.max(1, limit.period().toSeconds());
    }
}
