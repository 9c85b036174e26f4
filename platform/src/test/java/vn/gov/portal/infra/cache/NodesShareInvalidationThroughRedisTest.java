package vn.gov.portal.infra.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.portal.testing.Eventually.within;

import io.lettuce.core.RedisClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.redis.RedisConnections;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestRedis;

/**
 * The application under test is one node with REDIS_URL set; the test plays a second node with
 * a bare cache bus on the same Redis. The directory poll is slowed to an hour here, so whatever
 * shows at once came over the bus.
 */
@MicronautTest(transactional = false)
@Tag("nodes")
class NodesShareInvalidationThroughRedisTest extends PortalTest {
    private static TestRedis redis;

    @Inject
    TenantDirectory directory;
    @Inject
    TenantProvisioning provisioning;

    private RedisConnections otherConnections;
    private CacheBus otherNode;
    private final BlockingQueue<Invalidation> heardByOtherNode = new LinkedBlockingQueue<>();

    @Override
    public Map<String, String> getProperties() {
        if (redis == null) {
            redis = TestRedis.start();
        }
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.redis.url", redis.url());
        properties.put("portal.tenancy.refresh", "1h");
        return properties;
    }

    @BeforeAll
    void startTheOtherNode() {
        otherConnections = new RedisConnections(redis.url());
        otherNode = new CacheBus(otherConnections, event -> heardByOtherNode.add(event.invalidation()));
    }

    @AfterAll
    void stopRedis() {
        otherNode.close();
        otherConnections.close();
        redis.close();
        redis = null;
    }

    @Test
    void anApprovalHereIsAnnouncedToTheOtherNodes() throws InterruptedException {
        String writer = token(DEPARTMENT, "sotaichinh.bientap");
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        String id = field(api(DEPARTMENT, writer, "POST", "/api/v1/articles", "{\"title\":\"Tin báo sang nút khác\"}")
                .body(), "id");
        api(DEPARTMENT, writer, "POST", "/api/v1/articles/" + id + "/submit", null);
        heardByOtherNode.clear();
        assertThat(api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/approve", "{}").statusCode())
                .isEqualTo(200);
        assertThat(heardByOtherNode.poll(5, TimeUnit.SECONDS))
                .isEqualTo(new Invalidation.SiteContent(tenantId("sotaichinh")));
    }

    @Test
    void anotherNodesContentChangeEvictsThisNodesPages() throws Exception {
        long department = tenantId("sotaichinh");
        get(DEPARTMENT, "/");
        String before = get(DEPARTMENT, "/").body();
        // Another node published a new title: the database has it, this node's cache does not.
        String title = "Tiêu đề sửa trên nút khác " + System.nanoTime();
        ownerSqlIn(department, "UPDATE articles SET title = '" + title + "' WHERE tenant_id = " + department
                + " AND id = (SELECT id FROM articles WHERE tenant_id = " + department
                + " AND status = 'PUBLISHED' ORDER BY published_at DESC LIMIT 1)");
        assertThat(get(DEPARTMENT, "/").body()).as("still cached").isEqualTo(before).doesNotContain(title);

        otherNode.broadcast(new Invalidation.SiteContent(department));
        assertThat(within(1000, () -> get(DEPARTMENT, "/").body().contains(title))).isTrue();
    }

    @Test
    void anotherNodesDirectoryChangeReloadsTheDirectoryAtOnce() throws Exception {
        heardByOtherNode.clear();
        String domain = Fixtures.flatProvince(provisioning, "bus");
        assertThat(heardByOtherNode.poll(5, TimeUnit.SECONDS)).as("a site created here is announced")
                .isEqualTo(new Invalidation.Directory());

        String host = "so." + domain;
        assertThat(get(host, "/").body()).contains("Sở Thử nghiệm");
        // Another node renamed the department and committed; this node has not looked since.
        try (var c = db().owner(); var st = c.createStatement()) {
            st.execute("UPDATE tenants SET name = 'Sở Đổi tên', updated_at = now() WHERE subdomain = 'so' "
                    + "AND parent_id = (SELECT id FROM tenants WHERE '" + domain + "' = ANY(base_domains))");
        }
        assertThat(get(host, "/").body()).doesNotContain("Sở Đổi tên");

        otherNode.broadcast(new Invalidation.Directory());
        assertThat(within(1000, () -> get(host, "/").body().contains("Sở Đổi tên"))).isTrue();
    }

    @Test
    void signInFailuresAreCountedInRedisUnderTheTenant() {
        assertThat(signIn(DEPARTMENT, "khong.ton.tai", "Sai@2026x").statusCode()).isEqualTo(401);
        RedisClient client = RedisClient.create(redis.url());
        try (var c = client.connect()) {
            // Accounts sign in on every site, so their count is the platform's (tenant 0); the
            // address's is its province's.
            assertThat(c.sync().keys("t:0:rl:signin-account-anywhere:khong.ton.tai")).hasSize(1);
            assertThat(c.sync().keys("t:" + provinceId() + ":rl:signin-address:*")).hasSize(1);
        } finally {
            client.shutdown();
        }
    }

    private long provinceId() {
        return directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow().id();
    }

    private long tenantId(String subdomain) {
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow();
        return directory.snapshot().children(province.id()).stream().filter(t -> t.subdomain().equals(subdomain))
                .findFirst().orElseThrow().id();
    }

    /** SQL as the schema owner inside one tenant's scope (the wall holds the owner too where forced). */
    private void ownerSqlIn(long tenantId, String sql) throws SQLException {
        try (var c = db().owner()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("SELECT set_config('app.tenants', '{" + tenantId + "}', true)");
                st.execute(sql);
            }
            c.commit();
        }
    }

}
