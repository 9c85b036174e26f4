package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.HostResolver;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;

/**
 * What one visitor asks for never changes what the next one gets from the page cache: not the
 * scheme the proxy reports, not query parameters no page reads, and not a flood of addresses on
 * another site. The caps are made small here (2 MB in all, 1 MB a site) so a flood is a few
 * dozen requests.
 */
@MicronautTest(transactional = false)
class PageCacheKeepsVisitorsAndSitesApartTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    HostResolver hosts;
    @Inject
    PageCache cache;

    private String department;
    private String commune;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.page-cache-mb", "2");
        properties.put("portal.page-cache-site-mb", "1");
        return properties;
    }

    @BeforeAll
    void sites() {
        String domain = Fixtures.flatProvince(provisioning, "bonho");
        department = "so." + domain;
        commune = "xa." + domain;
    }

    @Test
    void aRequestForwardedAsHttpsDoesNotGiveThePlainVisitorHttpsLinks() {
        var proxied = get(commune, "/lien-he", "X-Forwarded-Proto", "https");
        assertThat(proxied.body()).contains("<link rel=\"canonical\" href=\"https://" + commune + "/lien-he\">");

        var plain = get(commune, "/lien-he");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("<link rel=\"canonical\" href=\"http://" + commune + "/lien-he\">")
                .doesNotContain("https://" + commune);
    }

    @Test
    void queryParametersNoPageReadsMakeNoEntries() {
        long site = tenantId(department);
        String page = get(department, "/gioi-thieu").body();
        long before = cache.entries(site);
        for (int i = 0; i < 20; i++) {
            var r = get(department, "/gioi-thieu?utm_source=" + UUID.randomUUID() + "&_=" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(page);
        }
        assertThat(cache.entries(site)).isEqualTo(before);
        // A parameter a page reads still makes its own entry.
        get(department, "/tim-kiem?q=ngân+sách");
        assertThat(cache.entries(site)).isEqualTo(before + 1);
        // Given twice, which one a page would read is unclear: answered, but neither served from nor kept.
        assertThat(get(department, "/tim-kiem?q=a&q=b").statusCode()).isEqualTo(200);
        assertThat(cache.entries(site)).isEqualTo(before + 1);
    }

    @Test
    void aFloodOfSearchesOnOneSiteDoesNotEvictAnotherSitesPage() {
        long other = tenantId(commune);
        assertThat(get(commune, "/").statusCode()).isEqualTo(200);
        String key = PageCache.key(other, "vi", "http", commune, "/", null);
        assertThat(cache.get(other, key)).as("the commune's home, cached").isNotNull();

        long flooded = tenantId(department);
        int requests = 60;
        for (int i = 0; i < requests; i++) {
            assertThat(get(department, "/tim-kiem?q=" + UUID.randomUUID()).statusCode()).isEqualTo(200);
        }
        // The department's segment stayed within its own cap, pushing out its own pages only.
        assertThat(cache.entries(flooded)).isBetween(1L, (long) requests - 1);
        assertThat(cache.get(other, key)).as("the commune's home, after the flood next door").isNotNull();
    }

    private long tenantId(String host) {
        return ((Resolution.Found) hosts.resolve(host)).tenant().id();
    }
}
