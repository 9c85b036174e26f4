package vn.gov.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 12, build 4: a site's board changes its names, emblem, footer, menu, home blocks and
 * languages through {@code /api/v1/site/settings}; the public pages show it within a second; the
 * conformance footer check passes once the footer is filled; nobody else may, and every field is
 * checked. On a province of its own offering Vietnamese and English.
 */
@SharedApplication
class SiteSettingsByTheBoardTest extends PortalTest {
    private static final String PATH = "/api/v1/site/settings";
    private static final Tenant.Branding PLAIN = Tenant.Branding.footer(null, null, "Cơ quan thử nghiệm", null, null,
            null, null);

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String domain;
    private String so;
    private String xa;
    private Tenant soSite;
    private String soHead;
    private String soAdmin;
    private String soContributor;
    private String xaHead;
    private String provinceHead;
    private String provinceHeadOnSo;

    @BeforeAll
    void aProvinceOfferingEnglishWithADepartmentAndACommune() {
        String label = "caidat" + UUID.randomUUID().toString().substring(0, 6);
        domain = label + ".test";
        provisioning.createProvince(new TenantProvisioning.NewProvince(label, "Tỉnh " + label, null, List.of(domain),
                "TN-2026", List.of("vi", "en"), PLAIN), List.of(
                new TenantProvisioning.NewSite(TenantKind.DEPARTMENT, "so", "Sở Thử nghiệm", null, null, PLAIN),
                new TenantProvisioning.NewSite(TenantKind.COMMUNE, "xa", "Xã Thử nghiệm", null, null, PLAIN)), "test");
        so = "so." + domain;
        xa = "xa." + domain;
        var dir = directory.snapshot();
        Tenant province = dir.provinces().stream().filter(p -> p.subdomain().equals(label)).findFirst().orElseThrow();
        soSite = dir.child(province.id(), "so");
        Tenant xaSite = dir.child(province.id(), "xa");
        soHead = seat(soSite, label + ".so.truongban", Role.HEAD, so);
        soAdmin = seat(soSite, label + ".so.quantri", Role.SITE_ADMIN, so);
        soContributor = seat(soSite, label + ".so.congtac", Role.CONTRIBUTOR, so);
        xaHead = seat(xaSite, label + ".xa.truongban", Role.HEAD, xa);
        provinceHead = seat(province, label + ".tinh.truongban", Role.HEAD, domain);
        provinceHeadOnSo = token(so, label + ".tinh.truongban");
    }

    private String seat(Tenant site, String username, Role role, String host) {
        long account = accounts.create(username, "Thành viên " + role, null, DEMO_PASSWORD, null);
        accounts.grant(site.id(), account, role, "test");
        return token(host, username);
    }

    /** A full settings document, as a client sends it after a GET. */
    private static String settings(String phone, String extraMenu, String blocks, String languages,
                                   String emblem) {
        return "{\"name\":\"Sở Thử nghiệm\",\"englishName\":\"Department of Testing\",\"shortName\":\"STN\","
                + "\"emblemMediaId\":" + emblem + ","
                + "\"footer\":{\"agency\":\"Ủy ban nhân dân tỉnh Thử nghiệm\",\"responsible\":\"Nguyễn Văn A, Giám đốc\","
                + "\"address\":\"1 Đường Thử, phường Một\",\"phone\":\"" + phone + "\",\"fax\":\"0208 3000 001\","
                + "\"email\":\"so@thu.gov.vn\",\"licence\":\"Giấy phép số 12/GP-TTĐT ngày 01/01/2026\"},"
                + "\"menu\":[{\"key\":\"home\"},{\"key\":\"about\"},{\"key\":\"public-services\"}" + extraMenu
                + ",{\"key\":\"contact\"},{\"key\":\"sitemap\"},{\"key\":\"search\"},{\"key\":\"parent\"}],"
                + "\"homeBlocks\":" + blocks + ",\"languages\":" + languages + "}";
    }

    private static String plain(String phone) {
        return settings(phone, "", "[\"latest\",\"pages\"]", "[\"vi\",\"en\"]", "null");
    }

