package vn.gov.portal.oversight.reports;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.publishing.Categories;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 6's report line end to end on a province of its own (TN-2026, whose form fixes no content,
 * so BG's annex lays it out): a department's head submits its 2026-H1 report; the province sees
 * who has and has not, compiles, and the ODS and PDF exports, read back, carry the annex's columns
 * and the site's figures, with "chưa có dữ liệu" where the platform has none. An editor cannot
 * submit, another site's head reaches nothing of it, a department's head cannot see the compiled
 * view, and the database's wall holds for hand-written SQL.
 */
@SharedApplication
class PeriodicReportsTest extends PortalTest {
    private static final List<String> ANNEX_HEADINGS = List.of("TT", "VB QPPL", "VB QLHC", "Thủ tục hành chính",
            "Tin PBPL", "Chương trình kế hoạch", "Dự án", "Thông tin về bộ máy", "Báo cáo tài chính",
            "Thông tin thống kê", "Thông tin KHCN", "Thông tin dịch bệnh", "Thông tin công khai", "Kênh thông tin");
    private static final String PROBLEM = "Thiếu nhân lực biên tập chuyên trách";
    private static final String PROPOSAL = "Bổ sung 01 biên chế cho Ban Biên tập";

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Inject
    ArticleService articles;
    @Inject
    Categories categories;

    private String domain;
    private String so;
    private String xa;
    private Tenant soSite;
    private Tenant xaSite;
    private String label;
    private long soHeadId;

