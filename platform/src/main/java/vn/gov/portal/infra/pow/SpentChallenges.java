package vn.gov.portal.infra.pow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.SetArgs;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.redis.RedisConnections;

/**
 * The proof-of-work challenges already used, each kept until it would have expired anyway: in
 * Redis when REDIS_URL is set (every node refuses a second use), else in this node's memory.
 * Keys are {@code t:{tenant}:pow:{id}}.
 *
 * <p>If Redis fails mid-call this node's memory answers instead, as the rate limits do: while
 * Redis is away a solution could be used once per node, which the per-address limits and the
 * daily caps still bound; refusing every anonymous form meanwhile would be worse.
 */
@Singleton
public class SpentChallenges {
    private static final Logger LOG = LoggerFactory.getLogger(SpentChallenges.class);
    private static final byte[] MARK = {1};
    private static final long WARN_EVERY_MS = 60_000;
    private final @Nullable RedisConnections redis;
    private final Cache<String, Boolean> local;
    private final Clock clock;
    private final AtomicLong lastWarning = new AtomicLong();

    public SpentChallenges(Optional<RedisConnections> redis, @Value("${portal.pow.lifetime:10m}") Duration lifetime, Clock clock) {
        this.redis = redis.orElse(null);
        this.local = Caffeine.newBuilder().expireAfterWrite(lifetime.plusMinutes(1)).maximumSize(1_000_000).build();
        this.clock = clock;
    }

    /** Marks the challenge used; false when it already was. */
    boolean spend(long tenantId, String id, Duration remaining) {
        String key = "t:" + tenantId + ":pow:" + id;
        if (redis != null) {
            try {
                long ms = Math.max(1000, remaining.toMillis() + 1000);
                return "OK".equals(redis.commands().sync().set(key, MARK, SetArgs.Builder.nx().px(ms)));
            } catch (RuntimeException e) {
                long now = clock.millis();
                long last = lastWarning.get();
                if (now - last >= WARN_EVERY_MS && lastWarning.compareAndSet(last, now)) {
                    LOG.warn("Spent challenges fall back to this node's memory: Redis failed ({})", e.toString());
                }
            }
        }
        return local.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }
}
