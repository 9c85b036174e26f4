package vn.gov.portal.infra.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.redis.RedisConnections;

/**
 * Named rate limits per tenant and subject (an account, an address…), as Bucket4j token
 * buckets: in this node's memory on a single node, in Redis when REDIS_URL is set so that
 * every node draws on the same buckets. Keys are {@code t:{tenant}:rl:{name}:{subject}}.
 *
 * <p>If Redis fails mid-call, or was down when the node started and is not back yet, the limit
 * is answered from this node's memory instead (and a
 * warning logged): a throttle that locked everyone out, or let everyone in, while Redis
 * restarts would be worse than one that counts per node for a moment.
 *
 * <p>A name stands for one limit: a bucket keeps the limit it was created with until it
 * expires (once full again), so change a limit under a new name.
 */
@Singleton
public class RateLimits {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);
    /** A bucket that would be full again is as good as absent: its key goes, a little later. */
    private static final ExpirationAfterWriteStrategy EXPIRY =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
    private static final long WARN_EVERY_MS = 60_000;

    /**
     * At most {@code capacity} per {@code period}, the period counted from a subject's first
     * use; when it is over the whole capacity comes back at once (a fixed window, as "5 failed
     * sign-ins in 15 minutes" reads).
     */
    public record Limit(long capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A limit needs a positive capacity and period");
            }
        }

        BucketConfiguration bucket() {
            return BucketConfiguration.builder()
                    .addLimit(l -> l.capacity(capacity).refillIntervally(capacity, period))
                    .build();
        }
    }

    /** Null until Redis is connected (never, without REDIS_URL): meanwhile this node counts alone. */
    private volatile @Nullable ProxyManager<String> shared;
    private final ProxyManager<String> local;
    private final AtomicLong lastWarning = new AtomicLong();
    private final Clock clock;

    /**
     * Buckets refill on the application's clock, not bucket4j's own, so that a test moves the clock
     * past a period instead of sleeping through it (the clock is wall-clock based: nodes sharing
     * Redis agree on it within NTP's error, which is what bucket4j's CAS mode assumes anyway).
     */
    public RateLimits(Optional<RedisConnections> redis, Clock clock) {
        this.clock = clock;
        TimeMeter meter = new ClockMeter(clock);
        this.local = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
                .expirationAfterWrite(EXPIRY).clientClock(meter).build();
        redis.ifPresent(r -> r.whenConnected(() -> shared = Bucket4jLettuce.casBasedBuilder(r.commands())
                .expirationAfterWrite(EXPIRY).clientClock(meter).build()));
    }

    private record ClockMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    /** Takes one from the subject's bucket under {@code name}; false when it is empty. */
    public boolean tryConsume(long tenantId, String name, String subject, Limit limit) {
        String key = key(tenantId, name, subject);
        ProxyManager<String> shared = this.shared;
        if (shared != null) {
            try {
                return bucket(shared, key, limit).tryConsume(1);
            } catch (RuntimeException e) {
                redisFailed(e);
            }
        }
        return bucket(local, key, limit).tryConsume(1);
    }

    /** Puts one back (an attempt that turned out well), never above the capacity. */
    public void refund(long tenantId, String name, String subject, Limit limit) {
        String key = key(tenantId, name, subject);
        ProxyManager<String> shared = this.shared;
        if (shared != null) {
            try {
                bucket(shared, key, limit).addTokens(1);
                return;
            } catch (RuntimeException e) {
                redisFailed(e);
            }
        }
        bucket(local, key, limit).addTokens(1);
    }

    /** Forgets the subject's bucket under {@code name}: it starts full again. */
    public void reset(long tenantId, String name, String subject) {
        String key = key(tenantId, name, subject);
        ProxyManager<String> shared = this.shared;
        if (shared != null) {
            try {
                shared.removeProxy(key);
            } catch (RuntimeException e) {
                redisFailed(e);
            }
        }
        local.removeProxy(key);
    }

    /** The Redis key (and the in-memory one): the tenant first, as every key here. */
    static String key(long tenantId, String name, String subject) {
        return "t:" + tenantId + ":rl:" + name + ":" + subject;
    }

    private static BucketProxy bucket(ProxyManager<String> store, String key, Limit limit) {
        return store.builder().build(key, limit::bucket);
    }

    private void redisFailed(RuntimeException e) {
        long now = clock.millis();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_MS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("Rate limits fall back to this node's memory: Redis failed ({})", e.toString());
        }
    }
}
