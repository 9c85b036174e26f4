package vn.gov.portal.provisioning.provinces;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The operator's console in Chromium at phone width (issue 12): sign in on the platform host,
 * a refused province comes back with the form as typed and the reason in Vietnamese, the fixed
 * one is created with its head's one-time link shown, listed, and its portal serves.
 */
@SharedApplication
@Tag("browser")
class OperatorCreatesAProvinceBrowserTest extends PortalTest {
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String at(String host) {
        return "http://" + host + ":" + server.getPort();
    }

    private static Page.GetByRoleOptions button(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void theOperatorSignsInOnThePlatformHostAndCreatesAProvince() {
        Page page = browser.person().newPage();
        page.setViewportSize(375, 800);
        page.navigate(at("nentang.localhost") + "/admin");
        assertThat(page.locator("h1")).hasText("Đăng nhập quản trị nền tảng");
        page.getByLabel("Tên đăng nhập").fill("platform.admin");
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, button("Đăng nhập")).click();
        assertThat(page.locator("h1")).hasText("Các tỉnh");
        assertThat(page.locator("table.provinces tbody tr").first()).isVisible();
        // The list is paged (other test classes add provinces): the demo is found by its name.
        String console = page.url();
        page.navigate(console + "?q=" + java.net.URLEncoder.encode("Thái Nguyên", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.locator("table.provinces")).containsText("thainguyen.localhost");
        page.navigate(console);

        page.getByLabel("Tên tỉnh", new Page.GetByLabelOptions().setExact(true)).fill("Tỉnh Thái Bình");
        page.getByLabel("Mã đơn vị hành chính của tỉnh").fill("34");
        page.getByLabel("Tên miền", new Page.GetByLabelOptions().setExact(true)).fill("thainguyen.localhost");
        page.getByLabel("Bộ quy chế áp dụng").selectOption("TB-2024");
        page.getByLabel("Họ tên Trưởng Ban Biên tập").fill("Đỗ Thị Bình");
        page.getByLabel("Thư điện tử của Trưởng Ban Biên tập").fill("binh@thaibinh.example.vn");
        page.getByRole(AriaRole.BUTTON, button("Tạo tỉnh")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Tên miền này đã thuộc");
        assertThat(page.getByLabel("Tên tỉnh", new Page.GetByLabelOptions().setExact(true))).hasValue("Tỉnh Thái Bình");

        page.getByLabel("Tên miền", new Page.GetByLabelOptions().setExact(true)).fill("thaibinh.localhost");
        page.getByLabel("Tên miền phụ (cùng phục vụ cổng của tỉnh)").fill("thaibinh-vn.localhost");
        page.getByRole(AriaRole.BUTTON, button("Tạo tỉnh")).click();
        assertThat(page.locator(".created")).containsText("Tỉnh Thái Bình");
        assertThat(page.locator(".created")).containsText("thaibinh.localhost");
        assertThat(page.locator("a.sign-in-link")).containsText("thaibinh.localhost");
        assertThat(page.locator("a.sign-in-link")).containsText("/admin/kich-hoat/");

        page.getByLabel("Tìm tỉnh (tên, mã hoặc tên miền)").fill("thai binh");
        page.getByRole(AriaRole.BUTTON, button("Lọc")).click();
        assertThat(page.locator("table.provinces tbody tr")).hasCount(1);
        assertThat(page.locator("table.provinces")).containsText("TB-2024");
        assertThat(page.locator("table.provinces")).containsText("thaibinh-vn.localhost");

        Page portal = browser.person().newPage();
        portal.navigate(at("thaibinh-vn.localhost") + "/");
        assertThat(portal.locator("body")).containsText("Tỉnh Thái Bình");
    }
}
