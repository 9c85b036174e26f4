package vn.gov.portal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * "Cài đặt trang" in Chromium at phone width: the head of a department fills its footer (a bad
 * phone number is refused on the form with everything typed kept), adds two menu entries, moves
 * and removes one with the buttons, saves, and a visitor sees the footer and the menu. On a
 * province of its own under {@code .localhost}, which Chromium resolves to this machine.
 */
@SharedApplication
@Tag("browser")
class SiteSettingsFormBrowserTest extends PortalTest {
    private static final Tenant.Branding PLAIN = Tenant.Branding.footer(null, null, "Cơ quan thử nghiệm", null, null,
            null, null);
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    private Browser browser;
    private String label;

    @BeforeAll
    void aProvinceWithADepartmentAndItsHead() {
        browser = new Browser();
        label = "caidat" + UUID.randomUUID().toString().substring(0, 6);
        provisioning.createProvince(new TenantProvisioning.NewProvince(label, "Tỉnh " + label, null,
                List.of(label + ".localhost"), "TN-2026", List.of("vi"), PLAIN), List.of(
                new TenantProvisioning.NewSite(TenantKind.DEPARTMENT, "so", "Sở Cài Đặt", null, null, PLAIN)), "test");
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(label)).findFirst()
                .orElseThrow();
        long head = accounts.create(label + ".truongban", "Trưởng ban Sở Cài Đặt", null, DEMO_PASSWORD, null);
        accounts.grant(directory.snapshot().child(province.id(), "so").id(), head, Role.HEAD, "test");
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String site() {
        return "http://so." + label + ".localhost:" + server.getPort();
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void theHeadChangesTheFooterAndMenuAndVisitorsSeeThem() {
        var context = browser.person();
        Page head = context.newPage();
        head.setViewportSize(375, 800);
        head.navigate(site() + "/admin");
        head.getByLabel("Tên đăng nhập").fill(label + ".truongban");
        head.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        head.getByRole(AriaRole.BUTTON, named("Đăng nhập")).click();
        head.getByRole(AriaRole.LINK, named("Cài đặt trang")).click();
        assertThat(head.locator("h1")).hasText("Cài đặt trang");
        assertThat(head.getByLabel("Tên đầy đủ")).hasValue("Sở Cài Đặt");
        assertThat(head.locator(".menu-rows li.fixed")).hasCount(7);

        head.getByLabel("Chịu trách nhiệm chính").fill("Nguyễn Thị B, Giám đốc");
        head.getByLabel("Địa chỉ", new Page.GetByLabelOptions().setExact(true)).fill("2 Đường Cài Đặt");
        head.getByLabel("Điện thoại").fill("02 08");
        head.getByLabel("Fax").fill("0208 3000 002");
        head.getByLabel("Thư điện tử").fill("caidat@so.gov.vn");
        head.getByLabel("Giấy phép").fill("Giấy phép số 34/GP-TTĐT");
        head.getByRole(AriaRole.BUTTON, named("Thêm mục")).click();
        head.getByLabel("Tên mục 1").fill("Văn bản");
        head.getByLabel("Địa chỉ mục 1").fill("/van-ban");
        head.getByRole(AriaRole.BUTTON, named("Thêm mục")).click();
        assertThat(head.getByLabel("Tên mục 1")).hasValue("Văn bản");
        head.getByLabel("Tên mục 2").fill("Bộ Tài chính");
        head.getByLabel("Địa chỉ mục 2").fill("https://mof.gov.vn/");
        head.getByRole(AriaRole.BUTTON, named("Thêm mục")).click();
        head.getByLabel("Tên mục 3").fill("Mục thừa");
        head.getByLabel("Địa chỉ mục 3").fill("/thua");
        head.getByRole(AriaRole.BUTTON, named("Lên 2")).click();
        assertThat(head.getByLabel("Tên mục 1")).hasValue("Bộ Tài chính");
        head.getByRole(AriaRole.BUTTON, named("Xóa 3")).click();
        assertThat(head.locator(".menu-rows li.own")).hasCount(2);

        // Refused: the message, and everything typed still there.
        head.getByRole(AriaRole.BUTTON, named("Lưu cài đặt")).first().click();
        assertThat(head.locator("[role=alert]")).containsText("footer.phone");
        assertThat(head.locator("[role=alert]")).containsText("6 đến 20 chữ số");
        assertThat(head.getByLabel("Fax")).hasValue("0208 3000 002");
        assertThat(head.getByLabel("Tên mục 1")).hasValue("Bộ Tài chính");
        assertThat(head.getByLabel("Địa chỉ mục 2")).hasValue("/van-ban");
        assertThat(head.getByLabel("Điện thoại")).hasAttribute("aria-invalid", "true");
        Object overflow = head.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);
        assertThat(new AxeBuilder(head).withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations()
                .stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())))
                .as("axe on the settings form").isEmpty();

        head.getByLabel("Điện thoại").fill("0208 3855 456");
        head.getByRole(AriaRole.BUTTON, named("Lưu cài đặt")).first().click();
        assertThat(head.locator(".done")).hasText("Đã lưu; các trang công khai đã hiện cài đặt mới.");
        assertThat(head.getByLabel("Điện thoại")).hasValue("0208 3855 456");

        Page visitor = browser.person().newPage();
        visitor.navigate(site() + "/");
        Locator footer = visitor.locator("footer");
        assertThat(footer).containsText("0208 3855 456");
        assertThat(footer).containsText("Fax: 0208 3000 002");
        assertThat(footer).containsText("Giấy phép: Giấy phép số 34/GP-TTĐT");
        assertThat(footer).containsText("Nguyễn Thị B, Giám đốc");
        Locator menu = visitor.locator("nav.main-menu a");
        List<String> labels = menu.allInnerTexts();
        assertThat(labels).containsSubsequence("Dịch vụ công trực tuyến", "Bộ Tài chính", "Văn bản", "Liên hệ")
                .doesNotContain("Mục thừa");
        visitor.getByRole(AriaRole.LINK, named("Văn bản")).first().click();
        assertThat(visitor).hasURL(site() + "/van-ban");
    }
}
