package vn.gov.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.NodeProcess;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;
import vn.gov.portal.testing.TestDatabase;
import vn.gov.portal.testing.TestRedis;

/**
 * Issue 12, build 4: a site's settings saved on node A show on node B within one second. Two
 * separate JVMs share the test's PostgreSQL and a Redis of the test's own; B has the page in its
 * cache before the save. (B's own 5-second directory poll could also catch a change, by luck, in
 * about one run in five; the bus is what makes it every time.) Logs: target/settings-nodes/.
 */
@SharedApplication
@Tag("nodes")
class SiteSettingsOnOneNodeShowOnAnotherTest extends PortalTest {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
    private static final Tenant.Branding PLAIN = Tenant.Branding.footer(null, null, "Cơ quan thử nghiệm", null, null,
            null, null);

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private TestRedis redis;
    private NodeProcess nodeA;
    private NodeProcess nodeB;
    private String so;
    private String username;

    @BeforeAll
    void aProvinceThenRedisAndTwoNodes() {
        String label = "hainut" + UUID.randomUUID().toString().substring(0, 6);
        provisioning.createProvince(new TenantProvisioning.NewProvince(label, "Tỉnh " + label, null,
                List.of(label + ".test"), "TN-2026", List.of("vi"), PLAIN), List.of(
                new TenantProvisioning.NewSite(TenantKind.DEPARTMENT, "so", "Sở Hai Nút", null, null, PLAIN)), "test");
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(label)).findFirst()
                .orElseThrow();
        username = label + ".quantri";
        long admin = accounts.create(username, "Quản trị Sở Hai Nút", null, DEMO_PASSWORD, null);
        accounts.grant(directory.snapshot().child(province.id(), "so").id(), admin, Role.SITE_ADMIN, "test");
        so = "so." + label + ".test";

        redis = TestRedis.start();
        Map<String, String> env = new HashMap<>(TestDatabase.get().environment());
        env.put("REDIS_URL", redis.url());
        Path dir = Path.of("target", "settings-nodes").toAbsolutePath();
        TestDatabase.deleteTree(dir);
        nodeA = NodeProcess.start("a", dir.resolve("a"), env);
        nodeB = NodeProcess.start("b", dir.resolve("b"), env);
        nodeA.awaitUp(Duration.ofSeconds(90));
        nodeB.awaitUp(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopThem() {
        for (AutoCloseable each : new AutoCloseable[] {nodeA, nodeB, redis}) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                System.err.println("Could not stop " + each + ": " + e);
            }
        }
    }

    @Test
    void aFooterSavedOnNodeAShowsOnNodeBWithinOneSecond() throws InterruptedException {
        String phone = "0208 3" + (100 + (System.nanoTime() % 900)) + " 555";
        for (int i = 0; i < 2; i++) {
            assertThat(nodeB.get(so, "/lien-he").body()).doesNotContain(phone);
        }
        String token = nodeA.token(so, username, DEMO_PASSWORD);
        var saved = nodeA.api(so, token, "PUT", "/api/v1/site/settings", "{\"name\":\"Sở Hai Nút\","
                + "\"footer\":{\"agency\":\"Cơ quan thử nghiệm\",\"phone\":\"" + phone + "\"},"
                + "\"menu\":[{\"key\":\"home\"},{\"key\":\"about\"},{\"key\":\"public-services\"},"
                + "{\"key\":\"contact\"},{\"key\":\"sitemap\"},{\"key\":\"search\"},{\"key\":\"parent\"}],"
                + "\"homeBlocks\":[\"latest\"],\"languages\":[\"vi\"]}");
        long savedAt = System.nanoTime();
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        long deadline = savedAt + VISIBLE_WITHIN.toNanos();
        while (true) {
            String page = nodeB.get(so, "/lien-he").body();
            long now = System.nanoTime();
            if (page.contains(phone)) {
                System.out.println("Node B showed node A's settings after "
                        + TimeUnit.NANOSECONDS.toMillis(now - savedAt) + " ms");
                break;
            }
            if (now > deadline) {
                throw new AssertionError("Node B did not show the new footer within " + VISIBLE_WITHIN
                        + "; its log ends:\n" + nodeB.logTail());
            }
            Thread.sleep(10);
        }
    }
}
