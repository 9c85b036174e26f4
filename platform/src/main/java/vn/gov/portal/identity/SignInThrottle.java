package vn.gov.portal.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed sign-ins, counted per account on a site and per client address, over a sliding
 * quarter hour. Past the limits every attempt is refused before the password is looked at.
 * One node's memory for now; with several nodes the counts belong in Redis (Bucket4j).
 */
@Singleton
public class SignInThrottle {
    /** Limits, in one place: failures allowed in {@link #WINDOW} before refusing. */
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 30;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW).maximumSize(100_000).build();

    public boolean allows(long tenantId, String username, String address) {
        return count(accountKey(tenantId, username)) < PER_ACCOUNT && count(addressKey(address)) < PER_ADDRESS;
    }

    public void failed(long tenantId, String username, String address) {
        failures.get(accountKey(tenantId, username), k -> new AtomicInteger()).incrementAndGet();
        failures.get(addressKey(address), k -> new AtomicInteger()).incrementAndGet();
    }

    public void succeeded(long tenantId, String username) {
        failures.invalidate(accountKey(tenantId, username));
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private static String accountKey(long tenantId, String username) {
        return "t:" + tenantId + ":u:" + username;
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }
}
