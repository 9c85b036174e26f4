package vn.gov.portal.infra.pow;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.ProofOfWorkSolver;
import vn.gov.portal.testing.TestRedis;

/**
 * With REDIS_URL set, a spent challenge is kept in Redis (key {@code t:{tenant}:pow:{id}}, expiring
 * with the challenge), where every node looks before taking a form: a second use is refused.
 */
@MicronautTest(transactional = false)
@Tag("nodes")
class SpentChallengesAreSharedThroughRedisTest extends PortalTest {
    private TestRedis redis;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    @Override
    public Map<String, String> getProperties() {
        redis = TestRedis.start();
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("portal.redis.url", redis.url());
        return p;
    }

    @AfterAll
    void stopRedis() {
        redis.close();
    }

    @Test
    void aSpentChallengeIsInRedisUntilItExpiresAndIsRefusedAgain() {
        String province = Fixtures.flatProvince(provisioning, "powredis");
        long provinceId = directory.snapshot().provinces().stream()
                .filter(p -> (p.subdomain() + ".test").equals(province)).findFirst().orElseThrow().id();
        var pow = ProofOfWorkSolver.solve(get(province, "/api/v1/pow/challenge?form=site-request").body());
        assertThat(post(province, pow, "xaredis1").statusCode()).isEqualTo(200);

        String key = "t:" + provinceId + ":pow:" + pow.challenge().split("\\.")[4];
        RedisClient client = RedisClient.create(redis.url());
        try (var connection = client.connect()) {
            assertThat(connection.sync().exists(key)).as(key).isEqualTo(1L);
            long ttl = connection.sync().pttl(key);
            assertThat(ttl).as("kept until the challenge would expire, not for ever").isPositive()
                    .isLessThanOrEqualTo(11 * 60_000L);
        } finally {
            client.shutdown();
        }
        var again = post(province, pow, "xaredis2");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Lần xác minh này đã được dùng");
    }

    private HttpResponse<String> post(String host, ProofOfWorkSolver.Solution pow, String label) {
        String body = "unitName=" + URLEncoder.encode("Xã " + label, StandardCharsets.UTF_8) + "&kind=COMMUNE&subdomain="
                + label + "&headName=" + URLEncoder.encode("Lê Văn Thử", StandardCharsets.UTF_8) + "&headEmail=thu@"
                + label + ".vn&reason=x&consent=yes" + pow.formFields();
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)), "/dang-ky-trang",
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "10.5.0." + label.length());
    }
}
