package vn.gov.portal.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.portal.testing.Eventually.within;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.redis.RedisConfigured;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestRedis;

/**
 * With REDIS_URL set, {@code /health/ready} checks Redis too: 503 naming it while it is down, 200 once
 * it is back, while {@code /health/live} (which needs nothing) and {@code /health} (the database
 * only, as before) stay 200. On any host, known or not.
 */
@MicronautTest(transactional = false)
@Tag("nodes")
class ReadinessFollowsRedisTest extends PortalTest {
    private TestRedis redis;

    @Override
    public Map<String, String> getProperties() {
        if (redis == null) {
            redis = TestRedis.start();
        }
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put(RedisConfigured.PROPERTY, redis.url());
        return p;
    }

    @AfterAll
    void stopRedis() {
        redis.close();
    }

    @Test
    void readyTurns503WhileRedisIsDownAndBackAfter() throws InterruptedException {
        var ready = get("khong-co-trang-nay.localhost", "/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\":\"UP\"", "\"redis\":\"UP\"");
        assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");

        redis.stop();
        var down = get(PROVINCE, "/health/ready");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"database\":\"UP\"", "\"redis\":\"DOWN\"");
        assertThat(get(PROVINCE, "/health/live").statusCode()).isEqualTo(200);
        assertThat(get(PROVINCE, "/health").statusCode()).isEqualTo(200);

        redis.restart();
        assertThat(within(60_000, () -> get(PROVINCE, "/health/ready").statusCode() == 200))
                .as("/health/ready once Redis is back").isTrue();
    }
}
