package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** The site API answers for the host's own site only, and its contract is published. */
@SharedApplication
class SiteApiTest extends PortalTest {

    @Test
    void eachHostDescribesItsOwnSite() {
        var r = get(DEPARTMENT, "/api/v1/site");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).contains("\"host\":\"sotaichinh.thainguyen.localhost\"", "\"name\":\"Sở Tài chính\"",
                "\"kind\":\"DEPARTMENT\"", "\"parentHost\":\"thainguyen.localhost\"").doesNotContain("\"id\"");
        assertThat(get(COMMUNE, "/api/v1/site").body()).contains("\"adminCode\":\"05443\"")
                .doesNotContain("Sở Tài chính");
    }

    @Test
    void theProvinceListsItsComponentSites() {
        var r = get(PROVINCE, "/api/v1/sites");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("sotaichinh.thainguyen.localhost", "phandinhphung.thainguyen.localhost");
        assertThat(get(DEPARTMENT, "/api/v1/sites").body()).isEqualTo("[]");
    }

    @Test
    void theContractIsPublishedOnEveryHost() {
        var r = get(COMMUNE, "/api/v1/openapi.yml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("openapi: 3.1.0").contains("/site:", "application/problem+json",
                "/auth/token:", "/articles/{id}/approve:", "/articles/{id}/revisions:");
    }
}
