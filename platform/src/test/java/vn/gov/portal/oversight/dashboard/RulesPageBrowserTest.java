package vn.gov.portal.oversight.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The province's rules and calendar in its back office, in Chromium: a quota changed from this
 * month shows with its basis, a day added to a year not entered yet enters it and counts, a
 * refusal keeps what was typed, and a department's board cannot open the page.
 */
@SharedApplication
@Tag("browser")
class RulesPageBrowserTest extends PortalTest {

    @Test
    void theProvinceChangesAQuotaAndItsCalendar() {
        try (Browser browser = new Browser()) {
            Page page = browser.person().newPage();
            String origin = "http://" + PROVINCE + ":" + server.getPort();
            page.navigate(origin + "/admin");
            page.getByLabel("Tên đăng nhập").fill("platform.admin");
            page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            page.navigate(origin + "/admin/giam-sat");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quy tắc và lịch làm việc")).click();
            assertThat(page.locator("h1")).hasText("Quy tắc và lịch làm việc");

            // The same number as the preset's, so the other tests' wards are judged as before.
            Locator quota = page.locator("form", new Page.LocatorOptions().setHasText("Đổi định mức từ tháng này"));
            quota.getByLabel("Loại đơn vị").selectOption("WARD");
            quota.getByLabel("Tối thiểu mỗi tháng").fill("1");
            quota.getByLabel("Căn cứ").fill("Thử nghiệm trang quy tắc");
            quota.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Đã thực hiện");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Thử nghiệm trang quy tắc")))
                    .containsText("Phường");

            page.navigate(origin + "/admin/giam-sat/quy-tac?nam=2031");
            assertThat(page.locator("main")).containsText("Năm chưa nhập văn bản");
            Locator day = page.locator("form", new Page.LocatorOptions().setHasText("Thêm hoặc sửa một ngày"));
            day.getByLabel("Ngày", new Locator.GetByLabelOptions().setExact(true)).fill("2031-05-02");
            day.getByLabel("Loại ngày").selectOption("SWAP_OFF");
            day.getByLabel("Tên").fill("   ");
            day.getByLabel("Căn cứ").fill("Thông báo thử 2031");
            day.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Hãy ghi tên ngày");
            assertThat(page.locator("form", new Page.LocatorOptions().setHasText("Thêm hoặc sửa một ngày"))
                    .getByLabel("Căn cứ")).hasValue("Thông báo thử 2031");

            day = page.locator("form", new Page.LocatorOptions().setHasText("Thêm hoặc sửa một ngày"));
            day.getByLabel("Tên").fill("Nghỉ hoán đổi thử");
            day.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu")).click();
            assertThat(page.locator("main")).containsText("đã được nhập theo văn bản");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Nghỉ hoán đổi thử"))).containsText("2031-05-02");
            assertThat(get(COMMUNE, "/api/v1/calendar?year=2031").body()).contains("Nghỉ hoán đổi thử");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bỏ 2031-05-02")).click();
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Nghỉ hoán đổi thử"))).hasCount(0);
        }
        var department = send(DEPARTMENT, java.net.http.HttpRequest.newBuilder().GET(), "/admin/giam-sat/quy-tac",
                "Authorization", "Bearer " + token(DEPARTMENT, "sotaichinh.truongban"));
        assertThat(department.statusCode()).as("a department's head").isEqualTo(403);
    }
}