    @BeforeAll
    void aProvinceWithADepartmentAndACommune() {
        domain = Fixtures.flatProvince(provisioning, "baocao");
        label = domain.replace(".test", "");
        so = "so." + domain;
        xa = "xa." + domain;
        Tenant province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(label))
                .findFirst().orElseThrow();
        soSite = directory.snapshot().child(province.id(), "so");
        xaSite = directory.snapshot().child(province.id(), "xa");
        soHeadId = seat(soSite, label + ".so.truongban", "Nguyễn Văn Trưởng", Role.HEAD);
        seat(soSite, label + ".so.bientap", "Trần Thị Biên", Role.EDITOR);
        seat(xaSite, label + ".xa.truongban", "Lê Văn Xã", Role.HEAD);
        seat(province, label + ".tinh.truongban", "Phạm Thị Tỉnh", Role.HEAD);
    }

    private long seat(Tenant site, String username, String name, Role role) {
        long id = accounts.create(username, name, null, DEMO_PASSWORD, null);
        accounts.grant(site.id(), id, role, "test");
        return id;
    }

    /** Publishes an item on the department and dates its publication in the first half of 2026. */
    private void publishedInMarch(String title, boolean law) {
        Actor head = new Actor(soHeadId, label + ".so.truongban", Set.of("HEAD"));
        Long category = law ? categories.tree(soSite.id()).stream()
                .filter(c -> c.slug().equals(SiteFigures.LAW_CATEGORY)).findFirst().orElseThrow().id() : null;
        var a = articles.create(soSite.id(), head, new ArticleInput(title, null, "<p>" + title + "</p>", "NEWS",
                category, null, null, null, null, null, null, null, null, null));
        articles.submit(soSite.id(), head, a.getId());
        articles.approve(soSite.id(), head, a.getId(), null, "Trưởng ban tự duyệt khi kiểm thử");
        Fixtures.ownerSql(directory, "UPDATE articles SET published_at = '2026-03-10T09:00:00+07' WHERE id = "
                + a.getId());
    }

    @Test
    void aSiteSubmitsItsHalfYearReportAndTheProvinceCompilesIt() throws Exception {
        publishedInMarch("Phổ biến Luật Ngân sách nhà nước sửa đổi", true);
        publishedInMarch("Hướng dẫn thực hiện Nghị định về hóa đơn điện tử", true);
        publishedInMarch("Hội nghị sơ kết công tác quý I", false);
        // The board has written its pages about the organisation and the list of what it discloses
        // (not yet the financial report), and lists a fan page among its official channels.
        Fixtures.ownerSql(directory, "UPDATE pages SET body_html = '<p>Sở Thử nghiệm tham mưu cho Ủy ban nhân dân "
                + "tỉnh về tài chính.</p>', placeholder = false, reviewed_at = now() WHERE tenant_id = " + soSite.id()
                + " AND mandatory_key IN ('org_chart', 'unit_functions', 'history', 'leaders', 'disclosure_list')");
        Fixtures.ownerSql(directory, "UPDATE pages SET body_html = '<p><a href=\"https://www.facebook.com/sothunghiem\">"
                + "Trang Facebook</a></p>', placeholder = false, reviewed_at = now() WHERE tenant_id = " + soSite.id()
                + " AND mandatory_key = 'official_channels'");

        String editor = token(so, label + ".so.bientap");
        String head = token(so, label + ".so.truongban");
        String admin = token(domain, "platform.admin");

        var listed = api(so, editor, "GET", "/api/v1/reports", null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains("\"period\":\"2026-H1\"").contains("\"form\":\"BAO_CAO_DINH_KY\"")
                .contains("\"status\":\"NOT_STARTED\"");

        // A draft's figures are the site's own, computed now; what the platform cannot count says so.
        var draft = api(so, editor, "GET", "/api/v1/reports/2026-H1", null);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(draft.body()).contains("\"live\":true")
                .contains("\"no\":\"5\",\"display\":\"2\",\"value\":2")
                .contains("\"no\":\"8\",\"display\":\"Có\"")
                .contains("\"no\":\"2\",\"display\":\"chưa có dữ liệu\"")
                .contains("\"no\":\"14\",\"display\":\"4\"")
                .contains("https://www.facebook.com/sothunghiem");

        var written = api(so, editor, "PUT", "/api/v1/reports/2026-H1/text",
                "{\"rows\":[{\"2\":\"" + PROBLEM + "\",\"3\":\"" + PROPOSAL + "\"},{\"2\":\"\",\"3\":\"\"}]}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(written.body()).contains(PROBLEM).contains(PROPOSAL);
        assertThat(api(so, editor, "PUT", "/api/v1/reports/2026-H1/text", "{\"rows\":[{\"9\":\"x\"}]}").body())
                .as("a column the form does not have").contains("\"rule\":\"rows\"");

        var byEditor = api(so, editor, "POST", "/api/v1/reports/2026-H1/submit", null);
        assertThat(byEditor.statusCode()).as("an editor does not submit").isEqualTo(403);
        assertThat(byEditor.body()).contains("Chỉ Trưởng Ban Biên tập được nộp");

        // Another site's head: its token opens nothing here, and the province's door is not its.
        String xaHead = token(xa, label + ".xa.truongban");
        assertThat(api(so, xaHead, "GET", "/api/v1/reports/2026-H1", null).statusCode()).isEqualTo(401);
        assertThat(api(so, xaHead, "POST", "/api/v1/reports/2026-H1/submit", null).statusCode()).isEqualTo(401);
        assertThat(api(xa, xaHead, "GET", "/api/v1/oversight/reports/2026-H1/sites/" + soSite.id(), null)
                .statusCode()).isEqualTo(403);
        assertThat(api(xa, xaHead, "GET", "/api/v1/reports/2026-H1", null).body())
                .as("its own report counts only its own rows").doesNotContain(PROBLEM)
                .contains("\"no\":\"5\",\"display\":\"0\"")
                .contains("\"no\":\"8\",\"display\":\"Không\"").contains("Trang bắt buộc chưa viết: Tổ chức bộ máy");

        var submitted = api(so, head, "POST", "/api/v1/reports/2026-H1/submit", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.body()).contains("\"status\":\"SUBMITTED\"").contains("\"live\":false")
                .contains("\"submittedBy\":\"Nguyễn Văn Trưởng\"").contains("\"asOf\":\"2026-06-30\"");
        assertThat(api(so, head, "POST", "/api/v1/reports/2026-H1/submit", null).statusCode()).isEqualTo(409);
        assertThat(api(so, editor, "PUT", "/api/v1/reports/2026-H1/text", "{\"rows\":[]}").statusCode())
                .isEqualTo(409);

        // A later item does not change what was submitted.
        publishedInMarch("Tuyên truyền Luật Phòng, chống tham nhũng", true);
        assertThat(api(so, editor, "GET", "/api/v1/reports/2026-H1", null).body())
                .contains("\"no\":\"5\",\"display\":\"2\"");

        // The province: who has and has not.
        var status = api(domain, admin, "GET", "/api/v1/oversight/reports?period=2026-H1", null);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(status.body()).contains("\"expected\":2").contains("\"submitted\":1")
                .contains("\"site\":\"Sở Thử nghiệm\"").contains("\"status\":\"SUBMITTED\"")
                .contains("\"site\":\"Xã Thử nghiệm\"").contains("\"status\":\"NOT_STARTED\"");
        String provinceHead = token(domain, label + ".tinh.truongban");
        assertThat(api(domain, provinceHead, "GET", "/api/v1/oversight/reports?period=2026-H1", null).statusCode())
                .as("the province board's head").isEqualTo(200);
        assertThat(api(so, head, "GET", "/api/v1/oversight/reports/2026-H1/compiled", null).statusCode())
                .as("a department's head does not see the province's compiled view").isEqualTo(403);
        assertThat(api(so, head, "GET", "/api/v1/oversight/reports?period=2026-H1", null).statusCode())
                .isEqualTo(403);

        var compiled = api(domain, provinceHead, "GET", "/api/v1/oversight/reports/2026-H1/compiled", null);
        assertThat(compiled.statusCode()).as(compiled.body()).isEqualTo(200);
        assertThat(compiled.body()).contains("\"notSubmitted\":[\"Xã Thử nghiệm\"]").contains(PROBLEM);

        // The compiled ODS: the annex's headings over (1)…(14), the department's row, "chưa có dữ liệu".
        byte[] ods = download(domain, provinceHead, "/api/v1/oversight/reports/2026-H1/compiled?format=ods",
                "application/vnd.oasis.opendocument.spreadsheet");
        try (var doc = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(ods))) {
            OdfTable mau01 = doc.getTableByName("Mẫu 01");
            assertThat(mau01).as("sheet Mẫu 01").isNotNull();
            int header = rowStarting(mau01, "TT");
            List<String> headings = row(mau01, header);
            assertThat(headings.getFirst()).isEqualTo("TT");
            assertThat(headings.get(1)).isEqualTo("Đơn vị");
            assertThat(headings.subList(2, 15)).containsExactlyElementsOf(ANNEX_HEADINGS.subList(1, 14));
            List<String> numbers = row(mau01, header + 1);
            assertThat(numbers.getFirst()).isEqualTo("(1)");
            assertThat(numbers.subList(2, 15)).containsExactly("(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)",
                    "(9)", "(10)", "(11)", "(12)", "(13)", "(14)");
            List<String> line = row(mau01, header + 2);
            assertThat(line.subList(0, 2)).containsExactly("1", "Sở Thử nghiệm");
            assertThat(line.get(2)).as("(2) VB QPPL").isEqualTo("chưa có dữ liệu");
            assertThat(line.get(5)).as("(5) Tin PBPL").isEqualTo("2");
            assertThat(line.get(8)).as("(8) bộ máy").isEqualTo("Có");
            assertThat(line.get(9)).as("(9) báo cáo tài chính: its page not written").isEqualTo("Không");
            assertThat(line.get(13)).as("(13) thông tin công khai").isEqualTo("Có");
            assertThat(line.get(14)).as("(14) kênh thông tin").isEqualTo("4");
            assertThat(row(mau01, header + 3).get(1)).isEqualTo("Tổng cộng");
            assertThat(text(mau01)).contains("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("BÁO CÁO TỔNG HỢP")
                    .contains("6 tháng đầu năm 2026").contains("Đơn vị chưa nộp báo cáo (1): Xã Thử nghiệm.")
                    .contains("(5). Số lượng tin bài thông tin phổ biến, hướng dẫn thực hiện pháp luật");
            OdfTable mau02 = doc.getTableByName("Mẫu 02");
            int h2 = rowStarting(mau02, "TT");
            assertThat(row(mau02, h2)).containsExactly("TT", "Đơn vị", "Các vấn đề tồn tại", "Kiến nghị, đề xuất");
            assertThat(row(mau02, h2 + 2)).containsExactly("1", "Sở Thử nghiệm", PROBLEM, PROPOSAL);
        }

        // The compiled PDF, its text read back, in the bundled font.
        byte[] pdf = download(domain, provinceHead, "/api/v1/oversight/reports/2026-H1/compiled?format=pdf",
                "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
                    .contains("BÁO CÁO TỔNG HỢP").contains("Mẫu 01").contains("Mẫu 02")
                    .contains("VB QPPL").contains("Tin PBPL").contains("Kênh thông tin").contains("(14)")
                    .contains("Sở Thử nghiệm").contains("chưa có dữ liệu").contains(PROBLEM);
            List<String> fonts = new ArrayList<>();
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVuSerifCondensed"));
        }

        // The site's own report, as the head downloads it: ODT and XLSX carry the same columns and figures.
        byte[] odt = download(so, head, "/api/v1/reports/2026-H1?format=odt", "application/vnd.oasis.opendocument.text");
        try (var doc = OdfTextDocument.loadDocument(new ByteArrayInputStream(odt))) {
            String body = textOf(doc.getContentRoot());
            assertThat(body).contains("Mẫu 01").contains("CƠ QUAN THỬ NGHIỆM")
                    .contains("Tình hình cung cấp thông tin trên Cổng thông tin của đơn vị 6 tháng đầu năm 2026")
                    .contains("VB QPPL").contains("Kênh thông tin").contains("chưa có dữ liệu").contains(PROPOSAL);
        }
        byte[] xlsx = download(so, head, "/api/v1/reports/2026-H1?format=xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("Mẫu 01");
            int header = -1;
            for (var r : sheet) {
                if (r.getCell(0) != null && "TT".equals(r.getCell(0).toString())) {
                    header = r.getRowNum();
                }
            }
            assertThat(header).isNotNegative();
            assertThat(sheet.getRow(header).getCell(4).getStringCellValue()).isEqualTo("Tin PBPL");
            assertThat(sheet.getRow(header + 2).getCell(4).getNumericCellValue()).isEqualTo(2.0);
            assertThat(sheet.getRow(header + 2).getCell(1).getStringCellValue()).isEqualTo("chưa có dữ liệu");
        }
        byte[] own = download(so, head, "/api/v1/reports/2026-H1?format=ods",
                "application/vnd.oasis.opendocument.spreadsheet");
        try (var doc = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(own))) {
            OdfTable mau01 = doc.getTableByName("Mẫu 01");
            int header = rowStarting(mau01, "TT");
            assertThat(row(mau01, header)).containsExactlyElementsOf(ANNEX_HEADINGS);
            assertThat(row(mau01, header + 2)).containsExactly("1", "chưa có dữ liệu", "chưa có dữ liệu",
                    "chưa có dữ liệu", "2", "chưa có dữ liệu", "chưa có dữ liệu", "Có", "Không",
                    "chưa có dữ liệu", "chưa có dữ liệu", "chưa có dữ liệu", "Có", "4");
            assertThat(text(mau01)).contains("Số liệu từ ngày 01/01/2026 đến ngày 30/06/2026.");
        }
        assertThat(api(so, head, "GET", "/api/v1/reports/2026-H1?format=docx", null).statusCode()).isEqualTo(422);

        // The province returns it; the site corrects and submits again, on figures computed anew.
        var giveBack = api(domain, provinceHead, "POST", "/api/v1/oversight/reports/2026-H1/sites/" + soSite.id()
                + "/return", "{\"reason\":\"Đề nghị bổ sung kiến nghị cụ thể\"}");
        assertThat(giveBack.statusCode()).as(giveBack.body()).isEqualTo(200);
        assertThat(giveBack.body()).contains("\"status\":\"RETURNED\"");
        assertThat(api(domain, provinceHead, "POST", "/api/v1/oversight/reports/2026-H1/sites/" + soSite.id()
                + "/return", "{\"reason\":\"x\"}").statusCode()).as("only a submitted report").isEqualTo(409);
        assertThat(api(so, head, "GET", "/api/v1/reports/2026-H1", null).body()).contains("\"live\":true")
                .contains("Đề nghị bổ sung kiến nghị cụ thể").contains("\"no\":\"5\",\"display\":\"3\"");
        assertThat(api(so, head, "POST", "/api/v1/reports/2026-H1/submit", null).body())
                .contains("\"status\":\"SUBMITTED\"").contains("\"no\":\"5\",\"display\":\"3\"");
    }

    @Test
    void theWallHoldsForHandWrittenSql() throws SQLException {
        Fixtures.ownerSql(directory, "INSERT INTO site_reports (tenant_id, form_code, period, text_rows) VALUES ("
                + soSite.id() + ", 'BAO_CAO_DINH_KY', '2025', '[{\"2\":\"bí mật của sở\"}]') ON CONFLICT DO NOTHING");
        try (var c = db().app()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT set_config('app.tenants', '{" + xaSite.id() + "}', true)");
            var rs = c.createStatement().executeQuery("SELECT count(*) FROM site_reports WHERE tenant_id = "
                    + soSite.id());
            rs.next();
            assertThat(rs.getLong(1)).as("the commune's scope sees none of the department's reports").isZero();
            assertThat(c.createStatement().executeUpdate("UPDATE site_reports SET status = 'SUBMITTED' WHERE tenant_id = "
                    + soSite.id())).isZero();
            var refused = org.assertj.core.api.Assertions.catchThrowable(() -> c.createStatement().executeUpdate(
                    "INSERT INTO site_reports (tenant_id, form_code, period) VALUES (" + soSite.id()
                            + ", 'BAO_CAO_DINH_KY', '2024')"));
            assertThat(refused).hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    @Test
    void bacGiangFilesTwoFormsWithADeadlineOnTheCalendar() {
        String bg = Fixtures.nestedProvince(provisioning, "baocaobg");
        String bgLabel = bg.replace(".test", "");
        Tenant province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(bgLabel))
                .findFirst().orElseThrow();
        Tenant district = directory.snapshot().child(province.id(), "huyen");
        Tenant commune = directory.snapshot().child(district.id(), "xa");
        seat(commune, bgLabel + ".xa.truongban", "Hoàng Văn Xã", Role.HEAD);
        String xaHost = "xa.huyen." + bg;
        String head = token(xaHost, bgLabel + ".xa.truongban");
        // The seeds set no deadline; a province that has one in its copy of the preset (here ten working
        // days) gets it on its calendar.
        Fixtures.ownerSql(directory, "UPDATE preset_report_forms SET due_working_days = 10 WHERE code = 'MAU_01' "
                + "AND preset_id = (SELECT preset_id FROM tenants WHERE id = " + province.id() + ")");
        try {
            var which = api(xaHost, head, "GET", "/api/v1/reports/2026-H1", null);
            assertThat(which.statusCode()).isEqualTo(422);
            assertThat(which.body()).contains("\"rule\":\"form\"").contains("MAU_01, MAU_02");
            var mau01 = api(xaHost, head, "GET", "/api/v1/reports/2026-H1?form=MAU_01", null);
            assertThat(mau01.statusCode()).as(mau01.body()).isEqualTo(200);
            // 30/6/2026 is a Tuesday: ten working days later is Tuesday 14/7.
            assertThat(mau01.body()).contains("\"due\":\"2026-07-14\"").contains("\"annexLabel\":\"Mẫu 01\"")
                    .doesNotContain("\"annexLabel\":\"Mẫu 02\"");
            assertThat(api(xaHost, head, "PUT", "/api/v1/reports/2026-H1/text?form=MAU_01", "{\"rows\":[]}")
                    .statusCode()).as("Mẫu 01 has no text").isEqualTo(409);
            assertThat(api(xaHost, head, "POST", "/api/v1/reports/2026-H1/submit?form=MAU_02", null).body())
                    .as("Mẫu 02 needs a row").contains("\"rule\":\"rows\"");
            assertThat(api(xaHost, head, "POST", "/api/v1/reports/2026-H1/submit?form=MAU_01", null).body())
                    .contains("\"status\":\"SUBMITTED\"").contains("\"overdue\":true");
            assertThat(api(xaHost, head, "GET", "/api/v1/reports/2026-H2", null).body())
                    .contains("\"rule\":\"period\"");
            String admin = token(bg, "platform.admin");
            var status = api(bg, admin, "GET", "/api/v1/oversight/reports?period=2026-H1", null);
            assertThat(status.body()).as("the district and the commune under it, two forms each")
                    .contains("\"expected\":4").contains("\"submitted\":1");
            assertThat(api(bg, admin, "GET", "/api/v1/oversight/reports/2026-H1/compiled", null).body())
                    .contains("\"rule\":\"form\"");
            assertThat(api(bg, admin, "GET", "/api/v1/oversight/reports/2026-H1/compiled?form=MAU_01", null).body())
                    .contains("\"site\":\"Xã Lồng nhau\"").contains("\"notSubmitted\":[\"Huyện Thử nghiệm\"]");
        } finally {
            Fixtures.ownerSql(directory, "UPDATE preset_report_forms SET due_working_days = NULL WHERE code = 'MAU_01' "
                    + "AND preset_id = (SELECT preset_id FROM tenants WHERE id = " + province.id() + ")");
        }
    }

    /**
     * A submitted report is the site's record: an export carries it, a deletion takes it, an import
     * brings it back as it was submitted (its head matched by the import), and a merged site keeps
     * its own while its content moves.
     */
    @Test
    void reportsTravelWithTheirSiteAndStayWithAMergedOne() throws Exception {
        String other = Fixtures.flatProvince(provisioning, "baocaodi");
        String otherLabel = other.replace(".test", "");
        Tenant province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(otherLabel))
                .findFirst().orElseThrow();
        Tenant dept = directory.snapshot().child(province.id(), "so");
        Tenant commune = directory.snapshot().child(province.id(), "xa");
        seat(dept, otherLabel + ".so.truongban", "Đỗ Văn Chuyển", Role.HEAD);
        seat(commune, otherLabel + ".xa.truongban", "Vũ Thị Nhập", Role.HEAD);
        String head = token("so." + other, otherLabel + ".so.truongban");
        api("so." + other, head, "PUT", "/api/v1/reports/2026-H1/text", "{\"rows\":[{\"2\":\"" + PROBLEM + "\"}]}");
        assertThat(api("so." + other, head, "POST", "/api/v1/reports/2026-H1/submit", null).statusCode())
                .isEqualTo(200);
        String xaHead = token("xa." + other, otherLabel + ".xa.truongban");
        api("xa." + other, xaHead, "PUT", "/api/v1/reports/2026-H1/text", "{\"rows\":[{\"3\":\"Nháp của xã\"}]}");

        String admin = token(other, "platform.admin");
        byte[] zip = download(other, admin, "/api/v1/tenants/" + dept.id() + "/export", "application/zip");
        String rows = "";
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("site_reports.jsonl")) {
                    rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(rows).contains(PROBLEM).contains("SUBMITTED");
        assertThat(api(other, admin, "PATCH", "/api/v1/tenants/" + dept.id(), "{\"status\":\"ARCHIVED\"}")
                .statusCode()).isEqualTo(200);
        var deleted = api(other, admin, "DELETE", "/api/v1/tenants/" + dept.id() + "?confirm=so", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"site_reports\":1");

        var imported = send(other, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(zip)),
                "/api/v1/tenants/import?subdomain=sohai", "Authorization", "Bearer " + admin,
                "Content-Type", "application/zip", "Accept", "application/json");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long back = Long.parseLong(field(imported.body(), "id"));
        var report = api(other, admin, "GET", "/api/v1/oversight/reports/2026-H1/sites/" + back, null);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("\"status\":\"SUBMITTED\"").contains(PROBLEM)
                .contains("\"submittedBy\":\"Đỗ Văn Chuyển\"");

        var merged = api(other, admin, "POST", "/api/v1/tenants/" + commune.id() + "/merge", "{\"into\":" + back + "}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        try (var c = db().owner(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT tenant_id, status FROM site_reports WHERE tenant_id IN (" + commune.id()
                    + ", " + back + ") ORDER BY tenant_id");
            List<String> left = new ArrayList<>();
            while (rs.next()) {
                left.add(rs.getLong(1) + ":" + rs.getString(2));
            }
            assertThat(left).containsExactlyInAnyOrder(commune.id() + ":DRAFT", back + ":SUBMITTED");
        }
    }

    private byte[] download(String host, String token, String path, String type) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create("http://127.0.0.1:" + server.getPort() + path)).header("Host", host)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(type));
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("attachment"));
        return r.body();
    }

    private static int rowStarting(OdfTable t, String first) {
        for (int r = 0; r < t.getRowCount(); r++) {
            if (first.equals(t.getCellByPosition(0, r).getDisplayText())) {
                return r;
            }
        }
        throw new AssertionError("no row starting with " + first);
    }

    private static List<String> row(OdfTable t, int r) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < t.getColumnCount(); c++) {
            cells.add(t.getCellByPosition(c, r).getDisplayText());
        }
        while (!cells.isEmpty() && cells.getLast().isEmpty()) {
            cells.removeLast();
        }
        return cells;
    }

    /** The text under a node, gathered by hand (ODF Toolkit's elements answer getTextContent() with ""). */
    private static String textOf(org.w3c.dom.Node node) {
        if (node.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
            return node.getNodeValue();
        }
        StringBuilder b = new StringBuilder();
        for (var c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            b.append(textOf(c));
        }
        if ("p".equals(node.getLocalName())) {
            b.append('\n');
        }
        return b.toString();
    }

    private static String text(OdfTable t) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < t.getRowCount(); r++) {
            for (int c = 0; c < t.getColumnCount(); c++) {
                b.append(t.getCellByPosition(c, r).getDisplayText()).append('\n');
            }
        }
        return b.toString();
    }
}
