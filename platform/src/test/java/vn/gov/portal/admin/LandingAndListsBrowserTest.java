package vn.gov.portal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * In Chromium at a phone's width: the demo's content administrator signs in and lands on the
 * members with a menu, the province's head on a department lands on the page listing what it
 * may open, and the province's console filters on the server with pages that keep the filter.
 * The pages pass axe's WCAG 2.1 AA rules.
 */
@SharedApplication
@Tag("browser")
class LandingAndListsBrowserTest extends PortalTest {
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private Page signIn(String host, String username) {
        Page page = browser.person().newPage();
        page.setViewportSize(375, 740);
        page.navigate("http://" + host + ":" + server.getPort() + "/admin");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        return page;
    }

    private static void accessible(Page page) {
        var results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        assertThat(results.getViolations()).as(page.url() + ": " + results.getViolations().stream()
                .map(Rule::getId).toList()).isEmpty();
    }

    @Test
    void theContentAdministratorLandsOnTheMembersWithAMenu() {
        Page page = signIn(DEPARTMENT, "sotaichinh.quantri");
        assertThat(page.locator("h1")).hasText("Thành viên Ban Biên tập");
        var menu = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Danh mục chính"));
        assertThat(menu.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Trang giới thiệu"))).isVisible();
        assertThat(menu.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Viết bài"))).hasCount(0);
        assertThat(page.locator("body")).not().containsText("không có quyền");
        accessible(page);
    }

    @Test
    void theProvincesHeadOnADepartmentLandsOnTheBoardItManages() {
        // It writes no article there, but manages the department's board (Members) and its settings.
        Page page = signIn(DEPARTMENT, "thainguyen.truongban");
        assertThat(page.locator("h1")).hasText("Thành viên Ban Biên tập");
        accessible(page);
        page.locator("nav a[href='/admin/tuan-thu']").click();
        assertThat(page.locator("h1")).not().hasText("403");
    }

    @Test
    void theConsoleFiltersOnTheServerAndItsPagesKeepTheFilter() {
        Page page = signIn(PROVINCE, "platform.admin");
        assertThat(page.locator("h1")).hasText("Trang thành phần");
        assertThat(page.locator("table.sites tbody tr")).hasCount(50);
        accessible(page);
        page.getByLabel("Loại", new Page.GetByLabelOptions().setExact(true)).selectOption("COMMUNE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc")).click();
        assertThat(page.locator("table.sites tbody tr")).hasCount(50);
        assertThat(page.locator("table.sites tbody")).not().containsText("Sở Tài chính");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trang sau")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("loai=COMMUNE&trang=2"));
        assertThat(page.getByLabel("Loại", new Page.GetByLabelOptions().setExact(true))).hasValue("COMMUNE");
        assertThat(page.locator("table.sites tbody")).not().containsText("Sở Tài chính");
        accessible(page);
    }
}
