package vn.gov.portal.infra.pow;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Chromium fills the site-request form by keyboard and sends it: the page's own script fetches
 * a challenge and its worker solves it, under the page's Content-Security-Policy, with no
 * violation reported. With JavaScript off, the page says the form needs it, and a submission
 * is refused with that explanation.
 */
@SharedApplication
@Tag("browser")
class AnonymousFormBrowserTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    private Browser browser;
    private String province;

    @BeforeAll
    void start() {
        browser = new Browser();
        province = Fixtures.flatProvince(provisioning, "powtrinhduyet");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private String form() {
        return "http://" + province + ":" + server.getPort() + "/dang-ky-trang";
    }

    private static void fill(Page page, String label) {
        page.getByLabel("Tên đơn vị").fill("Xã " + label);
        page.getByLabel("Loại đơn vị").selectOption("COMMUNE");
        page.getByLabel("Tên miền con mong muốn").fill(label);
        page.getByLabel("Họ tên Trưởng Ban Biên tập").fill("Lê Thị Hoa");
        page.getByLabel("Thư điện tử của Trưởng Ban Biên tập").fill("hoa@" + label + ".vn");
        page.getByLabel("Lý do đề nghị").fill("Xã mới sau sắp xếp");
        page.getByLabel("Tôi đồng ý để Ban Biên tập Cổng tỉnh xử lý").check();
    }

    @Test
    void theBrowserDoesTheWorkAndTheRequestIsFiled() {
        Page page = browser.person().newPage();
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                problems.add(m.text());
            }
        });
        page.navigate(form());
        assertThat(page.locator("#noi-dung").getByText("Biểu mẫu này cần JavaScript")).isHidden();
        fill(page, "xabanphim");
        // No mouse: the keyboard sends the form from its last field.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đề nghị")).focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Đã nhận đề nghị số"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(problems).as("no CSP violation or script error").isEmpty();
    }

    @Test
    void theBrowserRatesAPageTheSameWay() {
        Page page = browser.person().newPage();
        page.navigate("http://so." + province + ":" + server.getPort() + "/");
        page.getByText("Đánh giá mức độ hài lòng").click();
        var form = page.locator("form.rating-form");
        for (String criterion : new String[] {"giao-dien", "noi-dung", "chat-luong", "ho-tro"}) {
            form.locator("input[name='" + criterion + "'][value='4']").check();
        }
        form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Gửi đánh giá")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Cảm ơn bạn đã đánh giá");
    }

    @Test
    void withoutJavaScriptTheFormSaysItIsNeeded() {
        Page page = browser.person().browser().newContext(new NewContextOptions().setJavaScriptEnabled(false)
                .setLocale("vi-VN")).newPage();
        page.navigate(form());
        assertThat(page.locator("#noi-dung").getByText("Biểu mẫu này cần JavaScript")).isVisible();
        fill(page, "xakhongjs");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đề nghị")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("biểu mẫu cần JavaScript");
        assertThat(page.getByLabel("Tên đơn vị")).hasValue("Xã xakhongjs");
    }
}
