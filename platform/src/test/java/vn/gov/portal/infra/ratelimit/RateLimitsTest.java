package vn.gov.portal.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.redis.RedisConnections;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.TestRedis;

/** Buckets in memory on one node; in a real Redis, shared, when several nodes have REDIS_URL. */
@Tag("nodes")
class RateLimitsTest {
    /** Buckets refill on the application's clock: the test moves it instead of sleeping. */
    private final MovableClock clock = new MovableClock();
    private static final RateLimits.Limit THREE_A_MINUTE = new RateLimits.Limit(3, Duration.ofMinutes(1));

    @Test
    void aSingleNodeCountsInMemoryPerTenantNameAndSubject() {
        RateLimits limits = new RateLimits(Optional.empty(), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryConsume(1, "form", "a", THREE_A_MINUTE)).isTrue();
        }
        assertThat(limits.tryConsume(1, "form", "a", THREE_A_MINUTE)).as("fourth in the minute").isFalse();
        assertThat(limits.tryConsume(2, "form", "a", THREE_A_MINUTE)).as("another tenant").isTrue();
        assertThat(limits.tryConsume(1, "other", "a", THREE_A_MINUTE)).as("another limit").isTrue();
        assertThat(limits.tryConsume(1, "form", "b", THREE_A_MINUTE)).as("another subject").isTrue();

        limits.refund(1, "form", "a", THREE_A_MINUTE);
        assertThat(limits.tryConsume(1, "form", "a", THREE_A_MINUTE)).as("refunded one").isTrue();
        assertThat(limits.tryConsume(1, "form", "a", THREE_A_MINUTE)).isFalse();
        limits.reset(1, "form", "a");
        assertThat(limits.tryConsume(1, "form", "a", THREE_A_MINUTE)).as("reset: full again").isTrue();
    }

    @Test
    void theWholeCapacityComesBackWhenThePeriodIsOver() {
        RateLimits limits = new RateLimits(Optional.empty(), clock);
        var twoPerHalfSecond = new RateLimits.Limit(2, Duration.ofMillis(500));
        assertThat(limits.tryConsume(1, "burst", "x", twoPerHalfSecond)).isTrue();
        assertThat(limits.tryConsume(1, "burst", "x", twoPerHalfSecond)).isTrue();
        assertThat(limits.tryConsume(1, "burst", "x", twoPerHalfSecond)).isFalse();
        clock.advance(Duration.ofMillis(600));
        assertThat(limits.tryConsume(1, "burst", "x", twoPerHalfSecond)).isTrue();
        assertThat(limits.tryConsume(1, "burst", "x", twoPerHalfSecond)).isTrue();
    }

    @Test
    void nodesSharingRedisDrawOnOneBucketKeyedByTenant() {
        try (TestRedis redis = TestRedis.start();
             RedisConnections nodeA = new RedisConnections(redis.url());
             RedisConnections nodeB = new RedisConnections(redis.url())) {
            RateLimits a = new RateLimits(Optional.of(nodeA), clock);
            RateLimits b = new RateLimits(Optional.of(nodeB), clock);
            assertThat(a.tryConsume(7, "signin-account", "thu.nghiem", THREE_A_MINUTE)).isTrue();
            assertThat(b.tryConsume(7, "signin-account", "thu.nghiem", THREE_A_MINUTE)).isTrue();
            assertThat(a.tryConsume(7, "signin-account", "thu.nghiem", THREE_A_MINUTE)).isTrue();
            assertThat(b.tryConsume(7, "signin-account", "thu.nghiem", THREE_A_MINUTE))
                    .as("the other node took the rest").isFalse();
            assertThat(keys(redis, "*")).containsExactly("t:7:rl:signin-account:thu.nghiem");

            b.reset(7, "signin-account", "thu.nghiem");
            assertThat(a.tryConsume(7, "signin-account", "thu.nghiem", THREE_A_MINUTE)).as("reset on B").isTrue();
        }
    }

    @Test
    void whileRedisIsDownLimitsAreKeptInMemoryAndNothingFails() {
        try (TestRedis redis = TestRedis.start(); RedisConnections node = new RedisConnections(redis.url())) {
            RateLimits limits = new RateLimits(Optional.of(node), clock);
            assertThat(limits.tryConsume(7, "form", "a", THREE_A_MINUTE)).isTrue();
            redis.stop();
            for (int i = 0; i < 3; i++) {
                assertThat(limits.tryConsume(7, "form", "a", THREE_A_MINUTE)).isTrue();
            }
            assertThat(limits.tryConsume(7, "form", "a", THREE_A_MINUTE)).as("counted in memory").isFalse();
            limits.reset(7, "form", "a");
        }
    }

    private static java.util.List<String> keys(TestRedis redis, String pattern) {
        RedisClient client = RedisClient.create(redis.url());
        try (var c = client.connect()) {
            return c.sync().keys(pattern);
        } finally {
            client.shutdown();
        }
    }
}
