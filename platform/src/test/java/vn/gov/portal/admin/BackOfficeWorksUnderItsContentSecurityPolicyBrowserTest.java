package vn.gov.portal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 13 in Chromium: under the back office's strict Content-Security-Policy the article form,
 * the settings and the members pages raise no CSP violation; the article form writes an article
 * with the editor (Quill 2), whose toolbar buttons all have Vietnamese names and which axe finds
 * nothing wrong with; and a refused form feeds the editor the sanitised body, never the raw one.
 */
@SharedApplication
@Tag("browser")
class BackOfficeWorksUnderItsContentSecurityPolicyBrowserTest extends PortalTest {
    /** Records every CSP violation the page reports; installed before any page script runs. */
    private static final String WATCH_CSP = "window.__csp = [];document.addEventListener('securitypolicyviolation',"
            + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile));";

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private Browser browser;
    private String host;
    private String head;

    @BeforeAll
    void aDepartmentWithAHead() {
        browser = new Browser();
        String domain = Fixtures.flatProvince(provisioning, "csp");
        host = "so." + domain;
        var province = directory.snapshot().provinces().stream().filter(p -> (p.subdomain() + ".test").equals(domain))
                .findFirst().orElseThrow();
        head = domain.substring(0, domain.indexOf('.')) + ".so.truongban";
        long id = accounts.create(head, "Trưởng ban Sở CSP", null, DEMO_PASSWORD, null);
        accounts.grant(directory.snapshot().child(province.id(), "so").id(), id, Role.HEAD, "test");
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String site() {
        return "http://" + host + ":" + server.getPort();
    }

    /** Signs the head in; what the console says about the CSP goes into {@code cspConsole}. */
    private Page signIn(List<String> cspConsole) {
        Page page = browser.person().newPage();
        page.addInitScript(WATCH_CSP);
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                cspConsole.add(m.text());
            }
        });
        page.navigate(site() + "/admin");
        page.getByLabel("Tên đăng nhập").fill(head);
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.waitForLoadState();
        assertThat(page.locator("main").innerText()).as(page.url()).doesNotContain("Không có quyền");
        assertThat(page.locator("h1")).hasText("Việc của tôi");
        return page;
    }

    private static List<?> violations(Page page) {
        return (List<?>) page.evaluate("() => window.__csp");
    }

    @Test
    void theArticleFormWritesAnArticleWithTheEditorUnderTheCsp() {
        List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
        Page page = signIn(console);
        page.navigate(site() + "/admin/bai-viet/moi");
        var toolbar = page.locator(".ql-toolbar");
        assertThat(toolbar).isVisible();
        for (String name : List.of("Kiểu đoạn văn", "Chữ đậm", "Chữ nghiêng", "Gạch chân", "Danh sách đánh số",
                "Danh sách gạch đầu dòng", "Chèn liên kết", "Chèn ảnh", "Xóa định dạng")) {
            assertThat(toolbar.getByLabel(name)).hasCount(1);
        }
        assertThat(page.locator(".ql-toolbar button:not([aria-label])")).hasCount(0);
        var axe = new AxeBuilder(page).analyze().getViolations();
        assertThat(axe).as("axe on the article form: " + axe.stream().map(v -> v.getId()).toList()).isEmpty();

        page.getByLabel("Tiêu đề").fill("Thông báo lịch tiếp công dân tháng 12");
        var editor = page.locator(".ql-editor");
        editor.click();
        page.keyboard().type("Lịch tiếp công dân ");
        toolbar.getByLabel("Chữ đậm").click();
        page.keyboard().type("thứ năm hằng tuần");
        toolbar.getByLabel("Chữ đậm").click();
        page.keyboard().press("Enter");
        toolbar.getByLabel("Danh sách gạch đầu dòng").click();
        page.keyboard().type("Buổi sáng tại trụ sở Sở");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu nháp")).click();
        assertThat(page.locator("h1")).hasText("Thông báo lịch tiếp công dân tháng 12");
        assertThat(violations(page)).as("CSP violations").isEmpty();
        assertThat(console).as("console CSP reports").isEmpty();

        String id = page.url().substring(page.url().lastIndexOf('/') + 1);
        String body = field(api(host, token(host, head), "GET", "/api/v1/articles/" + id, null).body(), "bodyHtml");
        assertThat(body).contains("<strong>thứ năm hằng tuần</strong>", "<ul>", "<li>Buổi sáng tại trụ sở Sở</li>")
                .as("plain spaces, not Quill 2.0.3's &nbsp;").doesNotContain("&nbsp;", "\\u00a0", "data-list");
    }

    @Test
    void theSettingsAndMembersPagesRaiseNoCspViolation() {
        List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
        Page page = signIn(console);
        for (String path : List.of("/admin/cai-dat", "/admin/thanh-vien", "/admin/bai-viet", "/admin/tai-khoan")) {
            var answer = page.navigate(site() + path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.headerValue("content-security-policy")).contains("script-src 'self'");
            assertThat(violations(page)).as("CSP violations on " + path).isEmpty();
        }
        assertThat(console).as("console CSP reports").isEmpty();
    }

    @Test
    void aRefusedFormFeedsTheEditorTheSanitisedBodyNotTheRawOne() {
        String cookie = "portal_session=" + token(host, head);
        String csrf = csrfOf(host, cookie);
        String boundary = "ranh-gioi";
        String raw = "<p>Nội dung</p><img src=\"/khong-co.png\" onerror=\"alert(1)\"><script>alert(2)</script>";
        StringBuilder form = new StringBuilder();
        for (String[] part : new String[][] {{"_csrf", csrf}, {"title", " "}, {"body", raw}}) {
            form.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part[0])
                    .append("\"\r\n\r\n").append(part[1]).append("\r\n");
        }
        form.append("--").append(boundary).append("--\r\n");
        var refused = send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(form.toString(),
                        StandardCharsets.UTF_8)), "/admin/bai-viet", "Cookie", cookie,
                "Content-Type", "multipart/form-data; boundary=" + boundary);
        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        assertThat(refused.body()).contains("Nội dung").doesNotContain("onerror", "alert(");
    }
}
