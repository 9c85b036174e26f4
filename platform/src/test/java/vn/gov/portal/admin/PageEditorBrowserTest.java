package vn.gov.portal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.provisioning.SiteLifecycle;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The page editor in Chromium: a new department's editor is reminded of the pages not yet
 * written, writes the organisation chart in the rich-text editor (a refusal keeps what was typed),
 * saves a draft and sends it for approval; the head sees it waiting on the pages list, reads what
 * it adds and approves it; the editor confirms it reviewed, and a visitor, who saw no such page
 * until the approval, reads it under Giới thiệu with its "last updated" date.
 */
@SharedApplication
@Tag("browser")
class PageEditorBrowserTest extends PortalTest {
    private static final String LABEL = "sotrangbatbuoc";
    @Inject
    SiteLifecycle lifecycle;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    private Browser browser;

    @BeforeAll
    void aNewDepartmentWithAnEditor() {
        browser = new Browser();
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow();
        var created = lifecycle.create(province, "thainguyen.localhost", new SiteLifecycle.NewSite(LABEL,
                "Sở Trang Bắt Buộc", TenantKind.DEPARTMENT, null, null, null), new vn.gov.portal.tenancy.LinkOrigin("http", ""), "test");
        long editor = accounts.create(LABEL + ".bientap", "Biên tập viên Sở Trang Bắt Buộc", null, DEMO_PASSWORD, null);
        accounts.grant(created.id(), editor, Role.EDITOR, "test");
        long head = accounts.create(LABEL + ".truongban", "Trưởng ban Sở Trang Bắt Buộc", null, DEMO_PASSWORD, null);
        accounts.grant(created.id(), head, Role.HEAD, "test");
    }

    private Page signIn(String username) {
        Page page = browser.person().newPage();
        page.navigate(site() + "/admin");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, named("Đăng nhập")).click();
        return page;
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String site() {
        return "http://" + LABEL + ".thainguyen.localhost:" + server.getPort();
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void anEditorWritesTheOrganisationChartAndVisitorsReadItWithItsDate() {
        Page visitor = browser.person().newPage();
        visitor.navigate(site() + "/gioi-thieu");
        assertThat(visitor.locator("main")).not().containsText("Cơ cấu tổ chức");
        assertThat(visitor.navigate(site() + "/gioi-thieu/co-cau-to-chuc").status()).isEqualTo(404);

        Page editor = signIn(LABEL + ".bientap");
        assertThat(editor.locator("h1")).hasText("Việc của tôi");
        assertThat(editor.locator("main .notice")).containsText("8 trang bắt buộc chưa viết");
        editor.getByRole(AriaRole.LINK, named("Xem các trang")).click();
        assertThat(editor.locator("h1")).hasText("Trang giới thiệu");
        var row = editor.locator("tr[data-slug='co-cau-to-chuc']");
        assertThat(row).containsText("Chưa viết");
        assertThat(editor.locator("main .notice").first()).containsText("Còn 8 trang bắt buộc chưa viết");
        assertThat(new AxeBuilder(editor).withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations()
                .stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())))
                .as("axe on the page list").isEmpty();
        row.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cơ cấu tổ chức"))
                .click();
        assertThat(editor.locator("h1")).hasText("Cơ cấu tổ chức");
        assertThat(editor.locator(".page-facts")).containsText("Sơ đồ cơ cấu tổ chức của cơ quan");
        assertThat(editor.getByRole(AriaRole.BUTTON, named("Đã rà soát, không thay đổi"))).hasCount(0);

        // Nothing written: refused on the form, the new title kept.
        editor.getByLabel("Tiêu đề").fill("Sơ đồ tổ chức");
        editor.getByRole(AriaRole.BUTTON, named("Lưu").setExact(true)).click();
        assertThat(editor.locator("[role=alert]")).hasText("Nội dung trang không được để trống.");
        assertThat(editor.getByLabel("Tiêu đề")).hasValue("Sơ đồ tổ chức");

