package vn.gov.portal.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The server takes large bodies only where it streams them (a site archive to import): a JSON
 * body past the buffered limit (10 MB) is the client's mistake, answered 413 in problem+json,
 * not a 500.
 */
@SharedApplication
class OversizedBodyIsRefusedWith413Test extends PortalTest {

    @Test
    void aTwelveMegabyteJsonBodyIs413() {
        String token = token(DEPARTMENT, "sotaichinh.bientap");
        String big = "{\"title\":\"Tin\",\"summary\":\"" + "a".repeat(12 * 1024 * 1024) + "\"}";
        var r = send(DEPARTMENT, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(big)),
                "/api/v1/articles", "Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(field(r.body(), "detail")).contains("vượt quá dung lượng");
    }
}
