package vn.gov.portal.provisioning.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;
import vn.gov.portal.testing.TestDatabase;

/**
 * An archive is a file anyone could have edited and re-hashed: built through the product (a site
 * exported through the API), then altered here byte by byte, then imported through the API. The
 * import re-reads media from their bytes, refuses unsafe addresses, unpacks nothing beyond its
 * caps, keeps its quotas, writes one audit entry instead of the source's log, and an export holds
 * password hashes only when asked. Whatever it refuses, it leaves nothing behind.
 */
@SharedApplication
class SiteImportTrustsNoArchiveTest extends PortalTest {
    private static String domain;
    private static int sites;

    private final HttpClient http = HttpClient.newBuilder().build();

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Inject
    JsonMapper json;

    /** This class's own province, made once. */
    private String province() {
        if (domain == null) {
            domain = Fixtures.flatProvince(provisioning, "nhaptin");
        }
        return domain;
    }

    private String admin() {
        return token(province(), "platform.admin");
    }

    /** A new commune of the province with a writer (no e-mail) who uploaded a picture; returns its id. */
    private Site siteWithPicture() throws IOException {
        String label = "xa" + (++sites) + "t";
        var created = api(province(), admin(), "POST", "/api/v1/tenants",
                "{\"subdomain\":\"" + label + "\",\"name\":\"Xã Thử " + sites + "\",\"kind\":\"COMMUNE\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(field(created.body(), "id"));
        String host = label + "." + province();
        String writer = province().replace(".test", "") + "." + label + ".bientap";
        long account = accounts.create(writer, "Biên tập " + label, null, DEMO_PASSWORD, null);
        accounts.grant(id, account, Role.CONTRIBUTOR, "test");
        var uploaded = upload(host, token(host, writer), "cong-xa.png", png(), "Cổng xã");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        var article = api(host, token(host, writer), "POST", "/api/v1/articles",
                "{\"title\":\"Tin của xã\",\"bodyHtml\":\"<p>Nội dung</p>\"}");
        assertThat(article.statusCode()).as(article.body()).isEqualTo(201);
        return new Site(id, label, host, writer);
    }

    private record Site(long id, String label, String host, String writer) {
    }

    @Test
    void anHtmlPageListedAsAPngIsRefusedAndAMislabelledPictureTakesItsRealType() throws Exception {
        Site site = siteWithPicture();
        String admin = admin();
        byte[] archive = export(admin, site.id(), false);
        String original = TransferArchives.unzip(archive).keySet().stream()
                .filter(n -> n.startsWith("media/") && n.matches(".*/[0-9a-f]{16}-[0-9a-f]{8}\\.png"))
                .findFirst().orElseThrow();
        Counts before = counts();

        // The picture's bytes swapped for a page with a script; the media row still says image/png.
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        var refused = importArchive(admin, province(), "xanhapmot", archives().reHashed(archive, original, b -> html));
        assertRefused(refused, 422, "archive-media-type");
        assertThat(field(refused.body(), "detail")).contains("text/html");
        assertThat(counts()).isEqualTo(before);

        // The row lies about the file (a PDF of 1 byte, its hash made up): the file's own type, size and hash win.
        byte[] lying = archives().editRows(archive, "media.jsonl", row -> {
            row.put("content_type", JsonNode.createStringNode("application/pdf"));
            row.put("kind", JsonNode.createStringNode("DOCUMENT"));
            row.put("size_bytes", JsonNode.createNumberNode(1L));
            row.put("sha256", JsonNode.createStringNode("00"));
        });
        var imported = importArchive(admin, province(), "xanhaphai", lying);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(field(imported.body(), "mediaRetyped")).isEqualTo("1");
        long copy = Long.parseLong(field(imported.body(), "id"));
        byte[] picture = TransferArchives.unzip(archive).get(original);
        assertThat(count("SELECT count(*) FROM media WHERE tenant_id = " + copy + " AND content_type = 'image/png' "
                + "AND kind = 'IMAGE' AND size_bytes = " + picture.length + " AND sha256 = '"
                + TransferArchives.sha256(picture) + "'")).isEqualTo(1);
    }

    @Test
    void aJavascriptOrCssBreakingAddressInTheSiteRowIsRefusedWithAClearMessage() throws Exception {
        Site site = siteWithPicture();
        String admin = admin();
        byte[] archive = export(admin, site.id(), false);
        Counts before = counts();
        for (String banner : List.of("javascript:alert(1)", "JavaScript:alert(1)",
                "data:image/svg+xml,<svg onload=alert(1)>", "/anh.png');background:url(https://ke-gian.vn/x",
                "/anh.png\"onmouseover=\"alert(1)", "/anh.png;color:red", "/anh\\27.png", "/anh\n.png",
                "//ke-gian.vn/anh.png", "https://ke-gian.vn/a(b).png")) {
            var refused = importArchive(admin, province(), "xanhapurl", archives().editRows(archive, "tenants.jsonl",
                    row -> row.put("banner_url", JsonNode.createStringNode(banner))));
            assertRefused(refused, 422, "archive-url");
            assertThat(field(refused.body(), "detail")).as(banner).contains("banner_url", "http(s)");
        }
        var menu = importArchive(admin, province(), "xanhapurl", archives().editRows(archive, "tenants.jsonl",
                row -> {
                    row.put("menu_labels", JsonNode.createArrayNode(List.of(JsonNode.createStringNode("Trang"))));
                    row.put("menu_urls", JsonNode.createArrayNode(List.of(JsonNode.createStringNode("javascript:x()"))));
                }));
        assertRefused(menu, 422, "archive-url");
        var english = send(province(), HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(
                        archives().editRows(archive, "tenants.jsonl",
                                row -> row.put("logo_url", JsonNode.createStringNode("javascript:alert(1)"))))),
                "/api/v1/tenants/import?subdomain=xanhapurl", "Authorization", "Bearer " + admin,
                "Content-Type", "application/zip", "Accept-Language", "en");
        assertThat(field(english.body(), "detail")).contains("logo_url", "unsafe");
        assertThat(counts()).isEqualTo(before);

        // A plain address passes, and the page shows it as an image, not in a style attribute.
        var fine = importArchive(admin, province(), "xanhapurl", archives().editRows(archive, "tenants.jsonl",
                row -> row.put("banner_url", JsonNode.createStringNode("https://anh.example.vn/bang-ron.jpg"))));
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
        String page = get("xanhapurl." + province(), "/").body();
        assertThat(page).contains("<img class=\"site-banner\" src=\"https://anh.example.vn/bang-ron.jpg\" alt=\"\">")
                .doesNotContain("background-image");
    }

