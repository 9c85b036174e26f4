package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Pages link their style sheets by fingerprint, and those addresses are cacheable for a year. */
@SharedApplication
class StaticAssetsTest extends PortalTest {

    @Test
    void fingerprintedAssetsAreImmutable() {
        var page = get(PROVINCE, "/").body();
        var m = Pattern.compile("href=\"(/assets/[0-9a-f]{12}/base/static/site\\.css)\"").matcher(page);
        assertThat(m.find()).isTrue();
        var css = get(PROVINCE, m.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get(PROVINCE, "/assets/000000000000/base/static/site.css").headers()
                .firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get(PROVINCE, "/assets/000000000000/../pom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void everySiteHasAnIcon() {
        var page = get(DEPARTMENT, "/").body();
        var m = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"(/assets/[0-9a-f]{12}/base/static/emblem\\.svg)\"")
                .matcher(page);
        assertThat(m.find()).as("the page names its icon").isTrue();
        var favicon = get(COMMUNE, "/favicon.ico");
        assertThat(favicon.statusCode()).isEqualTo(301);
        assertThat(favicon.headers().firstValue("Location")).hasValue(m.group(1));
        assertThat(get(COMMUNE, m.group(1)).headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    }
}
