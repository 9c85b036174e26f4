package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * WCAG 2.1 AA (TT 26/2020) in Chromium: axe-core scans the home, category, article, search and
 * error pages of each theme (portal, department, commune) and an English page, allowing no
 * serious or critical violation; the pages also run under their Content-Security-Policy without
 * a single refusal, and the text-size buttons work from the keyboard.
 */
@SharedApplication
@Tag("browser")
class AccessibilityBrowserTest extends PortalTest {
    private Browser browser;
    private BrowserContext person;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
        person = browser.person();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + server.getPort() + path;
    }

    @Test
    void noSeriousOrCriticalViolationOnAnyPageTypeOfAnyTheme() {
        List<String> pages = List.of(
                url(PROVINCE, "/"), url(PROVINCE, "/chuyen-muc/tin-tuc-su-kien"),
                url(PROVINCE, "/tin-tuc/khai-truong-he-thong-cong-thong-tin-dien-tu-dung-chung-cua-tinh-bai-mau"),
                url(PROVINCE, "/tim-kiem?q=phan+dinh+phung"), url(PROVINCE, "/khong-co"), url(PROVINCE, "/en/"),
                url(DEPARTMENT, "/"), url(DEPARTMENT, "/chuyen-muc/tin-tuc-su-kien"),
                url(DEPARTMENT, "/tin-tuc/thue-thu-nhap-ca-nhan-nhung-diem-moi-bai-mau"),
                url(DEPARTMENT, "/tim-kiem?q=thu%E1%BA%BF"), url(DEPARTMENT, "/khong-co"),
                url(COMMUNE, "/"), url(COMMUNE, "/chuyen-muc/tin-tuc-su-kien"),
                url(COMMUNE, "/tin-tuc/phuong-phan-dinh-phung-tiep-cong-dan-dinh-ky-thang-11-bai-mau"),
                url(COMMUNE, "/tim-kiem?q=ve+sinh"), url(COMMUNE, "/khong-co"), url(COMMUNE, "/lien-he"),
                url(DEPARTMENT, "/gioi-thieu"), url(DEPARTMENT, "/gioi-thieu/lanh-dao"),
                url(COMMUNE, "/gioi-thieu/ban-do-hanh-chinh"),
                url(PROVINCE, "/dang-ky-trang"));
        List<String> problems = new ArrayList<>();
        Page page = person.newPage();
        List<String> cspRefusals = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                cspRefusals.add(page.url() + ": " + m.text());
            }
        });
        for (String address : pages) {
            page.navigate(address);
            // The rating form is folded away; open it so its fields are scanned too.
            if (page.locator(".rating details").count() > 0) {
                page.locator(".rating summary").click();
            }
            var results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
            for (Rule v : results.getViolations()) {
                if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
                    problems.add(address + " " + v.getId() + " (" + v.getImpact() + "): "
                            + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                            .reduce((a, b) -> a + ", " + b).orElse(""));
                }
            }
            assertThat(results.getPasses()).as("axe ran on " + address).isNotEmpty();
        }
        assertThat(problems).isEmpty();
        assertThat(cspRefusals).isEmpty();
    }

    @Test
    void textSizeButtonsWorkFromTheKeyboardAndAreRemembered() {
        Page page = person.newPage();
        page.navigate(url(DEPARTMENT, "/"));
        page.locator("[data-font='1']").focus();
        page.keyboard().press("Enter");
        page.keyboard().press("Enter");
        assertThat(page.evaluate("() => document.documentElement.style.fontSize")).isEqualTo("125%");
        page.navigate(url(DEPARTMENT, "/gioi-thieu"));
        assertThat(page.evaluate("() => document.documentElement.style.fontSize")).isEqualTo("125%");
        page.locator("[data-font='0']").click();
        assertThat(page.evaluate("() => document.documentElement.style.fontSize")).isEqualTo("100%");
    }

    @Test
    void theSkipLinkIsTheFirstStopAndLeadsToTheContent() {
        Page page = person.newPage();
        page.navigate(url(COMMUNE, "/"));
        page.keyboard().press("Tab");
        assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip-link");
        page.keyboard().press("Enter");
        assertThat(page.url()).endsWith("#noi-dung");
        assertThat(Stream.of("noi-dung").map(id -> page.locator("#" + id).count()).toList()).containsExactly(1);
    }
}
