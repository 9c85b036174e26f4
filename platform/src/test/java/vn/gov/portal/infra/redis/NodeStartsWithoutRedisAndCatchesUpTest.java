package vn.gov.portal.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.portal.testing.Eventually.within;

import io.lettuce.core.RedisClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.cache.CacheBus;
import vn.gov.portal.infra.cache.Invalidation;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestRedis;

/**
 * The node under test starts with REDIS_URL naming a Redis that is down: it serves anyway
 * (before, start-up failed), and once Redis is started its rate limits are shared there again
 * and its cache bus talks to the other nodes. The test plays the other node with a bare bus.
 */
@MicronautTest(transactional = false)
@Tag("nodes")
class NodeStartsWithoutRedisAndCatchesUpTest extends PortalTest {
    private static TestRedis redis;

    @Inject
    TenantProvisioning provisioning;
    @Inject
    RedisConnections connections;

    @Override
    public Map<String, String> getProperties() {
        if (redis == null) {
            redis = TestRedis.start();
            redis.stop();
        }
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.redis.url", redis.url());
        // No directory poll: whatever reaches this node from the other came over the bus.
        properties.put("portal.tenancy.refresh", "1h");
        return properties;
    }

    @AfterAll
    void stopRedis() {
        redis.close();
        redis = null;
    }

    @Test
    void aNodeStartedWithoutRedisServesAndResumesWhenRedisComesBack() throws Exception {
        assertThat(connections.connected()).isFalse();
        assertThat(get(DEPARTMENT, "/").statusCode()).isEqualTo(200);
        // Rate limits still count (on this node alone) meanwhile.
        assertThat(signIn(DEPARTMENT, "khong.ton.tai", "Sai@2026x").statusCode()).isEqualTo(401);

        redis.restart();
        assertThat(within(30_000, connections::connected)).as("connected once Redis is back").isTrue();

        RedisClient client = RedisClient.create(redis.url());
        try (var c = client.connect()) {
            assertThat(within(10_000, () -> {
                signIn(DEPARTMENT, "khong.ton.tai", "Sai@2026x");
                return !c.sync().keys("t:*:rl:signin-account*:khong.ton.tai").isEmpty();
            })).as("sign-in failures counted in Redis again").isTrue();
        } finally {
            client.shutdown();
        }

        BlockingQueue<Invalidation> heardByOtherNode = new LinkedBlockingQueue<>();
        try (RedisConnections other = new RedisConnections(redis.url())) {
            CacheBus otherNode = new CacheBus(other, event -> heardByOtherNode.add(event.invalidation()));
            try {
                Fixtures.flatProvince(provisioning, "redisve");
                assertThat(heardByOtherNode.poll(10, TimeUnit.SECONDS)).as("a site created here is announced")
                        .isEqualTo(new Invalidation.Directory());
            } finally {
                otherNode.close();
            }
        }
    }

}