        editor.locator(".ql-editor").fill("Lãnh đạo Sở: Giám đốc và hai Phó Giám đốc; Văn phòng, Thanh tra, "
                + "ba phòng chuyên môn.");
        editor.getByRole(AriaRole.BUTTON, named("Lưu").setExact(true)).click();
        assertThat(editor.locator(".done")).containsText("Đã lưu bản nháp.");
        assertThat(editor.locator("h1")).hasText("Sơ đồ tổ chức");
        assertThat(editor.locator(".page-facts")).containsText("Bản nháp");
        editor.getByRole(AriaRole.BUTTON, named("Gửi duyệt")).click();
        assertThat(editor.locator(".done")).containsText("Đã gửi duyệt.");
        assertThat(editor.locator(".page-facts")).containsText("Chờ duyệt");
        // An editor does not approve: no review section for them.
        assertThat(editor.getByRole(AriaRole.BUTTON, named("Duyệt và xuất bản"))).hasCount(0);
        assertThat(visitor.navigate(site() + "/gioi-thieu/co-cau-to-chuc").status()).isEqualTo(404);

        // The head, at phone width, finds it waiting on the pages list, reads what it adds and approves.
        Page head = signIn(LABEL + ".truongban");
        head.setViewportSize(390, 844);
        head.navigate(site() + "/admin/trang");
        assertThat(head.locator("main .notice").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("chờ duyệt"))).containsText("Có 1 trang đang chờ duyệt.");
        var waiting = head.locator("tr[data-slug='co-cau-to-chuc']");
        assertThat(waiting).containsText("Chờ duyệt");
        waiting.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Sơ đồ tổ chức")).click();
        assertThat(head.locator(".page-review")).containsText("Trang chưa có bản nào được duyệt");
        assertThat(head.locator(".page-review ins").first()).containsText("Sơ đồ tổ chức");
        assertThat(head.locator(".page-review")).containsText("hai Phó Giám đốc");
        // The review section (the rich-text editor below it is the articles' and checked with them).
        assertThat(new AxeBuilder(head).include(List.of(".page-review")).withTags(List.of("wcag2a", "wcag2aa"))
                .analyze().getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())))
                .as("axe on the review").isEmpty();
        head.getByRole(AriaRole.BUTTON, named("Duyệt và xuất bản")).click();
        assertThat(head.locator(".done")).hasText("Đã duyệt. Nội dung đã hiện trên trang công khai.");
        assertThat(head.locator(".page-facts")).containsText("Đã đăng");

        editor.navigate(site() + "/admin/trang/co-cau-to-chuc");
        editor.getByRole(AriaRole.BUTTON, named("Đã rà soát, không thay đổi")).click();
        assertThat(editor.locator(".done")).hasText("Đã ghi nhận: nội dung được rà soát, không thay đổi.");
        editor.navigate(site() + "/admin/trang");
        assertThat(editor.locator("tr[data-slug='co-cau-to-chuc']")).not().containsText("Chưa viết");
        assertThat(editor.locator("tr[data-slug='co-cau-to-chuc']")).containsText("Đã đăng");
        assertThat(editor.locator("main .notice").first()).containsText("Còn 7 trang bắt buộc chưa viết");

        // The visitor's cached Giới thiệu was dropped by the save: the new page is listed and readable.
        visitor.navigate(site() + "/gioi-thieu");
        visitor.getByRole(AriaRole.LINK, named("Sơ đồ tổ chức")).click();
        assertThat(visitor).hasURL(site() + "/gioi-thieu/co-cau-to-chuc");
        assertThat(visitor.locator("h1")).hasText("Sơ đồ tổ chức");
        assertThat(visitor.locator(".page-body")).containsText("Lãnh đạo Sở: Giám đốc và hai Phó Giám đốc");
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(visitor.locator("main .updated")).containsText("Cập nhật lần cuối: ");
        assertThat(visitor.locator("main .updated time").first()).containsText(today);
        assertThat(visitor.locator(".breadcrumb")).containsText("Giới thiệu");
    }
}
