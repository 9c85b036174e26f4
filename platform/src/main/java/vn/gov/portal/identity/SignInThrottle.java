package vn.gov.portal.identity;

import jakarta.inject.Singleton;
import java.time.Duration;
import vn.gov.portal.infra.ratelimit.RateLimits;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Failed sign-ins, counted three ways, each in windows of a quarter hour from the first failure;
 * past any limit an attempt is refused before the password is looked at. The counts are
 * {@link RateLimits}: shared by every node when REDIS_URL is set.
 * <ol>
 *   <li>per client address across the province ({@link #PER_ADDRESS}), asked first, so a flood
 *   from one address stops here without touching a password hash or creating a bucket per name
 *   it tries;</li>
 *   <li>per account and address ({@link #PER_ACCOUNT_AT_ADDRESS}): the strict limit, which
 *   locks an attacker's address out of the account and nobody else;</li>
 *   <li>per account across every address and every site ({@link #PER_ACCOUNT}): looser, so one
 *   address can never reach it and the owner signs in from their own while that address is
 *   locked; it stops a guesser who spreads over several addresses or the province's 100-odd
 *   sites (counted per site, an account got 5 guesses on each).</li>
 * </ol>
 * Accounts are the platform's, not a site's, so the account counts live under tenant 0.
 * IPv6 addresses are counted per /64 ({@link RequestOrigin#rateLimitKey}).
 *
 * <p>Each attempt takes its tokens before the password is checked, and a good password gives
 * them back: checking first and counting after would let a burst of parallel guesses all pass
 * the check before any failure was counted. An attempt refused by one limit gives back what the
 * limits before it took: it was no attempt, and a locked account retried from an office must
 * not use up the office's address.
 */
@Singleton
public class SignInThrottle {
    /** Limits, in one place: failures allowed in {@link #WINDOW} before refusing. */
    public static final int PER_ACCOUNT_AT_ADDRESS = 5;
    /** Four addresses' worth: one address (at most {@link #PER_ACCOUNT_AT_ADDRESS}) never locks the owner out. */
    public static final int PER_ACCOUNT = 20;
    public static final int PER_ADDRESS = 30;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private static final RateLimits.Limit ACCOUNT_AT_ADDRESS = new RateLimits.Limit(PER_ACCOUNT_AT_ADDRESS, WINDOW);
    private static final RateLimits.Limit ACCOUNT = new RateLimits.Limit(PER_ACCOUNT, WINDOW);
    private static final RateLimits.Limit ADDRESS = new RateLimits.Limit(PER_ADDRESS, WINDOW);
    /** Under tenant 0: accounts sign in on every site, and their counts follow them. */
    private static final long ACCOUNTS_TENANT = 0;
    private static final String ACCOUNT_AT_ADDRESS_LIMIT = "signin-account-at-address";
    private static final String ACCOUNT_LIMIT = "signin-account-anywhere";
    /** Kept under the province: one address trying many sites of the province is one guesser. */
    private static final String ADDRESS_LIMIT = "signin-address";

    /** What the limits say about one attempt. */
    public enum Verdict {
        ALLOWED,
        /** The address has failed too often on this province's sites, whatever the accounts. */
        ADDRESS_LIMITED,
        /** This account has failed too often from this address: the address is locked out of it. */
        LOCKED_AT_ADDRESS,
        /** This account has failed too often from everywhere together. */
        LOCKED_EVERYWHERE;

        public boolean allowed() {
            return this == ALLOWED;
        }
    }

    private final RateLimits limits;
    private final TenantDirectory directory;

    public SignInThrottle(RateLimits limits, TenantDirectory directory) {
        this.limits = limits;
        this.directory = directory;
    }

    /**
     * Counts an attempt as a failure until {@link #succeeded} says otherwise; anything but
     * {@link Verdict#ALLOWED} means nothing was counted and nothing may be checked.
     */
    public Verdict tryAttempt(Tenant site, String username, String address) {
        return tryAttempt(provinceOf(site), username, address);
    }

    /** A good password: the account's failures at this address are forgotten, the others get one back. */
    public void succeeded(Tenant site, String username, String address) {
        succeeded(provinceOf(site), username, address);
    }

    /** The password could not be checked (no hashing capacity): the attempt is given back whole. */
    public void notChecked(Tenant site, String username, String address) {
        giveBack(provinceOf(site), username, address);
    }

    /** The platform host's sign-ins: its addresses counted apart from every province's. */
    public Verdict tryAttemptOnPlatform(String username, String address) {
        return tryAttempt(0, username, address);
    }

    public void succeededOnPlatform(String username, String address) {
        succeeded(0, username, address);
    }

    public void notCheckedOnPlatform(String username, String address) {
        giveBack(0, username, address);
    }

    private Verdict tryAttempt(long addressTenant, String username, String address) {
        String at = RequestOrigin.rateLimitKey(address);
        if (!limits.tryConsume(addressTenant, ADDRESS_LIMIT, at, ADDRESS)) {
            return Verdict.ADDRESS_LIMITED;
        }
        if (!limits.tryConsume(ACCOUNTS_TENANT, ACCOUNT_AT_ADDRESS_LIMIT, atAddress(username, at), ACCOUNT_AT_ADDRESS)) {
            limits.refund(addressTenant, ADDRESS_LIMIT, at, ADDRESS);
            return Verdict.LOCKED_AT_ADDRESS;
        }
        if (!limits.tryConsume(ACCOUNTS_TENANT, ACCOUNT_LIMIT, username, ACCOUNT)) {
            limits.refund(ACCOUNTS_TENANT, ACCOUNT_AT_ADDRESS_LIMIT, atAddress(username, at), ACCOUNT_AT_ADDRESS);
            limits.refund(addressTenant, ADDRESS_LIMIT, at, ADDRESS);
            return Verdict.LOCKED_EVERYWHERE;
        }
        return Verdict.ALLOWED;
    }

    private void succeeded(long addressTenant, String username, String address) {
        String at = RequestOrigin.rateLimitKey(address);
        limits.reset(ACCOUNTS_TENANT, ACCOUNT_AT_ADDRESS_LIMIT, atAddress(username, at));
        // Not a reset: the owner signing in must not wipe what guessers elsewhere have spent.
        limits.refund(ACCOUNTS_TENANT, ACCOUNT_LIMIT, username, ACCOUNT);
        limits.refund(addressTenant, ADDRESS_LIMIT, at, ADDRESS);
    }

    private void giveBack(long addressTenant, String username, String address) {
        String at = RequestOrigin.rateLimitKey(address);
        limits.refund(ACCOUNTS_TENANT, ACCOUNT_AT_ADDRESS_LIMIT, atAddress(username, at), ACCOUNT_AT_ADDRESS);
        limits.refund(ACCOUNTS_TENANT, ACCOUNT_LIMIT, username, ACCOUNT);
        limits.refund(addressTenant, ADDRESS_LIMIT, at, ADDRESS);
    }

    /** The address first: it never holds "|", so no username can make two pairs share a key. */
    private static String atAddress(String username, String addressKey) {
        return addressKey + "|" + username;
    }

    private long provinceOf(Tenant site) {
        return directory.snapshot().provinceOf(site).id();
    }
}
