package vn.gov.portal.provisioning.provinces;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Totp;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The operator's second factor in Chromium at phone width (issue 12): the first platform admin
 * sets their password from the setup link, lands on the enrolment page instead of the provinces,
 * enrols with a code from the app, sees the recovery codes once, and later signs in with one.
 */
@SharedApplication
@Tag("browser")
class OperatorEnrolsASecondFactorBrowserTest extends PortalTest {
    private static final String PASSWORD = "Hai-lop#2026";
    private Browser browser;
    @Inject
    PlatformSetupLinks setupLinks;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private static Page.GetByRoleOptions button(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void theFirstOperatorEnrolsBeforeSeeingTheProvincesAndSignsInLaterWithARecoveryCode() {
        String origin = "http://nentang.localhost:" + server.getPort();
        Page page = browser.person().newPage();
        page.setViewportSize(375, 800);
        page.navigate(origin + URI.create(setupLinks.issue()).getPath());
        page.getByLabel("Tên đăng nhập").fill("nentang.trinhduyet");
        page.getByLabel("Họ và tên").fill("Phan Thị Lớp");
        page.getByLabel("Mật khẩu mới").fill(PASSWORD);
        page.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, button("Đặt mật khẩu và đăng nhập")).click();

        assertThat(page.locator("h1")).hasText("Xác thực hai lớp");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("bắt buộc phải dùng xác thực hai lớp");
        page.navigate(origin + "/admin/nen-tang");
        assertThat(page.locator("h1")).hasText("Xác thực hai lớp");

        page.getByRole(AriaRole.BUTTON, button("Bật xác thực hai lớp")).click();
        assertThat(page.locator("#totp-uri")).containsText("otpauth://totp/");
        byte[] secret = Totp.fromBase32(page.locator("#totp-secret").textContent().strip());
        page.getByLabel("Mã xác thực (6 chữ số)").fill(Totp.code(secret, Totp.step(Instant.now())));
        page.getByRole(AriaRole.BUTTON, button("Xác nhận và bật")).click();
        assertThat(page.locator("ol.recovery-codes li")).hasCount(10);
        String recovery = page.locator("ol.recovery-codes li").first().textContent().strip();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vào trang các tỉnh")).click();
        assertThat(page.locator("h1")).hasText("Các tỉnh");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất (Phan Thị Lớp)")).click();
        page.getByLabel("Tên đăng nhập").fill("nentang.trinhduyet");
        page.getByLabel("Mật khẩu").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, button("Đăng nhập")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("vui lòng nhập mã xác thực");
        page.getByLabel("Mật khẩu").fill(PASSWORD);
        page.getByLabel("Mã xác thực 6 số hoặc mã dự phòng (nếu đã bật xác thực hai lớp)").fill(recovery);
        page.getByRole(AriaRole.BUTTON, button("Đăng nhập")).click();
        assertThat(page.locator("h1")).hasText("Các tỉnh");
    }
}
