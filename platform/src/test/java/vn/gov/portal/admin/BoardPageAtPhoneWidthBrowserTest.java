package vn.gov.portal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
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
 * The board's page in Chromium at a phone's width, on a department of its own: the content
 * administrator adds an ủy viên (a refusal keeps what was typed and says why), the new member opens
 * the one-time link shown, sets a password and lands on a page with a menu; made secretary, the same
 * session writes at once; the seat ended with its handover, the session no longer opens the site.
 */
@SharedApplication
@Tag("browser")
class BoardPageAtPhoneWidthBrowserTest extends PortalTest {
    private static final String LABEL = "sobanbientap";
    private static final String PASSWORD = "Mat-khau@2026!Ban";
    @Inject
    SiteLifecycle lifecycle;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    private Browser browser;

    @BeforeAll
    void aNewDepartmentWithItsAdministratorAndHead() {
        browser = new Browser();
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow();
        var created = lifecycle.create(province, "thainguyen.localhost", new SiteLifecycle.NewSite(LABEL,
                "Sở Ban Biên Tập", TenantKind.DEPARTMENT, null, null, null),
                new vn.gov.portal.tenancy.LinkOrigin("http", ""), "test");
        long admin = accounts.create(LABEL + ".quantri", "Quản trị Sở Ban Biên Tập", null, DEMO_PASSWORD, null);
        accounts.grant(created.id(), admin, Role.SITE_ADMIN, "test");
        long head = accounts.create(LABEL + ".truongban", "Trưởng ban Sở Ban Biên Tập", null, DEMO_PASSWORD, null);
        accounts.grant(created.id(), head, Role.HEAD, "test");
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String site() {
        return "http://" + LABEL + ".thainguyen.localhost:" + server.getPort();
    }

    private BrowserContext phone() {
        BrowserContext context = browser.person();
        context.pages().forEach(Page::close);
        return context;
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private static void fitsTheScreen(Page page) {
        // What sticks out, named in the failure: each element past the right edge (a scrolling table's are not).
        Object wide = page.evaluate("[...document.querySelectorAll('body *')].filter(e => "
                + "e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll')).map(e => e.tagName + '.' + e.className "
                + "+ ':' + Math.round(e.getBoundingClientRect().width)).slice(0, 8).join(' ')");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at " + page.viewportSize().width + " px; too wide: " + wide).isTrue();
    }

    @Test
    void anAdministratorSeatsChangesAndEndsAMemberFromAPhone() {
        Page admin = phone().newPage();
        admin.setViewportSize(375, 740);
        admin.navigate(site() + "/admin/dang-nhap");
        admin.getByLabel("Tên đăng nhập").fill(LABEL + ".quantri");
        admin.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        admin.getByRole(AriaRole.BUTTON, named("Đăng nhập")).click();
        admin.navigate(site() + "/admin/thanh-vien");
        assertThat(admin.locator("h1")).hasText("Thành viên Ban Biên tập");
        fitsTheScreen(admin);
        assertThat(new AxeBuilder(admin).withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations()
                .stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())))
                .as("axe on the board's page").isEmpty();
        assertThat(admin.locator("#role option[value=HEAD]").count()).as("no seat above the administrator's").isZero();

        admin.getByLabel("Họ tên", new Page.GetByLabelOptions().setExact(true)).fill("Hoàng Thị Ủy Viên");
        admin.getByLabel("Thư điện tử").fill("uyvien@sobanbientap.vn");
        admin.getByLabel("Vai trò", new Page.GetByLabelOptions().setExact(true)).selectOption("MEMBER");
        admin.getByRole(AriaRole.BUTTON, named("Thêm thành viên")).click();
        assertThat(admin.locator("[role=status]")).containsText("Đã thêm thành viên với tài khoản mới");
        assertThat(admin.locator("[role=status]")).containsText("uyvien");
        String link = admin.locator("a.sign-in-link").getAttribute("href");
        assertThat(link).contains("/admin/kich-hoat/");
        assertThat(admin.locator("table")).containsText("Hoàng Thị Ủy Viên");

        // The same address again: refused on the form, with why, and what was typed kept.
        admin.getByLabel("Họ tên", new Page.GetByLabelOptions().setExact(true)).fill("Hoàng Thị Ủy Viên");
        admin.getByLabel("Thư điện tử").fill("uyvien@sobanbientap.vn");
        admin.getByRole(AriaRole.BUTTON, named("Thêm thành viên")).click();
        assertThat(admin.locator("[role=alert]")).containsText("đã là thành viên Ban Biên tập");
        assertThat(admin.getByLabel("Thư điện tử")).hasValue("uyvien@sobanbientap.vn");
        fitsTheScreen(admin);

        // The new member sets a password through the link and lands on a page with a menu.
        Page member = phone().newPage();
        member.setViewportSize(375, 740);
        assertThat(link).startsWith(site());
        member.navigate(link);
        member.getByLabel("Mật khẩu mới").fill(PASSWORD);
        member.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
        member.getByRole(AriaRole.BUTTON, named("Đặt mật khẩu và đăng nhập")).click();
        assertThat(member.locator("h1")).hasText("Việc của tôi");
        assertThat(member.locator("nav")).containsText("Tất cả bài");
        fitsTheScreen(member);
        assertThat(member.navigate(site() + "/admin/bai-viet/moi").status()).as("a member never writes").isEqualTo(403);

        // Made secretary: the member's open session writes at once.
        Locator row = admin.locator("tr", new Page.LocatorOptions().setHasText("Hoàng Thị Ủy Viên"));
        row.locator("select").selectOption("SECRETARY");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Đổi")).click();
        assertThat(admin.locator("[role=status]")).containsText("Đã đổi vai trò");
        assertThat(admin.locator("tr", new Page.LocatorOptions().setHasText("Hoàng Thị Ủy Viên"))).containsText("Thư ký");
        assertThat(member.navigate(site() + "/admin/bai-viet/moi").status()).isEqualTo(200);

        // Seat ended, work handed to the head: the session no longer opens this site's back office.
        admin.getByLabel("Người rời đi").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(admin.getByLabel("Người rời đi").locator("option", new Locator.LocatorOptions()
                        .setHasText("Hoàng Thị Ủy Viên")).textContent()));
        admin.getByLabel("Người nhận bàn giao").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(admin.getByLabel("Người nhận bàn giao").locator("option", new Locator.LocatorOptions()
                        .setHasText("Trưởng ban")).textContent()));
        admin.getByRole(AriaRole.BUTTON, named("Bàn giao và thôi nhiệm vụ")).click();
        assertThat(admin.locator("[role=status]")).containsText("Đã bàn giao");
        assertThat(admin.locator("table")).not().containsText("Hoàng Thị Ủy Viên");
        member.navigate(site() + "/admin");
        assertThat(member.getByLabel("Mật khẩu")).isVisible();
    }
}
