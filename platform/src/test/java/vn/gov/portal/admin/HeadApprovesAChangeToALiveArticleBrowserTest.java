package vn.gov.portal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
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
 * Issue 12's browser line for articles, in Chromium: a contributor edits a published article in
 * the back office and is told it waits for approval; visitors keep the approved text; the head
 * finds the change in the queue beside new submissions, reads the diff and approves it; only
 * then do visitors read the new text.
 */
@SharedApplication
@Tag("browser")
class HeadApprovesAChangeToALiveArticleBrowserTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private Browser browser;
    private String host;
    private String label;

    @BeforeAll
    void start() {
        browser = new Browser();
        String domain = Fixtures.flatProvince(provisioning, "thaydoi");
        host = "so." + domain;
        label = domain.replace(".test", "");
        var snapshot = directory.snapshot();
        var province = snapshot.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
        long site = snapshot.child(province.id(), "so").id();
        for (var seat : new Object[][] {{"cong-tac-vien", Role.CONTRIBUTOR}, {"truong-ban", Role.HEAD}}) {
            long id = accounts.create(label + "." + seat[0], "Thành viên " + seat[0], null, DEMO_PASSWORD, null);
            accounts.grant(site, id, (Role) seat[1], "test");
        }
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private String site() {
        return "http://" + host + ":" + server.getPort();
    }

    private Page signIn(String who) {
        Page page = browser.person().newPage();
        page.navigate(site() + "/admin");
        page.getByLabel("Tên đăng nhập").fill(label + "." + who);
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        assertThat(page.locator("h1")).hasText("Việc của tôi");
        return page;
    }

    @Test
    void theHeadReadsTheDiffAndApprovesTheChangeAndOnlyThenVisitorsSeeIt() {
        // The article's first publication, through the API.
        String contributorToken = token(host, label + ".cong-tac-vien");
        var created = api(host, contributorToken, "POST", "/api/v1/articles",
                "{\"title\":\"Lịch trực Tết Nguyên đán\",\"bodyHtml\":\"<p>Trực từ ngày mùng một</p>\"}");
        String id = field(created.body(), "id");
        api(host, contributorToken, "POST", "/api/v1/articles/" + id + "/submit", null);
        assertThat(api(host, token(host, label + ".truong-ban"), "POST", "/api/v1/articles/" + id + "/approve",
                "{\"expectedRevision\":1}").statusCode()).isEqualTo(200);
        String publicPage = site() + "/tin-tuc/" + field(created.body(), "slug");

        Page writer = signIn("cong-tac-vien");
        writer.navigate(site() + "/admin/bai-viet/" + id);
        writer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sửa bài")).click();
        assertThat(writer.locator(".notice")).containsText("chờ Trưởng ban hoặc Phó Trưởng ban duyệt");
        writer.getByLabel("Tiêu đề").fill("Lịch trực Tết Nguyên đán 2027");
        writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi thay đổi chờ duyệt")).click();
        assertThat(writer.locator(".pending-change h2")).containsText("Thay đổi chờ duyệt");
        assertThat(writer.locator("h1")).hasText("Lịch trực Tết Nguyên đán");
        assertThat(writer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt thay đổi")))
                .hasCount(0);

        Page visitor = browser.person().newPage();
        visitor.navigate(publicPage);
        assertThat(visitor.locator("article h1")).hasText("Lịch trực Tết Nguyên đán");

        Page head = signIn("truong-ban");
        head.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Duyệt bài")).click();
        assertThat(head.locator("h2").nth(1)).hasText("Thay đổi của bài đã xuất bản");
        assertThat(head.locator(".badge-pending")).hasText("Có thay đổi chờ duyệt");
        head.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lịch trực Tết Nguyên đán")).click();
        assertThat(head.locator(".pending-change .diff ins").first()).hasText("2027");
        // At phone width the review needs no sideways scrolling.
        head.setViewportSize(360, 740);
        Object overflow = head.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        head.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt thay đổi")).click();
        assertThat(head.locator("h1")).hasText("Lịch trực Tết Nguyên đán 2027");
        assertThat(head.locator(".pending-change")).hasCount(0);

        visitor.navigate(publicPage);
        assertThat(visitor.locator("article h1")).hasText("Lịch trực Tết Nguyên đán 2027");
    }
}
