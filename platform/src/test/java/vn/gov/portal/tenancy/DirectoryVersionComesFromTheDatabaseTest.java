package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;

/**
 * Every node polls the directory's version to catch changes nobody announced to it. The version
 * was the count and the latest updated_at of the tenants, written from the writer's clock: a
 * change that left updated_at where it was (an edit by hand, a node whose clock runs behind)
 * went unseen for good. Now the database counts the writes, so the poll sees every one.
 */
@MicronautTest(transactional = false)
class DirectoryVersionComesFromTheDatabaseTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.tenancy.refresh", "300ms");
        return properties;
    }

    @Test
    void aChangeThatKeepsUpdatedAtIsStillSeenByThePoll() throws Exception {
        String domain = Fixtures.flatProvince(provisioning, "phienban");
        String host = "so." + domain;
        assertThat(get(host, "/").body()).contains("Sở Thử nghiệm");
        String before = directory.snapshot().version();

        // Written behind this node's back, with updated_at as it was; nobody calls reload().
        try (var c = db().owner(); var st = c.createStatement()) {
            st.execute("UPDATE tenants SET name = 'Sở Đổi tên Bằng tay' WHERE subdomain = 'so' "
                    + "AND parent_id = (SELECT id FROM tenants WHERE '" + domain + "' = ANY(base_domains))");
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (!get(host, "/").body().contains("Sở Đổi tên Bằng tay") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(get(host, "/").body()).contains("Sở Đổi tên Bằng tay");
        assertThat(directory.snapshot().version()).isNotEqualTo(before);
    }
}
