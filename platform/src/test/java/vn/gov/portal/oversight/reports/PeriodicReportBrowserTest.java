package vn.gov.portal.oversight.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The report in the back office, in Chromium, on the demo's Sở Y tế: an editor writes Mẫu 02 and
 * has no submit button; the head submits and downloads the ODS; the province board's head finds
 * it submitted, opens it, and downloads the compiled PDF. The pages pass axe's WCAG 2.1 AA rules.
 */
@SharedApplication
@Tag("browser")
class PeriodicReportBrowserTest extends PortalTest {
    private static final String PROBLEM = "Đường truyền chậm khi đăng tải văn bản dung lượng lớn";
    @Inject
    Accounts accounts;
    @Inject
    TenantDirectory directory;
    private Browser browser;

    @BeforeAll
    void seatsAndBrowser() {
        Tenant province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow();
        Tenant soyte = directory.snapshot().child(province.id(), "soyte");
        for (var seat : List.of(new Object[] {"soyte.truongban.bc", "Trưởng ban Sở Y tế", Role.HEAD},
                new Object[] {"soyte.bientap.bc", "Biên tập viên Sở Y tế", Role.EDITOR})) {
            long id = accounts.create((String) seat[0], (String) seat[1], null, DEMO_PASSWORD, null);
            accounts.grant(soyte.id(), id, (Role) seat[2], "test");
        }
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String at(String label) {
        return "http://" + label + ".thainguyen.localhost:" + server.getPort();
    }

    private Page signIn(String origin, String username) {
        Page page = browser.person().newPage();
        page.navigate(origin + "/admin");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        assertThat(page.locator("h1")).not().hasText("Đăng nhập");
        return page;
    }

    private static void accessible(Page page) {
        var results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        assertThat(results.getViolations()).as(page.url() + ": " + results.getViolations().stream()
                .map(Rule::getId).toList()).isEmpty();
    }

    @Test
    void editorWritesHeadSubmitsProvinceFindsItAndCompiles() throws Exception {
        Page editor = signIn(at("soyte"), "soyte.bientap.bc");
        editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo cáo định kỳ")).click();
        assertThat(editor.locator("h1")).hasText("Báo cáo định kỳ");
        editor.locator("#bao-cao-2026-H1-BAO_CAO_DINH_KY a").click();
        assertThat(editor.locator("h1")).containsText("6 tháng đầu năm 2026");
        assertThat(editor.locator("table.annex").first()).containsText("VB QPPL");
        assertThat(editor.locator("table.annex").first()).containsText("chưa có dữ liệu");
        assertThat(editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp báo cáo")))
                .hasCount(0);
        assertThat(editor.getByText("Chỉ Trưởng Ban Biên tập nộp được báo cáo.")).isVisible();
        accessible(editor);
        editor.getByLabel("(2) Các vấn đề tồn tại").first().fill(PROBLEM);
        editor.getByLabel("(3) Kiến nghị, đề xuất").first().fill("Nâng băng thông đường truyền");
        editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu nội dung")).click();
        assertThat(editor.getByRole(AriaRole.STATUS).first()).hasText("Đã lưu nội dung báo cáo.");
        assertThat(editor.locator("#r0_2")).hasValue(PROBLEM);
        assertThat(editor.locator("#r1_2")).hasValue("");

        Page head = signIn(at("soyte"), "soyte.truongban.bc");
        head.navigate(at("soyte") + "/admin/bao-cao/2026-H1?mau=BAO_CAO_DINH_KY");
        assertThat(head.locator("#r0_2")).hasValue(PROBLEM);
        head.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp báo cáo")).click();
        assertThat(head.getByRole(AriaRole.STATUS).first()).hasText("Đã nộp báo cáo.");
        assertThat(head.locator(".report-state .status")).hasText("Đã nộp");
        assertThat(head.locator("#r0_2")).hasCount(0);
        assertThat(head.locator("table.annex").last()).containsText(PROBLEM);
        Download ods = head.waitForDownload(() -> head.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Tải về ODS")).click());
        assertThat(ods.suggestedFilename()).isEqualTo("bao-cao-soyte-bao-cao-dinh-ky-2026-h1.ods");
        try (var doc = OdfSpreadsheetDocument.loadDocument(ods.path().toFile())) {
            StringBuilder text = new StringBuilder();
            var t = doc.getTableByName("Mẫu 02");
            for (int r = 0; r < t.getRowCount(); r++) {
                for (int c = 0; c < t.getColumnCount(); c++) {
                    text.append(t.getCellByPosition(c, r).getDisplayText()).append('|');
                }
            }
            assertThat(text).contains(PROBLEM).contains("Kiến nghị, đề xuất");
        }

        Page province = signIn("http://thainguyen.localhost:" + server.getPort(), "thainguyen.truongban");
        province.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Báo cáo định kỳ của các đơn vị"))
                .click();
        province.getByLabel("Chọn kỳ").selectOption("2026-H1");
        province.getByLabel("Lọc theo trạng thái").selectOption("da-nop");
        province.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem")).click();
        assertThat(province.locator("table.reports tbody tr")).hasCount(1);
        Tenant soyte = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().map(p -> directory.snapshot().child(p.id(), "soyte")).orElseThrow();
        var row = province.locator("#don-vi-" + soyte.id() + "-BAO_CAO_DINH_KY");
        assertThat(row).containsText("Đã nộp");
        assertThat(row).containsText("Trưởng ban Sở Y tế");
        assertThat(province.locator("section.compiled")).containsText("Sở Y tế");
        accessible(province);
        Download pdf = province.waitForDownload(() -> province.locator("section.compiled")
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                        .setName(java.util.regex.Pattern.compile("^Tải về PDF"))).click());
        byte[] bytes = Files.readAllBytes(pdf.path());
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        row.getByRole(AriaRole.LINK).click();
        assertThat(province.locator("h1")).containsText("6 tháng đầu năm 2026");
        assertThat(province.locator("main")).containsText(PROBLEM);
        assertThat(province.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trả lại báo cáo")))
                .isVisible();
        accessible(province);
    }
}
