package vn.gov.portal.infra.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.ProofOfWorkSolver;

/**
 * Anonymous forms take a bounded number of submissions a day per site, whoever sends them (each
 * from a new address here): past the cap the form says so in Vietnamese and nothing is stored or
 * mailed; another province's day is its own.
 */
@MicronautTest(transactional = false)
class DailyCapsTest extends PortalTest {
    private static final int CAP = 2;
    @Inject
    TenantProvisioning provisioning;
    private int seq;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("portal.caps.site-requests-per-day", String.valueOf(CAP));
        p.put("portal.caps.ratings-per-day", String.valueOf(CAP));
        return p;
    }

    private HttpResponse<String> file(String province) {
        String label = "xatran" + (++seq);
        var pow = ProofOfWorkSolver.solve(get(province, "/api/v1/pow/challenge?form=site-request").body());
        String body = "unitName=" + enc("Xã " + label) + "&kind=COMMUNE&subdomain=" + label + "&headName="
                + enc("Lê Văn Thử") + "&headEmail=thu@" + label + ".vn&reason=" + enc("Mở trang") + "&consent=yes"
                + pow.formFields();
        // A new address each time: the per-address limit is not what stops these.
        return send(province, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)),
                "/dang-ky-trang", "Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-For", "10.6.0." + seq);
    }

    private HttpResponse<String> rate(String host) {
        String pow = ProofOfWorkSolver.solve(get(host, "/api/v1/pow/challenge?form=rating").body()).formFields();
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                        "trang=%2F&giao-dien=5&noi-dung=4&chat-luong=3&ho-tro=4" + pow)), "/danh-gia",
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "10.6.1." + (++seq));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private int requestsOf(String province) {
        String list = api(province, token(province, "platform.admin"), "GET", "/api/v1/site-requests", null).body();
        return list.split("\"unitName\"", -1).length - 1;
    }

    @Test
    void siteRequestsPastTheProvincesDayAreRefusedPolitelyAndNotStored() {
        String province = Fixtures.flatProvince(provisioning, "tranngay");
        String other = Fixtures.flatProvince(provisioning, "tranngaykhac");
        for (int i = 0; i < CAP; i++) {
            assertThat(file(province).statusCode()).isEqualTo(200);
        }
        var refused = file(province);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Hôm nay Cổng đã nhận đủ số đề nghị").doesNotContain("Đã nhận đề nghị số");
        assertThat(requestsOf(province)).as("nothing stored past the cap").isEqualTo(CAP);

        var overApi = send(province, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                        "{\"unitName\":\"Xã Thừa\",\"kind\":\"COMMUNE\",\"subdomain\":\"xathuaapi\",\"headName\":\"Lê Văn Thử\","
                                + "\"headEmail\":\"thu@xathuaapi.vn\",\"reason\":\"Mở trang\"}")), "/api/v1/site-requests",
                ProofOfWorkSolver.solve(get(province, "/api/v1/pow/challenge?form=site-request").body())
                        .headers("Content-Type", "application/json", "X-Forwarded-For", "10.6.2.1"));
        assertThat(overApi.statusCode()).isEqualTo(429);
        assertThat(requestsOf(province)).isEqualTo(CAP);

        // Another province's day is its own.
        assertThat(file(other).statusCode()).isEqualTo(200);
        assertThat(requestsOf(other)).isEqualTo(1);
    }

    @Test
    void ratingsPastTheSitesDayAreRefusedPolitelyAndNotStored() {
        String domain = Fixtures.flatProvince(provisioning, "danhgiangay");
        String site = "so." + domain;
        for (int i = 0; i < CAP; i++) {
            assertThat(rate(site).statusCode()).isEqualTo(200);
        }
        var refused = rate(site);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Hôm nay trang đã nhận đủ số đánh giá");
        String summary = api(site, token(site, "platform.admin"), "GET", "/api/v1/ratings", null).body();
        assertThat(summary).contains("\"page\":\"*\",\"count\":" + CAP + ",");

        // The commune of the same province has its own day.
        assertThat(rate("xa." + domain).statusCode()).isEqualTo(200);
    }
}
