package vn.gov.portal.identity;

import jakarta.inject.Singleton;
import java.time.Duration;
import vn.gov.portal.infra.ratelimit.RateLimits;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Failed sign-ins, counted per account on a site and per client address across the site's
 * province, in windows of a quarter hour from the first failure. Past the limits every attempt
 * is refused before the password is looked at. The counts are {@link RateLimits}: shared by
 * every node when REDIS_URL is set.
 *
 * <p>Each attempt takes its token before the password is checked, and a good password gives
 * it back: checking first and counting after would let a burst of parallel guesses all pass
 * the check before any failure was counted.
 */
@Singleton
public class SignInThrottle {
    /** Limits, in one place: failures allowed in {@link #WINDOW} before refusing. */
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 30;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private static final RateLimits.Limit ACCOUNT = new RateLimits.Limit(PER_ACCOUNT, WINDOW);
    private static final RateLimits.Limit ADDRESS = new RateLimits.Limit(PER_ADDRESS, WINDOW);
    private static final String ACCOUNT_LIMIT = "signin-account";
    /** Kept under the province: one address trying many sites of the province is one guesser. */
    private static final String ADDRESS_LIMIT = "signin-address";

    private final RateLimits limits;
    private final TenantDirectory directory;

    public SignInThrottle(RateLimits limits, TenantDirectory directory) {
        this.limits = limits;
        this.directory = directory;
    }

    /**
     * Counts an attempt as a failure until {@link #succeeded} says otherwise; false when the
     * account or the address is over its limit, and then nothing may be checked. The account
     * comes first, so a locked account's attempts do not use up its office's shared address.
     */
    public boolean tryAttempt(Tenant site, String username, String address) {
        return limits.tryConsume(site.id(), ACCOUNT_LIMIT, username, ACCOUNT)
                && limits.tryConsume(provinceOf(site), ADDRESS_LIMIT, address, ADDRESS);
    }

    /** A good password: the account's failures are forgotten and the address gets its attempt back. */
    public void succeeded(Tenant site, String username, String address) {
        limits.reset(site.id(), ACCOUNT_LIMIT, username);
        limits.refund(provinceOf(site), ADDRESS_LIMIT, address, ADDRESS);
    }

    /** The platform host's sign-ins (issue 12), counted apart from every site's: tenant 0. */
    public boolean tryAttemptOnPlatform(String username, String address) {
        return limits.tryConsume(0, ACCOUNT_LIMIT, username, ACCOUNT) && limits.tryConsume(0, ADDRESS_LIMIT, address, ADDRESS);
    }

    public void succeededOnPlatform(String username, String address) {
        limits.reset(0, ACCOUNT_LIMIT, username);
        limits.refund(0, ADDRESS_LIMIT, address, ADDRESS);
    }

    private long provinceOf(Tenant site) {
        return directory.snapshot().provinceOf(site).id();
    }
}
