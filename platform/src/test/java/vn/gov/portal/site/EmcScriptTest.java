package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Each site's own EMC snippet on every public page, the label, and a CSP that lets exactly it run. */
@SharedApplication
class EmcScriptTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    @Test
    void everyPageCarriesTheSitesOwnSnippetAllowedByItsHash() throws Exception {
        String domain = Fixtures.flatProvince(provisioning, "emc");
        String label = domain.substring(0, domain.indexOf('.'));
        Fixtures.ownerSql(directory, "UPDATE tenants SET emc_site_id = 4711, updated_at = now() WHERE subdomain = 'so'"
                + " AND parent_id = (SELECT id FROM tenants WHERE subdomain = '" + label + "')");
        String host = "so." + domain;
        String snippet = EmcScript.snippet(4711);
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(snippet.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (String path : java.util.List.of("/", "/gioi-thieu", "/so-do-cong", "/tim-kiem?q=x")) {
            var r = get(host, path);
            assertThat(r.body()).as(path).contains("<script>" + snippet + "</script>", "_govaq",
                    "setSiteId','4711'", "https://f-emc.ngsp.gov.vn/embed/gov-tracking.min.js", "Đã kết nối EMC");
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("'sha256-" + hash + "'", "https://f-emc.ngsp.gov.vn", "default-src 'self'")
                    .doesNotContain("'unsafe-inline' https://f-emc", "script-src 'self' 'unsafe-inline'");
        }
        // The commune next door has no id yet: no snippet, no label, and no hash in its policy.
        var other = get("xa." + domain, "/");
        assertThat(other.body()).doesNotContain("_govaq", "Đã kết nối EMC");
        assertThat(other.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("sha256");
    }
}
