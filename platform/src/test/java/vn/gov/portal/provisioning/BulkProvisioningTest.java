package vn.gov.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Many sites from one file: a dry run names every bad row; creation is all rows or none. */
@SharedApplication
class BulkProvisioningTest extends PortalTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private HttpResponse<String> upload(String host, String token, boolean dryRun, byte[] file, String type) {
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(file)),
                "/api/v1/tenants/bulk?dryRun=" + dryRun, "Authorization", "Bearer " + token, "Content-Type", type,
                "Accept", "application/json");
    }

    @Test
    void oneBadRowCreatesNothingAndIsNamedThenTheFixedFileCreatesAll() {
        String admin = token(PROVINCE, "platform.admin");
        String bad = """
                name,kind,subdomain,head_email
                Xã Hàng Loạt Một,COMMUNE,xahangloat1,mot@hangloat.vn
                Xã Hàng Loạt Hai,Xã,xahangloat2,hai@hangloat.vn
                Xã Hàng Loạt Ba,COMMUNE,admin,ba@hangloat.vn
                """;
        var dry = upload(PROVINCE, admin, true, bad.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(dry.body()).contains("\"row\":4").contains("\"field\":\"subdomain\"")
                .contains("\"rule\":\"subdomain.rule.reserved\"").contains("dành riêng");
        var refused = upload(PROVINCE, admin, false, bad.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"row\":4");
        assertThat(get("xahangloat1.thainguyen.localhost", "/").statusCode()).as("nothing created").isEqualTo(404);

        String fixed = bad.replace(",admin,", ",xahangloat3,");
        var created = upload(PROVINCE, admin, false, fixed.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("xahangloat3.truongban").contains("/admin/kich-hoat/");
        for (int i = 1; i <= 3; i++) {
            var home = get("xahangloat" + i + ".thainguyen.localhost", "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Xã Hàng Loạt");
        }
        var again = upload(PROVINCE, admin, true, fixed.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(again.body()).as("every label is now taken").contains("\"row\":2").contains("\"row\":3")
                .contains("\"row\":4").contains("subdomain.rule.taken");
    }

    @Test
    void everyKindOfMistakeIsReportedAtOnce() {
        String admin = token(PROVINCE, "thainguyen.truongban");
        String file = "Tên đơn vị;Loại;Tên miền con;Thư điện tử\n"
                + "Phường Một;Phường;phuongmot;a@b.vn\n"
                + "Phường Một Lặp;Phường;phuongmot;c@d.vn\n"
                + "X;Thành phố;Phuong Hai;khong-phai-email\n"
                + "Sở Tài chính;Sở;sotaichinh;e@f.vn\n";
        var dry = upload(PROVINCE, admin, true, file.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(dry.body()).contains("subdomain.rule.duplicate").contains("tenant.name-length")
                .contains("tenant.kind-unknown").contains("tenant.head-email").contains("subdomain.rule.shape")
                .contains("subdomain.rule.taken").doesNotContain("\"row\":2,");
        var missing = upload(PROVINCE, admin, true, "name,kind\nXã,COMMUNE\n".getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(field(missing.body(), "rule")).isEqualTo("file");
        assertThat(upload(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), true,
                file.getBytes(StandardCharsets.UTF_8), "text/csv").statusCode()).isEqualTo(403);
    }

    @Test
    void aHundredCommunesFromASpreadsheet() throws IOException {
        byte[] xlsx;
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Danh sách");
            var header = sheet.createRow(0);
            String[] names = {"Tên đơn vị", "Loại", "Tên miền con", "Thư điện tử", "Họ tên Trưởng ban"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int i = 1; i <= 100; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue("Xã Trăm " + i);
                row.createCell(1).setCellValue("Xã");
                row.createCell(2).setCellValue("xatram" + i);
                row.createCell(3).setCellValue("truongban" + i + "@xatram.vn");
                row.createCell(4).setCellValue("Nguyễn Văn " + i);
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        String admin = token(PROVINCE, "platform.admin");
        long started = System.nanoTime();
        var created = upload(PROVINCE, admin, false, xlsx, XLSX);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        System.out.println("[bulk] 100 communes with their heads created in " + millis + " ms");
        assertThat(created.body()).contains("xatram100.thainguyen.localhost").contains("\"row\":101");
        assertThat(get("xatram57.thainguyen.localhost", "/").body()).contains("Xã Trăm 57");
        assertThat(signIn("xatram57.thainguyen.localhost", "xatram57.truongban", DEMO_PASSWORD).statusCode())
                .as("no password until the link is used").isEqualTo(401);
    }
}
