package vn.gov.portal.infra.pow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.ProofOfWorkSolver;
import vn.gov.portal.testing.ProofOfWorkSolver.Solution;

/**
 * The site-request form (page and API) takes a submission only with a solved proof of work that
 * this province issued for this form, unexpired, used once; anything else is refused with a
 * Vietnamese message and nothing is filed.
 */
@MicronautTest(transactional = false)
class AnonymousFormsProveWorkTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    MovableClock clock;

    private String province;
    private String other;
    private int seq;

    @Override
    protected boolean movesTheClock() {
        return true;
    }

    @BeforeAll
    void provinces() {
        province = Fixtures.flatProvince(provisioning, "powa");
        other = Fixtures.flatProvince(provisioning, "powb");
    }

    private String challenge(String host) {
        var r = get(host, "/api/v1/pow/challenge?form=site-request");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        return r.body();
    }

    /** The request form as a browser posts it, with these proof-of-work fields (none when null). */
    private HttpResponse<String> postPage(String host, Solution pow) {
        String label = "xapow" + (++seq);
        String body = "unitName=" + enc("Xã " + label) + "&kind=COMMUNE&subdomain=" + label
                + "&headName=" + enc("Lê Văn Thử") + "&headEmail=thu@" + label + ".vn&reason=" + enc("Mở trang")
                + "&consent=yes" + (pow == null ? "" : pow.formFields());
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)), "/dang-ky-trang",
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "10.7.0." + seq);
    }

    private HttpResponse<String> postApi(String host, Solution pow) {
        String label = "xapowapi" + (++seq);
        String json = "{\"unitName\":\"Xã " + label + "\",\"kind\":\"COMMUNE\",\"subdomain\":\"" + label
                + "\",\"headName\":\"Lê Văn Thử\",\"headEmail\":\"thu@" + label + ".vn\",\"reason\":\"Mở trang\"}";
        String[] headers = {"Content-Type", "application/json", "Accept", "application/json",
                "X-Forwarded-For", "10.7.1." + seq};
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(json)),
                "/api/v1/site-requests", pow == null ? headers : pow.headers(headers));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aSolvedChallengeFilesOnceAndASecondUseIsRefused() {
        Solution pow = ProofOfWorkSolver.solve(challenge(province));
        var first = postPage(province, pow);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("Đã nhận đề nghị số");

        var again = postPage(province, pow);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Lần xác minh này đã được dùng");
        var overApi = postApi(province, pow);
        assertThat(overApi.statusCode()).as("the API shares the spent list").isEqualTo(422);
        assertThat(overApi.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void withoutTheProofThePageSaysJavaScriptIsNeededAndNothingIsFiled() {
        var page = get(province, "/dang-ky-trang");
        assertThat(page.body()).contains("data-pow=\"site-request\"").contains("Biểu mẫu này cần JavaScript")
                .contains("/base/static/pow.js").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp.substring(csp.indexOf("script-src"))).startsWith("script-src 'self'")
                        .doesNotContain("unsafe-inline"));

        var bare = postPage(province, null);
        assertThat(bare.statusCode()).isEqualTo(422);
        assertThat(bare.body()).contains("biểu mẫu cần JavaScript").doesNotContain("Đã nhận đề nghị số");
        assertThat(postApi(province, null).statusCode()).isEqualTo(422);
    }

    @Test
    void aForgedOrUnsolvedOrForeignChallengeIsRefused() {
        Solution real = ProofOfWorkSolver.solve(challenge(province));
        // A nonce that does not reach the difficulty the challenge asks (4 zero bits in tests).
        String[] parts = real.challenge().split("\\.");
        assertThat(parts[3]).as("difficulty is configurable; tests run low").isEqualTo("4");
        var unsolved = postPage(province, new Solution(real.challenge(),
                ProofOfWorkSolver.nonce(real.challenge(), 4, false)));
        assertThat(unsolved.statusCode()).isEqualTo(422);
        assertThat(unsolved.body()).contains("Không xác minh được lần gửi này");

        // Lowering the difficulty written in the challenge breaks its signature.
        String easier = String.join(".", parts[0], parts[1], parts[2], "1", parts[4], parts[5]);
        var forged = postPage(province, new Solution(easier, ProofOfWorkSolver.nonce(easier, 1, true)));
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(forged.body()).contains("Không xác minh được lần gửi này");

        // Another province's challenge, solved, is not this province's.
        Solution foreign = ProofOfWorkSolver.solve(challenge(other));
        var crossTenant = postPage(province, foreign);
        assertThat(crossTenant.statusCode()).isEqualTo(422);
        assertThat(crossTenant.body()).contains("Không xác minh được lần gửi này");
        // ...and still good where it was issued: refusing it elsewhere did not spend it.
        assertThat(postPage(other, foreign).statusCode()).isEqualTo(200);

        // Another form's challenge does not open this one.
        Solution otherForm = ProofOfWorkSolver.solve(get(province, "/api/v1/pow/challenge?form=question").body());
        assertThat(postPage(province, otherForm).statusCode()).isEqualTo(422);
    }

    @Test
    void theRatingFormProvesWorkToo() {
        String site = "so." + province;
        String scores = "trang=%2F&giao-dien=5&noi-dung=4&chat-luong=3&ho-tro=4";
        var bare = send(site, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(scores)), "/danh-gia",
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "10.7.2.1");
        assertThat(bare.statusCode()).isEqualTo(422);
        assertThat(bare.body()).contains("biểu mẫu cần JavaScript").doesNotContain("Cảm ơn bạn đã đánh giá");
        // The site request's challenge is not the rating form's.
        Solution request = ProofOfWorkSolver.solve(get(site, "/api/v1/pow/challenge?form=site-request").body());
        assertThat(send(site, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(scores
                        + request.formFields())), "/danh-gia", "Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-For", "10.7.2.2").statusCode()).isEqualTo(422);
        Solution rating = ProofOfWorkSolver.solve(get(site, "/api/v1/pow/challenge?form=rating").body());
        var rated = send(site, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(scores
                        + rating.formFields())), "/danh-gia", "Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-For", "10.7.2.3");
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(rated.body()).contains("Cảm ơn bạn đã đánh giá");
        assertThat(get(site, "/").body()).contains("data-pow=\"rating\"", "name=\"pow-nonce\"");
    }

    @Test
    void anExpiredChallengeIsRefused() {
        Solution pow = ProofOfWorkSolver.solve(challenge(province));
        clock.set(clock.instant().plus(Duration.ofMinutes(11)));
        try {
            var late = postPage(province, pow);
            assertThat(late.statusCode()).isEqualTo(422);
            assertThat(late.body()).contains("Phiên xác minh đã hết hạn");
        } finally {
            clock.set(java.time.Instant.now());
        }
    }
}
