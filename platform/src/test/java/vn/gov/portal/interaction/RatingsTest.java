package vn.gov.portal.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.ProofOfWorkSolver;
import vn.gov.portal.testing.SharedApplication;

/** Satisfaction ratings: anonymous, validated, rate-limited, averaged for the site's own board only. */
@SharedApplication
class RatingsTest extends PortalTest {

    /** The rating form as a browser sends it, with the proof of work its page's script adds. */
    private java.net.http.HttpResponse<String> rate(String host, String address, String form) {
        String pow = ProofOfWorkSolver.solve(get(host, "/api/v1/pow/challenge?form=rating").body()).formFields();
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(form + pow)), "/danh-gia",
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", address);
    }

    @Test
    void aVisitorRatesAPageAndTheBoardSeesOnlyAverages() {
        var r = rate(COMMUNE, "203.0.113.7", "trang=%2Fgioi-thieu&giao-dien=5&noi-dung=4&chat-luong=3&ho-tro=4");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Cảm ơn bạn đã đánh giá", "href=\"/gioi-thieu\"");
        rate(COMMUNE, "203.0.113.8", "trang=%2Fgioi-thieu&giao-dien=3&noi-dung=2&chat-luong=5&ho-tro=4");

        String head = token(COMMUNE, "phandinhphung.truongban");
        var summary = api(COMMUNE, head, "GET", "/api/v1/ratings", null);
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body()).contains("\"page\":\"/gioi-thieu\",\"count\":2,\"design\":4.00,\"content\":3.00",
                "\"quality\":4.00,\"support\":4.00");
        // A contributor is not the board's reader of ratings.
        assertThat(api(COMMUNE, token(COMMUNE, "phandinhphung.bientap"), "GET", "/api/v1/ratings", null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void nothingPersonalIsStored() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var c = db().owner(); var rs = c.getMetaData().getColumns(null, null, "ratings", null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        assertThat(columns).containsExactlyInAnyOrder("tenant_id", "id", "page_path", "interface", "content",
                "quality", "support", "rated_on");
    }

    @Test
    void badInputIsRefusedInVietnameseAndStoresNothing() {
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        String before = api(DEPARTMENT, head, "GET", "/api/v1/ratings", null).body();
        for (String form : List.of("trang=%2F&giao-dien=6&noi-dung=4&chat-luong=3&ho-tro=4",
                "trang=%2F&giao-dien=5&noi-dung=4&chat-luong=3",
                "trang=%2F&giao-dien=abc&noi-dung=4&chat-luong=3&ho-tro=4",
                "trang=https%3A%2F%2Fevil.example%2F&giao-dien=5&noi-dung=4&chat-luong=3&ho-tro=4")) {
            var r = rate(DEPARTMENT, "198.51.100.1", form);
            assertThat(r.statusCode()).as(form).isEqualTo(400);
            assertThat(r.body()).contains("Vui lòng chấm đủ bốn tiêu chí").doesNotContain("evil.example");
        }
        assertThat(api(DEPARTMENT, head, "GET", "/api/v1/ratings", null).body()).isEqualTo(before);
    }

    @Test
    void floodsFromOneAddressAreRefused() {
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            if (rate(PROVINCE, "192.0.2.99", "trang=%2F&giao-dien=5&noi-dung=5&chat-luong=5&ho-tro=5")
                    .statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(2);
        // Another address is not affected.
        assertThat(rate(PROVINCE, "192.0.2.100", "trang=%2F&giao-dien=5&noi-dung=5&chat-luong=5&ho-tro=5")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aBoardCannotReadAnotherSitesRatings() {
        rate(DEPARTMENT, "203.0.113.50", "trang=%2Flien-he&giao-dien=1&noi-dung=1&chat-luong=1&ho-tro=1");
        String communeHead = token(COMMUNE, "phandinhphung.truongban");
        // The commune's token on the department's host is refused, and its own summary lacks the page.
        assertThat(api(DEPARTMENT, communeHead, "GET", "/api/v1/ratings", null).statusCode()).isEqualTo(401);
        assertThat(api(COMMUNE, communeHead, "GET", "/api/v1/ratings", null).body()).doesNotContain("/lien-he");
    }
}