    @Test
    void aFooterPhoneSetThroughTheApiShowsOnEveryPageOfTheSiteWithinASecond() throws SQLException {
        for (String path : List.of("/", "/gioi-thieu", "/lien-he", "/so-do-cong")) {
            assertThat(get(so, path).statusCode()).as(path).isEqualTo(200); // now in the page cache
        }
        var put = api(so, soHead, "PUT", PATH, settings("0208 3855 789",
                // The label typed decomposed (as some keyboards send it) is stored and shown NFC.
                ",{\"label\":\"" + java.text.Normalizer.normalize("Văn bản mới", java.text.Normalizer.Form.NFD)
                        + "\",\"url\":\"/van-ban\"},{\"label\":\"Bộ Tài chính\",\"url\":\"https://mof.gov.vn/\"}",
                "[\"pages\",\"latest\"]", "[\"vi\",\"en\"]", "null"));
        long saved = System.nanoTime();
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"phone\":\"0208 3855 789\"", "\"fax\":\"0208 3000 001\"",
                "\"homeBlocks\":[\"pages\",\"latest\"]", "\"label\":\"Văn bản mới\"");

        for (String path : List.of("/", "/gioi-thieu", "/lien-he", "/so-do-cong")) {
            String page;
            do {
                page = get(so, path).body();
            } while (!page.contains("0208 3855 789") && System.nanoTime() - saved < 1_000_000_000L);
            assertThat(page).as(path).contains("0208 3855 789", "0208 3000 001", "Giấy phép số 12/GP-TTĐT",
                    "<a href=\"/van-ban\">Văn bản mới</a>", "<a href=\"https://mof.gov.vn/\">Bộ Tài chính</a>");
        }
        assertThat(System.nanoTime() - saved).as("within a second").isLessThan(1_000_000_000L);
        String en = get(so, "/en/").body();
        assertThat(en).contains("<span class=\"agency\">Department of Testing</span>");
        String home = get(so, "/").body();
        assertThat(home.indexOf("class=\"pages\"")).as("blocks in the chosen order")
                .isLessThan(home.indexOf("class=\"latest\""));

