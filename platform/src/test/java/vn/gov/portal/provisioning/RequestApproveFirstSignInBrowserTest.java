package vn.gov.portal.provisioning;

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
 * Issue 5's browser line, in Chromium: a commune files a request on the province's portal; the
 * platform admin approves it in the console and gets the head's link; the head opens it on the
 * new site, sets a password and lands in the new site's back office.
 */
@SharedApplication
@Tag("browser")
class RequestApproveFirstSignInBrowserTest extends PortalTest {
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

    @Test
    void aCommuneAsksTheProvinceApprovesTheHeadSignsIn() {
        Page unit = browser.person().newPage();
        unit.navigate(at(PROVINCE) + "/dang-ky-trang");
        unit.getByLabel("Tên đơn vị").fill("Xã Trình Duyệt");
        unit.getByLabel("Loại đơn vị").selectOption("COMMUNE");
        unit.getByLabel("Tên miền con mong muốn").fill("xatrinhduyet");
        unit.getByLabel("Họ tên Trưởng Ban Biên tập").fill("Lê Thị Hoa");
        unit.getByLabel("Thư điện tử của Trưởng Ban Biên tập").fill("hoa@xatrinhduyet.vn");
        unit.getByLabel("Lý do đề nghị").fill("Xã mới sau sắp xếp đơn vị hành chính");
        unit.getByLabel("Tôi đồng ý để Ban Biên tập Cổng tỉnh xử lý").check();
        unit.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đề nghị")).click();
        assertThat(unit.getByRole(AriaRole.STATUS)).containsText("Đã nhận đề nghị số");

        Page admin = browser.person().newPage();
        admin.navigate(at(PROVINCE) + "/admin");
        admin.getByLabel("Tên đăng nhập").fill("platform.admin");
        admin.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trang thành phần")).click();
        var request = admin.locator("article.request", new Page.LocatorOptions().setHasText("Xã Trình Duyệt"));
        assertThat(request).containsText("Lê Thị Hoa");
        request.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Duyệt và tạo trang")).click();
        assertThat(admin.locator(".created")).containsText("xatrinhduyet.thainguyen.localhost");
        String link = admin.locator("a.sign-in-link").textContent();
        // The console pages its sites (50 a page): the new one is found by name, as a person would.
        admin.navigate(at(PROVINCE) + "/admin/trang-thanh-phan?q="
                + java.net.URLEncoder.encode("Trình Duyệt", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(admin.locator("table.sites")).containsText("Xã Trình Duyệt");

        Page head = browser.person().newPage();
        head.navigate(link);
        assertThat(head.locator("h1")).hasText("Đặt mật khẩu");
        assertThat(head.getByLabel("Tên đăng nhập")).hasValue("xatrinhduyet.truongban");
        head.getByLabel("Mật khẩu mới").fill("Hoa@Xatrinhduyet2026");
        head.getByLabel("Nhập lại mật khẩu").fill("Hoa@Xatrinhduyet2026");
        head.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đặt mật khẩu và đăng nhập")).click();
        assertThat(head).hasURL(at("xatrinhduyet.thainguyen.localhost") + "/admin");
        assertThat(head.locator("h1")).hasText("Việc của tôi");
        assertThat(head.locator(".admin-site")).containsText("Xã Trình Duyệt");
        // The head of the board approves: the queue is in their menu.
        assertThat(head.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Duyệt bài"))).isVisible();

        head.navigate(link);
        assertThat(head.getByRole(AriaRole.ALERT)).containsText("không còn hiệu lực");
    }
}
