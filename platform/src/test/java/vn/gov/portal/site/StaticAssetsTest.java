package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Pages link their style sheets by fingerprint, and those addresses are cacheable for a year. */
@SharedApplication
class StaticAssetsTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;

    private String province;
    private String department;
    private String commune;

    @BeforeAll
    void ownProvince() {
        String domain = Fixtures.flatProvince(provisioning, "tinh");
        province = domain;
        department = "so." + domain;
        commune = "xa." + domain;
    }

    @Test
    void fingerprintedAssetsAreImmutable() {
        var page = get(province, "/").body();
        var m = Pattern.compile("href=\"(/assets/[0-9a-f]{12}/base/static/site\\.css)\"").matcher(page);
        assertThat(m.find()).isTrue();
        var css = get(province, m.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get(province, "/assets/000000000000/base/static/site.css").headers()
                .firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get(province, "/assets/000000000000/../pom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void everySiteHasAnIcon() {
        var page = get(department, "/").body();
        var m = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"(/assets/[0-9a-f]{12}/base/static/emblem\\.svg)\"")
                .matcher(page);
        assertThat(m.find()).as("the page names its icon").isTrue();
        var favicon = get(commune, "/favicon.ico");
        assertThat(favicon.statusCode()).isEqualTo(301);
        assertThat(favicon.headers().firstValue("Location")).hasValue(m.group(1));
        assertThat(get(commune, m.group(1)).headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    }
}
