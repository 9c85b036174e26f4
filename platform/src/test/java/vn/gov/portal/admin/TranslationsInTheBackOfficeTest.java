package vn.gov.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 12, Build 6 for articles: "add the English version" opens the Vietnamese original beside
 * the translation form, in the languages the province offers; the translation is an article of
 * its own that goes through the same approval; the list shows each item's translation state.
 */
@SharedApplication
class TranslationsInTheBackOfficeTest extends PortalTest {

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String host;
    private String label;
    private String otherHost;
    private String otherLabel;

    @BeforeAll
    void provincesOfTheirOwn() {
        String domain = Fixtures.flatProvince(provisioning, "bandich", List.of("vi", "en"));
        host = "so." + domain;
        label = domain.replace(".test", "");
        seat(domain, "cong-tac-vien", Role.CONTRIBUTOR);
        seat(domain, "truong-ban", Role.HEAD);
        String other = Fixtures.flatProvince(provisioning, "bandichkhac", List.of("vi", "en"));
        otherHost = "so." + other;
        otherLabel = other.replace(".test", "");
        seat(other, "truong-ban", Role.HEAD);
    }

    private void seat(String domain, String who, Role role) {
        var snapshot = directory.snapshot();
        var province = snapshot.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
        long id = accounts.create(domain.replace(".test", "") + "." + who, "Thành viên " + who, null, DEMO_PASSWORD,
                null);
        accounts.grant(snapshot.child(province.id(), "so").id(), id, role, "test");
    }

    private String cookie(String onHost, String username) {
        return "portal_session=" + token(onHost, username);
    }

    private HttpResponse<String> multipart(String onHost, String cookie, String path, Map<String, String> fields) {
        String boundary = "----bandich" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(onHost, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body.toString(),
                StandardCharsets.UTF_8)), path, "Cookie", cookie, "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    @Test
    void theEnglishVersionIsWrittenBesideTheOriginalApprovedLikeAnyArticleAndTheListShowsItsState() {
        String writer = label + ".cong-tac-vien";
        String writerToken = token(host, writer);
        String head = token(host, label + ".truong-ban");
        var original = api(host, writerToken, "POST", "/api/v1/articles",
                "{\"title\":\"Thu hút đầu tư năm 2026\",\"bodyHtml\":\"<p>Tỉnh mời gọi nhà đầu tư.</p>\"}");
        String id = field(original.body(), "id");
        String writerCookie = cookie(host, writer);

        var page = get(host, "/admin/bai-viet/" + id, "Cookie", writerCookie);
        assertThat(page.body()).contains("href=\"/admin/bai-viet/" + id + "/dich/en\"", "Thêm bản tiếng Anh")
                .doesNotContain("/dich/ko");
        var form = get(host, "/admin/bai-viet/" + id + "/dich/en", "Cookie", writerCookie);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Bản gốc tiếng Việt", "Tỉnh mời gọi nhà đầu tư.", "lang=\"en\"");
        assertThat(get(host, "/admin/bai-viet/" + id + "/dich/ko", "Cookie", writerCookie).statusCode())
                .as("a language the province does not offer").isEqualTo(404);

        var saved = multipart(host, writerCookie, "/admin/bai-viet/" + id + "/dich/en", Map.of("_csrf", csrfOf(host, writerCookie),
                "title", "Investment attraction 2026", "summary", "", "body", "<p>The province invites investors.</p>"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String location = saved.headers().firstValue("Location").orElseThrow();
        String translation = location.substring(location.lastIndexOf('/') + 1);
        var made = api(host, writerToken, "GET", "/api/v1/articles/" + translation, null).body();
        assertThat(made).contains("\"language\":\"en\"", "\"status\":\"DRAFT\"");
        assertThat(get(host, "/admin/bai-viet/" + id + "/dich/en", "Cookie", writerCookie).statusCode())
                .as("a second English version is not started: the existing one opens").isEqualTo(303);

        assertThat(get(host, "/admin/bai-viet", "Cookie", writerCookie).body())
                .contains("href=\"/admin/bai-viet/" + translation + "\" lang=\"en\">EN</a> (<span>Nháp</span>");
        String slug = field(made, "slug");
        assertThat(get(host, "/en/tin-tuc/" + slug).statusCode()).as("not before approval").isEqualTo(404);

        api(host, writerToken, "POST", "/api/v1/articles/" + translation + "/submit", null);
        assertThat(api(host, head, "POST", "/api/v1/articles/" + translation + "/approve", "{\"expectedRevision\":1}")
                .statusCode()).isEqualTo(200);
        assertThat(get(host, "/admin/bai-viet", "Cookie", writerCookie).body())
                .contains("lang=\"en\">EN</a> (<span>Đã xuất bản</span>");
        var english = get(host, "/en/tin-tuc/" + slug);
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("The province invites investors.");
        assertThat(get(host, "/admin/bai-viet/" + id, "Cookie", writerCookie).body())
                .contains("href=\"/admin/bai-viet/" + translation + "\">Bản tiếng Anh</a>");
    }

    @Test
    void anotherSitesHeadCannotTranslateThisSitesArticle() {
        String id = field(api(host, token(host, label + ".cong-tac-vien"), "POST", "/api/v1/articles",
                "{\"title\":\"Bài riêng của sở\"}").body(), "id");
        String other = cookie(otherHost, otherLabel + ".truong-ban");
        assertThat(get(otherHost, "/admin/bai-viet/" + id + "/dich/en", "Cookie", other).statusCode()).isEqualTo(404);
        assertThat(multipart(otherHost, other, "/admin/bai-viet/" + id + "/dich/en",
                Map.of("_csrf", csrfOf(otherHost, other), "title", "Taken")).statusCode()).isEqualTo(404);
    }
}