    @Test
    void aBannerAddressWrittenWithoutTheImportStillCannotLeaveItsAttribute() {
        // Provisioning takes branding from code (seeds, the bulk file): the page must be safe whatever it holds.
        String label = "bangron" + UUID.randomUUID().toString().substring(0, 6);
        String evil = "/x.png');}body{display:none}</style><script>alert(1)</script>\"";
        var branding = new Tenant.Branding(null, evil, null, "Cơ quan thử", null, null, null, null, List.of(),
                Tenant.Branding.DEFAULT_HOME_BLOCKS);
        provisioning.createProvince(new TenantProvisioning.NewProvince(label, "Tỉnh " + label, null,
                List.of(label + ".test"), "TN-2026", List.of("vi"), branding), List.of(
                new TenantProvisioning.NewSite(TenantKind.COMMUNE, "xa", "Xã Băng Rôn", null, null, branding)), "test");
        var page = get("xa." + label + ".test", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert(1)").doesNotContain("background-image")
                .contains("class=\"site-banner\" src=\"/x.png&#39;);}body{display:none}&lt;/style&gt;"
                        + "&lt;script&gt;alert(1)&lt;/script&gt;&quot;\"");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpackedAndLeavesNothing() throws Exception {
        Site site = siteWithPicture();
        String admin = admin();
        byte[] archive = export(admin, site.id(), false);
        Counts before = counts();
        long spooled = spooledArchives();

        // 1.1 GB of newlines as a table's rows, about a megabyte packed; the manifest need not even agree.
        var bombed = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(bombed)) {
            for (var e : TransferArchives.unzip(archive).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals("ratings.jsonl")) {
                    byte[] mb = new byte[1024 * 1024];
                    java.util.Arrays.fill(mb, (byte) '\n');
                    for (int i = 0; i < 1100; i++) {
                        z.write(mb);
                    }
                } else {
                    z.write(e.getValue());
                }
                z.closeEntry();
            }
        }
        assertThat(bombed.size()).isLessThan(5 * 1024 * 1024);
        var refused = importArchive(admin, province(), "xanhapbom", bombed.toByteArray());
        assertRefused(refused, 413, "archive-entry-too-large");
        assertThat(field(refused.body(), "detail")).contains("ratings.jsonl");

        // One row of 9 million characters that do not compress: within every size, but no row this platform writes.
        Random random = new Random(7);
        StringBuilder noise = new StringBuilder(9_000_000);
        while (noise.length() < 9_000_000) {
            noise.append((char) ('a' + random.nextInt(26)));
        }
        byte[] longLine = archives().editRows(archive, "articles.jsonl",
                row -> row.put("summary", JsonNode.createStringNode(noise.toString())));
        assertRefused(importArchive(admin, province(), "xanhapbom", longLine), 413, "archive-line-too-long");

        // More entries than any site has: refused from the ZIP's last bytes, before its directory is read.
        var crowded = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(crowded)) {
            z.setMethod(ZipOutputStream.STORED);
            for (int i = 0; i <= 200_000; i++) {
                ZipEntry e = new ZipEntry("media/t/1/" + i + ".png");
                e.setSize(0);
                e.setCrc(0);
                z.putNextEntry(e);
                z.closeEntry();
            }
        }
        assertRefused(importArchive(admin, province(), "xanhapbom", crowded.toByteArray()), 413,
                "archive-too-many-entries");

