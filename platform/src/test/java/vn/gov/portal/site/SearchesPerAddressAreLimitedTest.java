package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;

/**
 * Issue 13, Build 9: one client address may search a province a limited number of times a
 * window (here 3 a minute), counted across the province's sites; past it, 429 with
 * Retry-After. Another province, or another address, has its own allowance.
 */
@MicronautTest(transactional = false)
class SearchesPerAddressAreLimitedTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    SearchThrottle throttle;

    private String province;
    private String other;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.search.per-address", "3");
        return properties;
    }

    @BeforeAll
    void twoProvinces() {
        province = Fixtures.flatProvince(provisioning, "timkiemgioihan");
        other = Fixtures.flatProvince(provisioning, "timkiemkhac");
    }

    @Test
    void theFourthSearchInAMinuteFromOneAddressIsRefusedAcrossTheProvince() {
        // Different words each time: a page the cache answers never reaches the limit.
        assertThat(get(province, "/tim-kiem?q=mot").statusCode()).isEqualTo(200);
        assertThat(get("so." + province, "/tim-kiem?q=hai").statusCode()).isEqualTo(200);
        assertThat(get("xa." + province, "/tim-kiem?q=ba").statusCode()).isEqualTo(200);

        var refused = get("so." + province, "/tim-kiem?q=bon");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.body()).contains("Bạn đã tìm kiếm quá nhiều lần");
        var api = get(province, "/tim-kiem?q=nam", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(get(other, "/tim-kiem?q=bon").statusCode()).as("another province counts apart").isEqualTo(200);
        Tenant site = directory.snapshot().provinces().stream().filter(p -> p.baseDomains().contains(province))
                .findFirst().orElseThrow();
        assertThat(throttle.tryAcquire(site, "203.0.113.9")).as("another address has its own allowance").isTrue();
        assertThat(throttle.tryAcquire(site, "127.0.0.1")).isFalse();
    }
}
