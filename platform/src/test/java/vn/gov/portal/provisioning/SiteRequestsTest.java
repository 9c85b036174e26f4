package vn.gov.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.ProofOfWorkSolver;
import vn.gov.portal.testing.SharedApplication;

/**
 * A unit asks for a site on the province's portal; the province approves (the site and its head's
 * one-time link exist at once) or declines with a reason; the head sets a password through the link.
 */
@SharedApplication
class SiteRequestsTest extends PortalTest {

    private HttpResponse<String> postForm(String host, String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)), path, all);
    }

    /** The request form's fields, with the proof of work its page's script would add. */
    private String requestForm(String... pairs) {
        return form(pairs) + pow().formFields();
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private long fileOverApi(String label, String address) {
        var r = send(PROVINCE, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                "{\"unitName\":\"Xã " + label + "\",\"kind\":\"COMMUNE\",\"subdomain\":\"" + label
                        + "\",\"headName\":\"Nguyễn Văn An\",\"headEmail\":\"an@" + label + ".vn\",\"reason\":\"Mở trang\"}")),
                "/api/v1/site-requests", pow().headers("Content-Type", "application/json", "X-Forwarded-For", address));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Long.parseLong(field(r.body(), "id"));
    }

    @Test
    void theFormKeepsWhatWasTypedAndSaysWhatToFix() {
        var bad = postForm(PROVINCE, "/dang-ky-trang", requestForm("unitName", "Sở Khoa học và Công nghệ 2", "kind", "DEPARTMENT",
                "subdomain", "Sở KH&CN", "headName", "Trần Thị Bình", "headEmail", "binh@example.vn",
                "reason", "Sở mới thành lập"), "X-Forwarded-For", "10.9.0.1");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Tên miền con chỉ gồm chữ thường không dấu")
                .contains("value=\"Sở Khoa học và Công nghệ 2\"").contains("Sở mới thành lập").contains("binh@example.vn");

        var noConsent = postForm(PROVINCE, "/dang-ky-trang", requestForm("unitName", "Sở Khoa học và Công nghệ 2", "kind",
                "DEPARTMENT", "subdomain", "sokhcn2", "headName", "Trần Thị Bình", "headEmail", "binh@example.vn",
                "reason", "Sở mới thành lập"), "X-Forwarded-For", "10.9.0.1");
        assertThat(noConsent.statusCode()).isEqualTo(422);
        assertThat(noConsent.body()).contains("Cần đồng ý với thông báo xử lý dữ liệu cá nhân");
        var good = postForm(PROVINCE, "/dang-ky-trang", requestForm("unitName", "Sở Khoa học và Công nghệ 2", "kind",
                "DEPARTMENT", "subdomain", "sokhcn2", "headName", "Trần Thị Bình", "headEmail", "binh@example.vn",
                "reason", "Sở mới thành lập", "consent", "yes"), "X-Forwarded-For", "10.9.0.1");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).containsPattern("Đã nhận đề nghị số \\d+")
                .as("tests run without SMTP: the filer is told no confirmation was mailed")
                .contains("Cổng chưa gửi được thư xác nhận qua thư điện tử");
        assertThat(good.headers().firstValue("Cache-Control")).hasValue("no-store");

        assertThat(get(DEPARTMENT, "/dang-ky-trang").statusCode()).as("only the province takes requests").isEqualTo(404);
        assertThat(get(PROVINCE, "/dang-ky-trang").body()).contains("Đề nghị mở trang thông tin điện tử thành phần");
    }

    @Test
    void filingIsRateLimitedPerAddress() {
        for (int i = 0; i < SiteRequestController.PER_ADDRESS.capacity(); i++) {
            fileOverApi("xagioihan" + i, "10.9.0.2");
        }
        var refused = send(PROVINCE, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                        "{\"unitName\":\"Xã thừa\",\"kind\":\"COMMUNE\",\"subdomain\":\"xathua\",\"headName\":\"An\","
                                + "\"headEmail\":\"an@x.vn\",\"reason\":\"x\"}")),
                "/api/v1/site-requests", pow().headers("Content-Type", "application/json", "X-Forwarded-For", "10.9.0.2"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(fileOverApi("xadiachikhac", "10.9.0.3")).as("another address still may").isPositive();
    }

    @Test
    void approvalCreatesTheSiteAndTheHeadSetsAPasswordOnce() {
        long id = fileOverApi("xaduocduyet", "10.9.0.4");
        String admin = token(PROVINCE, "platform.admin");
        assertThat(api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "GET", "/api/v1/site-requests", null)
                .statusCode()).as("a department's head decides nothing").isEqualTo(403);
        assertThat(api(PROVINCE, admin, "GET", "/api/v1/site-requests", null).body()).contains("xaduocduyet");

        var approved = api(PROVINCE, admin, "POST", "/api/v1/site-requests/" + id + "/approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        String host = field(approved.body(), "host");
        assertThat(host).isEqualTo("xaduocduyet.thainguyen.localhost");
        assertThat(field(approved.body(), "headUsername")).isEqualTo("xaduocduyet.truongban");
        // No SMTP server in this test: the mail is recorded as not sent, and its link not kept.
        assertThat(approved.body()).contains("\"headMail\":{").contains("\"status\":\"NOT_CONFIGURED\"")
                .contains("\"to\":\"an@xaduocduyet.vn\"");
        assertThat(ownerQuery("SELECT count(*) FROM mail_outbox m JOIN tenants t ON t.id = m.tenant_id "
                + "WHERE t.subdomain = 'xaduocduyet' AND m.status = 'NOT_CONFIGURED' AND m.body_text IS NULL "
                + "AND m.wiped_at IS NOT NULL AND m.kind = 'site.head-link'")).isEqualTo(1);
        String link = field(approved.body(), "signInLink");
        assertThat(link).startsWith("http://" + host).contains("/admin/kich-hoat/");
        String path = link.substring(link.indexOf("/admin/"));
        assertThat(get(host, "/").statusCode()).isEqualTo(200);
        assertThat(api(PROVINCE, admin, "POST", "/api/v1/site-requests/" + id + "/approve", null).statusCode())
                .as("decided once").isEqualTo(409);

        assertThat(get(DEPARTMENT, path).statusCode()).as("the link is the new site's only").isEqualTo(410);
        var formPage = get(host, path);
        assertThat(formPage.statusCode()).isEqualTo(200);
        assertThat(formPage.body()).contains("Nguyễn Văn An").contains("xaduocduyet.truongban");
        AnonymousForm anonymous = anonymousForm(host, path);
        String cookie = anonymous.cookie();
        String csrf = anonymous.csrf();
        assertThat(postForm(host, path, form("_csrf", csrf, "password", "Ngan@2026moi", "password2", "Khac@2026moi"),
                "Cookie", cookie).statusCode()).isEqualTo(422);
        assertThat(postForm(host, path, form("_csrf", csrf, "password", "ngan", "password2", "ngan"),
                "Cookie", cookie).statusCode()).isEqualTo(422);
        var done = postForm(host, path, form("_csrf", csrf, "password", "Truongban@2026", "password2", "Truongban@2026"),
                "Cookie", cookie);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/admin");
        assertThat(done.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("portal_session="));
        assertThat(signIn(host, "xaduocduyet.truongban", "Truongban@2026").statusCode()).isEqualTo(200);

        var again = get(host, path);
        assertThat(again.statusCode()).as("used once").isEqualTo(410);
        assertThat(again.body()).contains("không còn hiệu lực");
    }

    @Test
    void theConsoleIsTheProvincesAlone() {
        String province = "portal_session=" + token(PROVINCE, "thainguyen.truongban");
        var console = get(PROVINCE, "/admin/trang-thanh-phan", "Cookie", province);
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Sở Tài chính").contains("sotaichinh.thainguyen.localhost");
        String department = "portal_session=" + token(DEPARTMENT, "sotaichinh.truongban");
        assertThat(get(DEPARTMENT, "/admin/trang-thanh-phan", "Cookie", department).statusCode()).isEqualTo(403);
        assertThat(postForm(DEPARTMENT, "/admin/trang-thanh-phan/1/trang-thai", form("_csrf", csrfOf(DEPARTMENT, department), "status", "SUSPENDED"),
                "Cookie", department).statusCode()).isEqualTo(403);
        // A refused action on the console says why on the page.
        long id = fileOverApi("xaconsole", "10.9.0.6");
        var refused = postForm(PROVINCE, "/admin/trang-thanh-phan/de-nghi/" + id + "/tu-choi",
                form("_csrf", csrfOf(PROVINCE, province), "reason", ""), "Cookie", province);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Hãy nêu lý do từ chối.");
        // Approved from the console: the link, and plainly that no mail went out.
        var approved = postForm(PROVINCE, "/admin/trang-thanh-phan/de-nghi/" + id + "/duyet", form("_csrf", csrfOf(PROVINCE, province)),
                "Cookie", province);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("/admin/kich-hoat/")
                .contains("Chưa gửi thư tới an@xaconsole.vn: máy chủ thư điện tử (SMTP) chưa được cấu hình.");
    }

    private long ownerQuery(String sql) {
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void aDeclineNeedsAReasonAndIsFinal() {
        long id = fileOverApi("xabituchoi", "10.9.0.5");
        String admin = token(PROVINCE, "thainguyen.truongban");
        assertThat(api(PROVINCE, admin, "POST", "/api/v1/site-requests/" + id + "/decline", "{\"reason\":\" \"}")
                .statusCode()).isEqualTo(422);
        var declined = api(PROVINCE, admin, "POST", "/api/v1/site-requests/" + id + "/decline",
                "{\"reason\":\"Đơn vị đã có trang\"}");
        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("\"status\":\"DECLINED\"").contains("\"status\":\"NOT_CONFIGURED\"")
                .contains("\"to\":\"an@xabituchoi.vn\"");
        assertThat(api(PROVINCE, admin, "POST", "/api/v1/site-requests/" + id + "/approve", null).statusCode())
                .isEqualTo(409);
        assertThat(get("xabituchoi.thainguyen.localhost", "/").statusCode()).isEqualTo(404);
        assertThat(api(PROVINCE, admin, "GET", "/api/v1/site-requests", null).body()).contains("Đơn vị đã có trang");
    }

    /** A solved proof of work of the province's request form, as its page's script would send it. */
    private ProofOfWorkSolver.Solution pow() {
        return ProofOfWorkSolver.solve(get(PROVINCE, "/api/v1/pow/challenge?form=site-request").body());
    }
}