        // Audited, old → new.
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(
                "SELECT actor, detail::text FROM audit_events WHERE tenant_id = " + soSite.id()
                        + " AND action = 'site.settings_changed' ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains(".so.truongban");
            assertThat(rs.getString(2)).contains("\"footer.phone\"", "\"new\": \"0208 3855 789\"");
        }
    }

    @Test
    void theConformanceFooterCheckPassesOnceTheBoardFillsTheFooter() {
        String xaSettings = api(xa, xaHead, "GET", PATH, null).body();
        assertThat(xaSettings).as("no phone yet").doesNotContain("\"phone\"");
        scan();
        assertThat(footerCheck()).contains("\"outcome\":\"FAIL\"");

        var put = api(xa, xaHead, "PUT", PATH, plain("0208 3999 999").replace("Sở Thử nghiệm", "Xã Thử nghiệm")
                .replace("Department of Testing", "Testing Commune"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        scan();
        assertThat(footerCheck()).contains("\"outcome\":\"PASS\"");
    }

    private void scan() {
        var r = api(domain, provinceHead, "POST", "/api/v1/oversight/conformance/scan", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private String footerCheck() {
        var r = api(xa, xaHead, "GET", "/api/v1/oversight/conformance/sites/"
                + directory.snapshot().child(soSite.parentId(), "xa").id(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        int at = r.body().indexOf("\"code\":\"FOOTER\"");
        assertThat(at).as(r.body()).isNotNegative();
        return r.body().substring(at, r.body().indexOf('}', at));
    }

    @Test
    void anotherSitesBoardAndTheSitesOwnContributorAreRefused() {
        assertThat(api(so, xaHead, "GET", PATH, null).statusCode()).as("another site's token")
                .isEqualTo(401);
        assertThat(api(so, xaHead, "PUT", PATH, plain("0208 1111 111")).statusCode()).isEqualTo(401);
        assertThat(api(so, soContributor, "GET", PATH, null).statusCode()).isEqualTo(403);
        var put = api(so, soContributor, "PUT", PATH, plain("0208 1111 111"));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("Chỉ quản trị trang hoặc Trưởng Ban Biên tập");
        assertThat(api(so, soAdmin, "GET", PATH, null).statusCode()).as("its site admin").isEqualTo(200);
        var byProvince = api(so, provinceHeadOnSo, "GET", PATH, null);
        assertThat(byProvince.statusCode()).as("the province's head, as PROVINCE_HEAD").isEqualTo(200);
        assertThat(get(so, "/").body()).doesNotContain("0208 1111 111");
    }

    @Test
    void everyFieldIsCheckedAndTheRefusalNamesIt() throws IOException {
        refused(settings("0208 1", "", "[\"latest\"]", "[\"vi\"]", "null"), 422, "footer.phone");
        refused(settings("0208 3855 123", ",{\"label\":\"Xấu\",\"url\":\"javascript:alert(1)\"}", "[\"latest\"]",
                "[\"vi\"]", "null"), 422, "menu[3].url");
        refused(settings("0208 3855 123", ",{\"label\":\"Nơi khác\",\"url\":\"//evil.example/\"}", "[\"latest\"]",
                "[\"vi\"]", "null"), 422, "menu[3].url");
        String noSearch = settings("0208 3855 123", "", "[\"latest\"]", "[\"vi\"]", "null")
                .replace(",{\"key\":\"search\"}", "");
        var r = refused(noSearch, 422, "menu");
        assertThat(r).contains("Không được bỏ mục menu bắt buộc “search”");
        refused(settings("0208 3855 123", "", "[\"latest\",\"directory\"]", "[\"vi\"]", "null"), 422,
                "homeBlocks[1]");
        r = refused(settings("0208 3855 123", "", "[\"latest\"]", "[\"vi\",\"ko\"]", "null"), 422, "languages[1]");
        assertThat(r).contains("không nằm trong các ngôn ngữ tỉnh cung cấp");
        refused(settings("0208 3855 123", "", "[\"latest\"]", "[\"en\"]", "null"), 422, "languages");

        String xaImage = id(upload(xa, xaHead, "quoc-huy.png", png(), "Biểu trưng xã"));
        r = refused(plainWithEmblem(xaImage), 422, "emblemMediaId");
        assertThat(r).contains("không có trong thư viện ảnh của trang này");
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
                + "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String document = id(upload(so, soHead, "quyet-dinh.pdf", pdf, null));
        refused(plainWithEmblem(document), 422, "emblemMediaId");
        String gif = id(upload(so, soHead, "bieu-trung.gif", image("gif"), "Biểu trưng động"));
        assertThat(refused(plainWithEmblem(gif), 422, "emblemMediaId")).contains("PNG hoặc JPEG");

        // Nothing of the refused changes reached the site.
        assertThat(get(so, "/").body()).doesNotContain("javascript:alert", "evil.example");

        // Its own PNG is its emblem; English dropped, the /en pages go.
        String own = id(upload(so, soHead, "bieu-trung.png", png(), "Biểu trưng Sở"));
        var ok = api(so, soHead, "PUT", PATH, settings("0208 3855 123", "", "[\"latest\"]", "[\"vi\"]", own));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"emblemMediaId\":" + own, "\"languages\":[\"vi\"]");
        assertThat(get(so, "/").body()).contains("src=\"/media/" + own + "/thumb\"");
        assertThat(get(so, "/en/").statusCode()).isEqualTo(404);
        var back = api(so, soHead, "PUT", PATH, plain("0208 3855 123"));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(get(so, "/en/").statusCode()).isEqualTo(200);
    }

    @Test
    void theEmcIdIsTheProvincesNotTheBoards() {
        var put = api(so, soHead, "PUT", PATH, plain("0208 3855 123").replace("{\"name\"", "{\"emcSiteId\":4242,\"name\""));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
        assertThat(put.body()).contains("\"rule\":\"emcSiteId\"", "do tỉnh đặt");
        var patch = api(so, soHead, "PATCH", "/api/v1/tenants/" + soSite.id(), "{\"emcSiteId\":4242}");
        assertThat(patch.statusCode()).isEqualTo(403);
        assertThat(directory.snapshot().byId(soSite.id()).emcSiteId()).isNull();
        var byProvince = api(domain, provinceHead, "PATCH", "/api/v1/tenants/" + soSite.id(), "{\"emcSiteId\":4242}");
        assertThat(byProvince.statusCode()).as(byProvince.body()).isEqualTo(200);
        assertThat(api(so, soHead, "GET", PATH, null).body()).contains("\"emcSiteId\":4242");
    }

    private String plainWithEmblem(String id) {
        return settings("0208 3855 123", "", "[\"latest\"]", "[\"vi\"]", id);
    }

    private String refused(String body, int status, String field) {
        var r = api(so, soHead, "PUT", PATH, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"rule\":\"" + field + "\"").contains(field);
        return r.body();
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return field(created.body(), "id");
    }

    private HttpResponse<String> upload(String host, String token, String filename, byte[] bytes, String alt) {
        String boundary = "----portal" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            if (alt != null) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())),
                "/api/v1/media", "Authorization", "Bearer " + token,
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    static byte[] png() throws IOException {
        return image("png");
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(183, 28, 28));
        g.fillRect(0, 0, 96, 96);
        g.setColor(new Color(255, 214, 0));
        g.fillOval(24, 24, 48, 48);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
