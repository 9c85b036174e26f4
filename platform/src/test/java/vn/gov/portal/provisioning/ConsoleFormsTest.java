package vn.gov.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The console's site page and forms over plain HTTP: only the province's administrators reach
 * them (a department's head, a province contributor, a site of another province: refused), a
 * form needs its CSRF token, a refusal keeps what was typed and says why in the API's words,
 * and what works is audited as the API's calls are.
 */
@SharedApplication
class ConsoleFormsTest extends PortalTest {
    private static final String CONSOLE = "/admin/trang-thanh-phan";

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    private String session(String host, String username) {
        return "portal_session=" + token(host, username);
    }

    private HttpResponse<String> postForm(String host, String path, String cookie, String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(b.toString())), path,
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie);
    }

    private long createSite(String label, String name, String kind) {
        var r = api(PROVINCE, token(PROVINCE, "platform.admin"), "POST", "/api/v1/tenants",
                "{\"subdomain\":\"" + label + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Long.parseLong(field(r.body(), "id"));
    }

    @Test
    void nobodyButTheProvincesAdministratorsReachesTheConsolesPagesAndForms() {
        long id = createSite("xacuacam", "Xã Cửa Cấm", "COMMUNE");
        List<String> pages = List.of(CONSOLE + "/" + id, CONSOLE + "/tao-moi", CONSOLE + "/tao-hang-loat",
                CONSOLE + "/" + id + "/sap-nhap?vao=" + id);
        List<String> forms = List.of(CONSOLE + "/" + id + "/doi-ten", CONSOLE + "/" + id + "/cap-tren",
                CONSOLE + "/" + id + "/han-muc", CONSOLE + "/" + id + "/sap-nhap", CONSOLE + "/" + id + "/xuat",
                CONSOLE + "/tao-moi", CONSOLE + "/tao-hang-loat/tao");
        // A department's head on their own host, and a province contributor on the province's host.
        for (String[] who : new String[][] {{DEPARTMENT, "sotaichinh.truongban"}, {PROVINCE, "thainguyen.bientap"}}) {
            String cookie = session(who[0], who[1]);
            String csrf = csrfOf(who[0], cookie);
            for (String page : pages) {
                assertThat(get(who[0], page, "Cookie", cookie).statusCode()).as(who[1] + " GET " + page).isEqualTo(403);
            }
            for (String form : forms) {
                var r = postForm(who[0], form, cookie, "_csrf", csrf, "subdomain", "xachiem", "name", "Xã Chiếm",
                        "kind", "COMMUNE", "members", "999", "into", String.valueOf(id));
                assertThat(r.statusCode()).as(who[1] + " POST " + form).isEqualTo(403);
            }
        }
        // A department head's session does not carry over to the province's host.
        var carried = get(PROVINCE, CONSOLE + "/" + id, "Cookie", session(DEPARTMENT, "sotaichinh.truongban"));
        assertThat(carried.statusCode()).as("a session is its own site's").isEqualTo(303);
        // Nothing those attempts sent took effect.
        assertThat(get("xacuacam.thainguyen.localhost", "/").statusCode()).isEqualTo(200);
        assertThat(get("xachiem.thainguyen.localhost", "/").statusCode()).isEqualTo(404);
        String admin = session(PROVINCE, "platform.admin");
        String csrf = csrfOf(PROVINCE, admin);
        assertThat(get(PROVINCE, CONSOLE + "/" + id, "Cookie", admin).body()).doesNotContain("value=\"999\"");
        for (String page : pages.subList(0, 3)) {
            assertThat(get(PROVINCE, page, "Cookie", admin).statusCode()).as("the province's admin: " + page).isEqualTo(200);
        }
        assertThat(get(PROVINCE, CONSOLE + "/" + id, "Cookie", session(PROVINCE, "thainguyen.truongban")).statusCode())
                .as("the province board's head").isEqualTo(200);

        // The province's own administrator cannot reach another province's site, nor the province itself.
        String other = Fixtures.flatProvince(provisioning, "tinhkhac");
        long otherSite = directory.snapshot().child(directory.snapshot().provinces().stream()
                .filter(p -> p.baseDomains().contains(other)).findFirst().orElseThrow().id(), "xa").id();
        assertThat(get(PROVINCE, CONSOLE + "/" + otherSite, "Cookie", admin).statusCode()).isEqualTo(404);
        assertThat(postForm(PROVINCE, CONSOLE + "/" + otherSite + "/doi-ten", admin, "_csrf", csrf,
                "subdomain", "xabicuop").statusCode()).isEqualTo(404);
        assertThat(postForm(PROVINCE, CONSOLE + "/" + id + "/sap-nhap", admin, "_csrf", csrf,
                "into", String.valueOf(otherSite)).statusCode()).as("nor merge into it").isEqualTo(404);
        long province = directory.snapshot().byId(id).parentId();
        assertThat(get(PROVINCE, CONSOLE + "/" + province, "Cookie", admin).statusCode()).isEqualTo(404);

        // A form without its token is refused before anything is read.
        assertThat(postForm(PROVINCE, CONSOLE + "/" + id + "/doi-ten", admin, "_csrf", "sai", "subdomain", "xakhongtoken")
                .statusCode()).isEqualTo(403);
        assertThat(get("xakhongtoken.thainguyen.localhost", "/").statusCode()).isEqualTo(404);
    }

    @Test
    void aRefusedFormSaysWhyInTheApisWordsAndKeepsWhatWasTyped() {
        long id = createSite("xatuchoi", "Xã Từ Chối", "COMMUNE");
        String admin = session(PROVINCE, "platform.admin");
        String csrf = csrfOf(PROVINCE, admin);
        var reserved = postForm(PROVINCE, CONSOLE + "/" + id + "/doi-ten", admin, "_csrf", csrf, "subdomain", "admin");
        assertThat(reserved.statusCode()).isEqualTo(422);
        assertThat(reserved.body()).contains("Tên miền con này được dành riêng cho hệ thống")
                .contains("value=\"admin\"").contains("aria-invalid=\"true\"");
        var taken = postForm(PROVINCE, CONSOLE + "/" + id + "/doi-ten", admin, "_csrf", csrf, "subdomain", "sotaichinh");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("Tên miền con này đã có trang khác dùng trong tỉnh.");

        var quota = postForm(PROVINCE, CONSOLE + "/" + id + "/han-muc", admin, "_csrf", csrf, "storageMb", "",
                "members", "ba mươi", "uploadsPerDay", "7");
        assertThat(quota.statusCode()).isEqualTo(422);
        assertThat(quota.body()).contains("Hạn mức phải là số không âm.").contains("value=\"ba mươi\"")
                .contains("value=\"7\"");

        var parent = postForm(PROVINCE, CONSOLE + "/" + id + "/cap-tren", admin, "_csrf", csrf, "parent", "sotaichinh");
        assertThat(parent.statusCode()).isEqualTo(422);
        assertThat(parent.body()).contains("Không có trang cấp trên với tên miền con đã nêu.");

        var noTarget = get(PROVINCE, CONSOLE + "/" + id + "/sap-nhap?vao=", "Cookie", admin);
        assertThat(noTarget.statusCode()).isEqualTo(422);
        assertThat(noTarget.body()).contains("Hãy nêu trang nhận sáp nhập");
        var self = get(PROVINCE, CONSOLE + "/" + id + "/sap-nhap?vao=" + id, "Cookie", admin);
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("Chỉ sáp nhập được một trang thành phần vào một trang thành phần khác.");

        var create = postForm(PROVINCE, CONSOLE + "/tao-moi", admin, "_csrf", csrf, "name", "Xã Thư Sai", "kind",
                "COMMUNE", "subdomain", "xathusai", "headName", "Đỗ Văn Thư", "headEmail", "khong-phai-thu");
        assertThat(create.statusCode()).isEqualTo(422);
        assertThat(create.body()).contains("Địa chỉ thư điện tử của Trưởng Ban Biên tập không hợp lệ.")
                .contains("value=\"Xã Thư Sai\"").contains("value=\"Đỗ Văn Thư\"").contains("value=\"khong-phai-thu\"");
        assertThat(get("xathusai.thainguyen.localhost", "/").statusCode()).isEqualTo(404);

        var unreadable = send(PROVINCE, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--b\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"ds.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                        + "name,kind\r\nXã,COMMUNE\r\n--b--\r\n")), CONSOLE + "/tao-hang-loat",
                "Content-Type", "multipart/form-data; boundary=b", "Cookie", admin);
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.body()).contains("Dòng đầu của tệp phải có các cột name, kind, subdomain, head_email");

        // The confirmation carries the file itself: a long one arrives whole (its last row is read),
        // and is checked again, so a file that went bad creates nothing.
        StringBuilder big = new StringBuilder("name,kind,subdomain,head_email\n");
        for (int i = 1; i < 1500; i++) {
            big.append("Xã Dài ").append(i).append(",COMMUNE,xadai").append(i).append(",truongban@xadai").append(i)
                    .append(".vn\n");
        }
        big.append("Xã Dài Cuối,COMMUNE,xadaicuoi,khong-phai-thu\n");
        var confirmed = postForm(PROVINCE, CONSOLE + "/tao-hang-loat/tao", admin, "_csrf", csrf, "fileName", "dai.csv",
                "data", java.util.Base64.getEncoder().encodeToString(big.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(confirmed.statusCode()).isEqualTo(422);
        assertThat(confirmed.body()).contains("<td>1501</td>").contains("khong-phai-thu")
                .contains("Địa chỉ thư điện tử của Trưởng Ban Biên tập không hợp lệ.");
        assertThat(get("xadai1.thainguyen.localhost", "/").statusCode()).isEqualTo(404);
    }

    @Test
    void whatTheFormsDoIsDoneByTheServicesAndAuditedAsTheApisCallsAre() throws Exception {
        String admin = session(PROVINCE, "platform.admin");
        String csrf = csrfOf(PROVINCE, admin);
        var suggested = postForm(PROVINCE, CONSOLE + "/tao-moi", admin, "_csrf", csrf, "name", "Phường Đồng Quang Mới",
                "kind", "WARD", "subdomain", "");
        assertThat(suggested.statusCode()).isEqualTo(200);
        assertThat(suggested.body()).contains("value=\"dongquangmoi\"");
        assertThat(get("dongquangmoi.thainguyen.localhost", "/").statusCode()).as("suggested, not created").isEqualTo(404);
        var created = postForm(PROVINCE, CONSOLE + "/tao-moi", admin, "_csrf", csrf, "name", "Phường Đồng Quang Mới",
                "kind", "WARD", "subdomain", "dongquangmoi");
        assertThat(created.statusCode()).as("no head: nothing secret to show, so back to the site's page").isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(CONSOLE + "/\\d+\\?xong=tao-moi");
        long id = Long.parseLong(location.replaceAll("\\D+(\\d+)\\?.*", "$1"));
        assertThat(get(PROVINCE, location, "Cookie", admin).body()).contains("Đã tạo trang.")
                .contains("dongquangmoi.thainguyen.localhost");

        var renamed = postForm(PROVINCE, CONSOLE + "/" + id + "/doi-ten", admin, "_csrf", csrf, "subdomain", "dongquang2");
        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(renamed.headers().firstValue("Location")).hasValue(CONSOLE + "/" + id + "?xong=doi-ten");
        assertThat(get("dongquangmoi.thainguyen.localhost", "/lien-he").statusCode()).isEqualTo(301);

        var quota = postForm(PROVINCE, CONSOLE + "/" + id + "/han-muc", admin, "_csrf", csrf, "storageMb", "3072",
                "members", "", "uploadsPerDay", "150");
        assertThat(quota.statusCode()).isEqualTo(303);
        String usage = api(PROVINCE, token(PROVINCE, "platform.admin"), "GET", "/api/v1/tenants/" + id + "/usage", null)
                .body();
        assertThat(usage).contains("\"quota\":{\"storageBytes\":3221225472,\"members\":25,\"uploadsPerDay\":150}");
        var page = get(PROVINCE, CONSOLE + "/" + id + "?xong=han-muc", "Cookie", admin).body();
        assertThat(page).contains("Đã lưu hạn mức.").contains("value=\"3072\"").contains("value=\"150\"");
        // Blank again: back to the kind's default.
        postForm(PROVINCE, CONSOLE + "/" + id + "/han-muc", admin, "_csrf", csrf, "storageMb", "", "members", "",
                "uploadsPerDay", "");
        assertThat(api(PROVINCE, token(PROVINCE, "platform.admin"), "GET", "/api/v1/tenants/" + id + "/usage", null)
                .body()).contains("\"quota\":{\"storageBytes\":2147483648,\"members\":25,\"uploadsPerDay\":100}");

        var export = postForm(PROVINCE, CONSOLE + "/" + id + "/xuat", admin, "_csrf", csrf);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(export.headers().firstValue("Cache-Control")).hasValue("no-store");
        // Password hashes only when the box is ticked; the site's log says which export held them.
        assertThat(get(PROVINCE, CONSOLE + "/" + id, "Cookie", admin).body())
                .contains("<input type=\"checkbox\" name=\"mat-khau\" value=\"co\">");
        assertThat(postForm(PROVINCE, CONSOLE + "/" + id + "/xuat", admin, "_csrf", csrf, "mat-khau", "co")
                .statusCode()).isEqualTo(200);
        try (var c = db().owner(); var rs = c.createStatement().executeQuery("SELECT string_agg(detail::jsonb "
                + "->> 'passwordHashes', ',' ORDER BY id) FROM audit_events WHERE tenant_id = " + id
                + " AND action = 'tenant.exported'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("false,true");
        }

        long into = createSite("phuongnhan", "Phường Nhận", "WARD");
        var preview = get(PROVINCE, CONSOLE + "/" + id + "/sap-nhap?vao=" + into, "Cookie", admin);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Phường Đồng Quang Mới (dongquang2.thainguyen.localhost) sẽ được sáp nhập vào "
                + "Phường Nhận (phuongnhan.thainguyen.localhost).").contains("trang tĩnh").contains("chuyên mục");
        assertThat(get("dongquang2.thainguyen.localhost", "/").statusCode()).as("a preview moves nothing").isEqualTo(200);
        var merged = postForm(PROVINCE, CONSOLE + "/" + id + "/sap-nhap", admin, "_csrf", csrf, "into",
                String.valueOf(into));
        assertThat(merged.statusCode()).isEqualTo(303);
        assertThat(merged.headers().firstValue("Location")).hasValue(CONSOLE + "/" + into + "?xong=sap-nhap");
        assertThat(get("dongquang2.thainguyen.localhost", "/").statusCode()).isEqualTo(301);

        try (var c = db().owner(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT action FROM audit_events WHERE tenant_id = " + id
                    + " AND actor LIKE '%:platform.admin' ORDER BY id");
            List<String> actions = new java.util.ArrayList<>();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
            assertThat(actions).containsSubsequence("tenant.moved", "tenant.quota", "tenant.quota", "tenant.exported",
                    "tenant.merged_into");
        }
    }
}
