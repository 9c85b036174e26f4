package vn.gov.portal.oversight.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.oversight.facts.OversightFacts;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.publishing.Proposals;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 6's dashboard line, in Chromium on the demo province: the states show, the trend chart is
 * drawn, the filter narrows the list, a site's items open, and both downloads read back as
 * spreadsheets holding the site's figures.
 */
@SharedApplication
@Tag("browser")
class DashboardBrowserTest extends PortalTest {
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Inject
    ArticleService articles;
    @Inject
    Proposals proposals;
    @Inject
    OversightFacts facts;
    private Browser browser;

    @BeforeAll
    void twoItemsProvidedBySoTaiChinh() {
        var dir = directory.snapshot();
        Tenant province = dir.provinces().stream().filter(p -> p.subdomain().equals("thainguyen")).findFirst()
                .orElseThrow();
        Tenant so = dir.child(province.id(), "sotaichinh");
        Actor soHead = head(so, "giamsat.sotaichinh");
        Actor provinceHead = head(province, "giamsat.thainguyen");
        for (String title : List.of("Hội nghị tổng kết thu ngân sách", "Hướng dẫn quyết toán cuối năm")) {
            var a = articles.create(so.id(), soHead, new ArticleInput(title, "Tóm tắt", "<p>" + title + "</p>", "NEWS",
                    null, List.of(), null, null, null, null, null, null, null, null));
            articles.submit(so.id(), soHead, a.getId());
            articles.approve(so.id(), soHead, a.getId(), null, "Thử nghiệm bảng giám sát");
            proposals.accept(province, provinceHead, proposals.propose(so, soHead, a.getId()).id());
        }
        facts.refresh(so);
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theProvinceSeesStatesAChartAndDownloadsTheMonth() throws Exception {
        Page page = browser.person().newPage();
        String origin = "http://" + PROVINCE + ":" + server.getPort();
        page.navigate(origin + "/admin");
        page.getByLabel("Tên đăng nhập").fill("platform.admin");
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Giám sát cung cấp thông tin")).click();

        // At least the two provided here (other tests of the run may provide more to the demo's Sở Tài chính).
        var so = page.locator("tr", new Page.LocatorOptions().setHasText("Sở Tài chính"));
        assertThat(so).containsText("/2");
        assertThat(so.locator(".badge")).hasText("Đạt");
        assertThat(page.locator("table.oversight-table tbody tr")).not().hasCount(1);
        assertThat(page.locator("figure.trend svg title").first()).hasText("Tỷ lệ đơn vị đạt định mức trong 12 tháng");
        assertThat(page.locator("figure.trend svg rect")).hasCount(12);

        page.getByLabel("Tình trạng").selectOption("MET");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc")).click();
        assertThat(page.locator("table.oversight-table tbody tr", new Page.LocatorOptions().setHasText("Sở Tài chính")))
                .hasCount(1);
        assertThat(page.locator("table.oversight-table tbody .badge", new Page.LocatorOptions().setHasText("Không đạt")))
                .hasCount(0);

        Download xlsx = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Tải bảng về (XLSX)")).click());
        try (InputStream in = Files.newInputStream(xlsx.path()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Đơn vị");
            Row row = null;
            for (Row r : sheet) {
                if (r.getCell(0).getStringCellValue().equals("Sở Tài chính")) {
                    row = r;
                }
            }
            assertThat(row).as("Sở Tài chính's row").isNotNull();
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(4).getNumericCellValue()).isGreaterThanOrEqualTo(2.0);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Đạt");
        }
        Download ods = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Tải bảng về (ODS)")).click());
        try (ZipFile zip = new ZipFile(ods.path().toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("mimetype")).readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
            var doc = javax.xml.parsers.DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                    .parse(zip.getInputStream(zip.getEntry("content.xml")));
            var cells = doc.getElementsByTagNameNS("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table-row");
            boolean found = false;
            for (int i = 0; i < cells.getLength(); i++) {
                String text = cells.item(i).getTextContent();
                if (text.startsWith("Sở Tài chính")) {
                    found = true;
                    assertThat(text).containsPattern("localhost2[2-9]Đạt|localhost2[1-9][0-9]Đạt");
                }
            }
            assertThat(found).as("Sở Tài chính in the ODS").isTrue();
        }

        page.navigate(origin + "/admin/giam-sat");
        page.locator("table.oversight-table").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Sở Tài chính").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Sở Tài chính");
        assertThat(page.locator("main")).containsText("Hội nghị tổng kết thu ngân sách");
        assertThat(page.locator("figure.trend svg")).isVisible();
    }

    @Test
    void noOneButTheProvinceOpensIt() {
        var response = get(DEPARTMENT, "/admin/giam-sat", "Authorization", "Bearer " + token(DEPARTMENT,
                "sotaichinh.truongban"));
        assertThat(response.statusCode()).isIn(401, 403);
        assertThat(response.body()).doesNotContain("Sở Tài chính</a>");
    }

    private Actor head(Tenant site, String username) {
        long account = accounts.create(username, "Trưởng ban " + site.name(), null, DEMO_PASSWORD, null);
        accounts.grant(site.id(), account, Role.HEAD, "test");
        return new Actor(account, username, Set.of(Role.HEAD.name()));
    }
}