        assertThat(counts()).isEqualTo(before);
        assertThat(spooledArchives()).as("uploads spooled to disk are removed").isEqualTo(spooled);
        assertThat(get("xanhapbom." + province(), "/").statusCode()).isEqualTo(404);
    }

    @Test
    void theSourcesAuditLogIsReplacedByOneEntryNamingTheArchive() throws Exception {
        Site site = siteWithPicture();
        String admin = admin();
        byte[] archive = export(admin, site.id(), false);
        long entries = count("SELECT count(*) FROM audit_events WHERE tenant_id = " + site.id());
        assertThat(entries).isGreaterThan(2);
        // Rows the source wrote in its log (or anyone wrote into the archive) do not become this site's history.
        byte[] forged = archives().editRows(archive, "audit_events.jsonl",
                row -> row.put("action", JsonNode.createStringNode("tenant.approved_by_minister")));
        var imported = importArchive(admin, province(), "xanhapnhatky", forged);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long copy = Long.parseLong(field(imported.body(), "id"));
        assertThat(count("SELECT count(*) FROM audit_events WHERE tenant_id = " + copy)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'tenant.approved_by_minister'")).isZero();
        JsonNode detail = archives().read(text("SELECT detail::text FROM audit_events WHERE tenant_id = " + copy
                + " AND action = 'tenant.imported' AND actor LIKE 'account:%:platform.admin'")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(detail.get("archiveSha256").getStringValue()).isEqualTo(TransferArchives.sha256(forged));
        assertThat(detail.get("sourceHost").getStringValue()).isEqualTo(site.host());
        assertThat(detail.get("auditEntriesNotCopied").getLongValue()).isGreaterThanOrEqualTo(entries - 1);
        assertThat(detail.get("counts").get("articles").getLongValue()).isEqualTo(1);
        assertThat(field(imported.body(), "auditEntriesNotCopied")).isEqualTo(
                String.valueOf(detail.get("auditEntriesNotCopied").getLongValue()));
    }

    @Test
    void passwordHashesLeaveOnlyWhenAskedAndAccountsWithoutOneGetALink() throws Exception {
        Site site = siteWithPicture();
        String admin = admin();
        byte[] plain = export(admin, site.id(), false);
        String people = new String(TransferArchives.unzip(plain).get("accounts.jsonl"), StandardCharsets.UTF_8);
        assertThat(people).contains(site.writer()).doesNotContain("password_hash").doesNotContain("$argon2");
        byte[] withHashes = export(admin, site.id(), true);
        assertThat(new String(TransferArchives.unzip(withHashes).get("accounts.jsonl"), StandardCharsets.UTF_8))
                .contains("\"password_hash\": \"$argon2id$");
        assertThat(text("SELECT string_agg(detail::jsonb ->> 'passwordHashes', ',' ORDER BY id) FROM audit_events "
                + "WHERE tenant_id = " + site.id() + " AND action = 'tenant.exported'")).isEqualTo("false,true");

        // Without hashes, the writer (no e-mail to tell them apart) is nobody known here: a new account
        // that sets its password by a one-time link; the old password opens nothing.
        var imported = importArchive(admin, province(), "xanhapmatkhau", plain);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String host = "xanhapmatkhau." + province();
        assertThat(field(imported.body(), "username")).isEqualTo(site.writer() + "2");
        String link = field(imported.body(), "link");
        assertThat(link).startsWith("http://" + host + "/admin/kich-hoat/");
        assertThat(signIn(host, site.writer() + "2", DEMO_PASSWORD).statusCode()).isNotEqualTo(200);
        var opened = get(host, URI.create(link).getPath());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("value=\"" + site.writer() + "2\"", "type=\"password\"");

        // With hashes, the same person is found and signs in as before.
        var again = importArchive(admin, province(), "xanhapmatkhau2", withHashes);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.body()).doesNotContain("kich-hoat");
        assertThat(signIn("xanhapmatkhau2." + province(), site.writer(), DEMO_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void quotasAreThisPlatformsAndUnknownColumnsAreLeftOutWithANote() throws Exception {
        Site site = siteWithPicture();
        String admin = admin();
        byte[] archive = export(admin, site.id(), false);
        Counts before = counts();
        long filesBefore = files();
        var tooSmall = send(province(), HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(archive)),
                "/api/v1/tenants/import?subdomain=xanhaphanmuc&storageQuotaBytes=1000", "Authorization",
                "Bearer " + admin, "Content-Type", "application/zip", "Accept", "application/json");
        assertRefused(tooSmall, 422, "archive-quota-storage");
        var noSeats = send(province(), HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(archive)),
                "/api/v1/tenants/import?subdomain=xanhaphanmuc&memberQuota=0", "Authorization",
                "Bearer " + admin, "Content-Type", "application/zip", "Accept", "application/json");
        assertRefused(noSeats, 422, "archive-quota-members");
        assertThat(counts()).isEqualTo(before);
        assertThat(files()).as("files written before the refusal are removed again").isEqualTo(filesBefore);

        // A kind this platform does not know, or a province: refused, not a server error.
        for (String kind : List.of("PLATFORM", "PROVINCE")) {
            assertRefused(importArchive(admin, province(), "xanhaphanmuc", archives().editRows(archive,
                    "tenants.jsonl", row -> row.put("kind", JsonNode.createStringNode(kind)))), 422, "archive-kind");
        }
        assertThat(counts()).isEqualTo(before);

        // The archive grants itself a terabyte and adds columns of its own: none of it is taken.
        byte[] greedy = archives().editRows(archives().editRows(archive, "tenants.jsonl", row -> {
            row.put("storage_quota_bytes", JsonNode.createNumberNode(1L << 40));
            row.put("member_quota", JsonNode.createNumberNode(100_000));
            row.put("platform_owner", JsonNode.createBooleanNode(true));
        }), "articles.jsonl", row -> row.put("view_count_boost", JsonNode.createNumberNode(999)));
        var imported = importArchive(admin, province(), "xanhaphanmuc", greedy);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).contains("\"ignoredColumns\":[\"articles.view_count_boost\","
                + "\"tenants.member_quota\",\"tenants.platform_owner\",\"tenants.storage_quota_bytes\"]");
        long copy = Long.parseLong(field(imported.body(), "id"));
        assertThat(count("SELECT count(*) FROM tenants WHERE id = " + copy
                + " AND storage_quota_bytes IS NULL AND member_quota IS NULL")).isEqualTo(1);
    }

    @Test
    void aSiteAdminOfAnotherProvinceCannotExportFromOrImportIntoThisOne() throws Exception {
        Site site = siteWithPicture();
        String admin = admin();
        byte[] archive = export(admin, site.id(), false);
        String other = Fixtures.flatProvince(provisioning, "nhapkhac");
        String otherLabel = other.replace(".test", "");
        Tenant otherProvince = directory.snapshot().provinces().stream()
                .filter(p -> p.subdomain().equals(otherLabel)).findFirst().orElseThrow();
        long theirAdmin = accounts.create(otherLabel + ".quantri", "Quản trị tỉnh khác", null, DEMO_PASSWORD, null);
        accounts.grant(otherProvince.id(), theirAdmin, Role.SITE_ADMIN, "test");
        String theirs = token(other, otherLabel + ".quantri");
        Counts before = counts();

        assertThat(exportResponse(theirs, other, site.id(), true).statusCode()).as("from their own host").isEqualTo(404);
        assertThat(exportResponse(theirs, province(), site.id(), true).statusCode()).as("on this province's host")
                .isEqualTo(401);
        assertThat(importArchive(theirs, province(), "xanhaplan", archive).statusCode()).isEqualTo(401);
        assertThat(counts()).isEqualTo(before);
        // Their own province they may run: the import lands there, never here.
        var own = importArchive(theirs, other, "xanhaplan", archive);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(field(own.body(), "host")).isEqualTo("xanhaplan." + other);
        assertThat(get("xanhaplan." + province(), "/").statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------------------------------

    private TransferArchives archives() {
        return new TransferArchives(json);
    }

    private byte[] export(String token, long id, boolean passwordHashes) {
        var r = exportResponse(token, province(), id, passwordHashes);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<byte[]> exportResponse(String token, String host, long id, boolean passwordHashes) {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/tenants/" + id
                        + "/export" + (passwordHashes ? "?passwordHashes=true" : "")))
                .header("Host", host).header("Authorization", "Bearer " + token).GET();
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> importArchive(String token, String host, String subdomain, byte[] zip) {
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(zip)),
                "/api/v1/tenants/import?subdomain=" + subdomain, "Authorization", "Bearer " + token,
                "Content-Type", "application/zip", "Accept", "application/json");
    }

    private HttpResponse<String> upload(String host, String token, String filename, byte[] bytes, String alt) {
        String boundary = "----portal" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())),
                "/api/v1/media", "Authorization", "Bearer " + token,
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(400, 240, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(20, 110, 60));
        g.fillRect(0, 0, 400, 240);
        g.setColor(Color.WHITE);
        g.drawString("Cổng xã " + UUID.randomUUID(), 10, 120);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** What a refused import must leave as it was. */
    private record Counts(long tenants, long accounts, long media, long audit) {
    }

    private Counts counts() {
        return new Counts(count("SELECT count(*) FROM tenants"), count("SELECT count(*) FROM accounts"),
                count("SELECT count(*) FROM media"), count("SELECT count(*) FROM audit_events"));
    }

    private static long files() throws IOException {
        try (var all = Files.walk(mediaDir())) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    private static long spooledArchives() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("portal-site-")).count();
        }
    }

    private static Path mediaDir() {
        return Path.of(TestDatabase.get().properties().get("portal.data-dir")).resolve("media");
    }

    private long count(String sql) {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) {
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void assertRefused(HttpResponse<String> r, int status, String rule) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(field(r.body(), "rule")).isEqualTo(rule);
        assertThat(field(r.body(), "detail")).isNotBlank();
    }

}
