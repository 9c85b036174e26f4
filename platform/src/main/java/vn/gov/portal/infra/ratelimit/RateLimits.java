package vn.gov.portal.infra.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Rate limits of public forms, per site, per limit name and per subject (an address, an
 * account). This single-node form keeps a sliding window per key in memory.
 */
@Singleton
public class RateLimits {
    /** At most {@code capacity} uses per {@code period}. */
    public record Limit(long capacity, Duration period) {
    }

    private final Cache<String, Deque<Long>> windows = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2)).maximumSize(200_000).build();

    /** Takes one use if the window has room; false means refuse the request. */
    public boolean tryConsume(long tenantId, String name, String subject, Limit limit) {
        String key = "t:" + tenantId + ":rl:" + name + ":" + subject;
        long now = System.nanoTime();
        Deque<Long> uses = windows.get(key, k -> new ArrayDeque<>());
        synchronized (uses) {
            while (!uses.isEmpty() && now - uses.peekFirst() > limit.period().toNanos()) {
                uses.pollFirst();
            }
            if (uses.size() >= limit.capacity()) {
                return false;
            }
            uses.addLast(now);
            return true;
        }
    }
}
