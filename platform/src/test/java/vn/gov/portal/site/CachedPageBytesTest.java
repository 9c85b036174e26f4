package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * A cache hit writes pre-built bytes (plain, or gzip for clients that take it) without copying
 * them: these tests hold that every hit still gets the whole page, in either coding, and that
 * the validators of the two codings differ but both revalidate.
 */
@SharedApplication
class CachedPageBytesTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;

    private String province;
    private String department;
    private String commune;

    @BeforeAll
    void ownProvince() {
        String domain = Fixtures.flatProvince(provisioning, "bonho");
        province = domain;
        department = "so." + domain;
        commune = "xa." + domain;
    }

    private final HttpClient raw = HttpClient.newHttpClient();

    @Test
    void everyHitGetsTheWholePageAgain() throws Exception {
        byte[] first = bytes(province, "/", null).body();
        assertThat(first.length).isGreaterThan(PageCache.GZIP_MIN_BYTES);
        for (int i = 0; i < 5; i++) {
            assertThat(bytes(province, "/", null).body()).as("hit %d", i).isEqualTo(first);
        }
    }

    @Test
    void aClientThatTakesGzipGetsTheSamePageCompressed() throws Exception {
        var plain = bytes(department, "/", null);
        var gzip = bytes(department, "/", "gzip, deflate, br");
        var gzipAgain = bytes(department, "/", "gzip");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("accept-encoding"));
        assertThat(gzip.body().length).isLessThan(plain.body().length / 2);
        assertThat(gunzip(gzip.body())).isEqualTo(plain.body());
        assertThat(gunzip(gzipAgain.body())).as("a second hit, compressed").isEqualTo(plain.body());

        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(plainTag);
        assertThat(get(department, "/", "If-None-Match", gzipTag).statusCode()).isEqualTo(304);
        assertThat(get(department, "/", "If-None-Match", plainTag).statusCode()).isEqualTo(304);
        assertThat(get(commune, "/", "If-None-Match", gzipTag).statusCode()).as("another site's tag").isEqualTo(200);
    }

    @Test
    void gzipRefusedWithQZeroIsNotSent() throws Exception {
        var refused = bytes(department, "/", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("</html>");
        assertThat(SitePages.acceptsGzip("deflate, gzip;q=0.5")).isTrue();
        assertThat(SitePages.acceptsGzip("*")).isTrue();
        assertThat(SitePages.acceptsGzip("br")).isFalse();
        assertThat(SitePages.acceptsGzip("GZIP; q=0.0")).isFalse();
    }

    private HttpResponse<byte[]> bytes(String host, String path, String acceptEncoding) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).header("Host", host);
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        var response = raw.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
