package vn.gov.portal.oversight.conformance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
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
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The minimum English content (VP Đ4.15) on a VP-2017 province's conformance page, in Chromium at
 * a phone's width: the list fits the screen, passes axe, and its link opens the page's English form.
 */
@SharedApplication
@Tag("browser")
class MinimumEnglishContentBrowserTest extends PortalTest {
    private static final String VP = "tienganhdienthoai.localhost";
    private static final String LABEL = "tienganhdt";
    @Inject
    Accounts accounts;
    private Browser browser;

    @BeforeAll
    void aVinhPhucProvinceWithAnEditor() {
        browser = new Browser();
        var created = api("nentang.localhost", token("nentang.localhost", "platform.admin"), "POST",
                "/api/v1/provinces", """
                {"name":"Tỉnh Tiếng Anh Điện Thoại","code":"37","domains":["%s"],"aliases":[],"preset":"VP-2017"}"""
                        .formatted(VP));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(field(created.body(), "id"));
        long e = accounts.create(LABEL + ".bientap", "Biên tập viên", null, DEMO_PASSWORD, null);
        accounts.grant(id, e, Role.EDITOR, "test");
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theBoardReadsTheListOnAPhoneAndOpensTheTranslationFormFromIt() {
        String site = "http://" + VP + ":" + server.getPort();
        Page page = browser.person().newPage();
        page.setViewportSize(375, 740);
        page.navigate(site + "/admin/dang-nhap");
        page.getByLabel("Tên đăng nhập").fill(LABEL + ".bientap");
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.navigate(site + "/admin/tuan-thu");
        assertThat(page.locator("#noi-dung-tieng-anh h2")).hasText("Nội dung tiếng Anh tối thiểu (VP Đ4.15)");
        assertThat(page.locator("#noi-dung-tieng-anh")).containsText("Cần đăng thủ công");
        Object wide = page.evaluate("[...document.querySelectorAll('body *')].filter(e => "
                + "e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll')).map(e => e.tagName + '.' + e.className "
                + "+ ':' + Math.round(e.getBoundingClientRect().width)).slice(0, 8).join(' ')");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 375 px; too wide: " + wide).isTrue();
        assertThat(new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa")).analyze().getViolations()
                .stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())))
                .as("axe on the conformance page").isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dịch trang “Lịch sử”")).click();
        page.waitForURL("**/admin/trang/lich-su?ngonNgu=en");
        assertThat(page.locator("body")).containsText("Bản tiếng Việt (bản gốc)");
    }
}
