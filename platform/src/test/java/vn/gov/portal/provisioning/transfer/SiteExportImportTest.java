package vn.gov.portal.provisioning.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.ProofOfWorkSolver;
import vn.gov.portal.testing.SharedApplication;
import vn.gov.portal.testing.TestDatabase;

/**
 * A site exported, deleted and imported back is the site it was (TB Đ10.3): same articles,
 * revisions, media, members, and more; a copy under another label is the same too. Only the
 * province's admins transfer sites, only their own, never into a site that exists, and a damaged
 * archive creates nothing. Against the embedded PostgreSQL and the running server.
 */
@SharedApplication
class SiteExportImportTest extends PortalTest {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    Accounts accounts;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    JsonMapper json;
    @Inject
    vn.gov.portal.pages.MandatoryPageGaps pageGaps;
    @Inject
    vn.gov.portal.tenancy.TenantDirectory directory;

    private String admin() {
        return token(PROVINCE, "platform.admin");
    }

    @Test
    void theDemoDepartmentCopiedUnderANewLabelHasTheSameContentMediaAndMembers() throws Exception {
        String writer = token(DEPARTMENT, "sotaichinh.bientap");
        assertThat(upload(DEPARTMENT, writer, "so-tai-chinh.png", png(900, 600, new Color(20, 90, 160)),
                "Trụ sở Sở Tài chính").statusCode()).isEqualTo(201);
        // A change to a public page waiting for approval: its revisions travel with the site (V28).
        assertThat(api(DEPARTMENT, writer, "PUT", "/api/v1/pages/lanh-dao",
                "{\"bodyHtml\":\"<p>Lãnh đạo Sở (bản sửa chờ duyệt)</p>\"}").statusCode()).isEqualTo(200);
        long source = tenantId("sotaichinh");
        List<String> before = SiteFingerprint.of(source);
        assertThat(before).anyMatch(l -> l.startsWith("page_revision | vi/lanh-dao | ")
                && l.contains("bản sửa chờ duyệt"));

        var export = export(admin(), source);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment", "sotaichinh-");
        Map<String, byte[]> entries = unzip(export.body());
        JsonNode manifest = json.readValue(entries.get("manifest.json"), JsonNode.class);
        assertThat(manifest.get("format").getStringValue()).isEqualTo("portal-site-export");
        assertThat(manifest.get("formatVersion").getIntValue()).isEqualTo(1);
        assertThat(manifest.get("schemaVersion").getStringValue()).isNotBlank();
        assertThat(manifest.get("sourceHost").getStringValue()).isEqualTo("sotaichinh.thainguyen.localhost");
        assertThat(manifest.get("tenant").get("kind").getStringValue()).isEqualTo("DEPARTMENT");
        assertThat(manifest.get("tenant").get("name").getStringValue()).isEqualTo("Sở Tài chính");
        assertThat(manifest.get("counts").get("articles").getLongValue()).isPositive();
        assertThat(manifest.get("counts").get("files").getLongValue()).isGreaterThanOrEqualTo(4);
        for (JsonNode e : manifest.get("entries").values()) {
            byte[] bytes = entries.get(e.get("name").getStringValue());
            assertThat(bytes).as(e.get("name").getStringValue()).isNotNull();
            assertThat(sha256(bytes)).isEqualTo(e.get("sha256").getStringValue());
        }
        assertThat(entries.keySet()).contains("tenants.jsonl", "articles.jsonl", "article_revisions.jsonl",
                "media.jsonl", "memberships.jsonl", "accounts.jsonl", "audit_events.jsonl");
        assertThat(new String(entries.get("accounts.jsonl"), StandardCharsets.UTF_8))
                .contains("sotaichinh.truongban", "$argon2id$").doesNotContain("platform_role");

        var imported = importArchive(admin(), "sotaichinh2", export.body());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(field(imported.body(), "host")).isEqualTo("sotaichinh2.thainguyen.localhost");
        long copy = Long.parseLong(field(imported.body(), "id"));
        assertThat(copy).isNotEqualTo(source);
        assertThat(SiteFingerprint.of(copy)).containsExactlyElementsOf(before);
        // Everyone was found here already: nobody renamed.
        assertThat(imported.body()).doesNotContain("\"from\":");

        String host = "sotaichinh2.thainguyen.localhost";
        assertThat(get(host, "/").statusCode()).isEqualTo(200);
        assertThat(get(host, "/").body()).contains("Sở Tài chính");
        String slug = firstPublishedSlug(copy);
        assertThat(get(host, "/tin-tuc/" + slug).statusCode()).isEqualTo(200);
        // Its mandatory pages came written, still known as mandatory: nothing is missing before it goes live.
        assertThat(get(host, "/gioi-thieu/co-cau-to-chuc").body()).contains("Cơ cấu tổ chức của Sở Tài chính");
        assertThat(pageGaps.unwritten(directory.snapshot().byId(copy))).isEmpty();
        assertThat(signIn(host, "sotaichinh.bientap", DEMO_PASSWORD).statusCode()).isEqualTo(200);

        // Leave the demo province as it was: the copy goes, the people it shared with sotaichinh stay.
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + copy, "{\"status\":\"ARCHIVED\"}")
                .statusCode()).isEqualTo(200);
        assertThat(api(PROVINCE, admin(), "DELETE", "/api/v1/tenants/" + copy + "?confirm=sotaichinh2", null)
                .statusCode()).isEqualTo(200);
        assertThat(get(host, "/").statusCode()).isEqualTo(404);
        assertThat(SiteFingerprint.of(source)).as("the original untouched but for its export entry")
                .containsAll(before);
        assertThat(signIn(DEPARTMENT, "sotaichinh.bientap", DEMO_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aUsernameSomeoneElseHasHereGetsANumberAndSignsInWithItsOwnPassword() throws Exception {
        long site = createSite("xatrungten", "Xã Trùng Tên", "COMMUNE");
        String host = "xatrungten.thainguyen.localhost";
        long writer = accounts.create("xatrungten.bientap", "Biên tập xã", "bientap@xatrungten.vn", DEMO_PASSWORD,
                null);
        accounts.grant(site, writer, Role.CONTRIBUTOR, "test");
        article(host, token(host, "xatrungten.bientap"), "{\"title\":\"Tin của xã\",\"bodyHtml\":\"<p>Tin</p>\"}");
        byte[] archive = export(admin(), site).body();
        // Here, that username now belongs to someone else: another e-mail, another password hash.
        try (var c = db().owner(); var st = c.createStatement()) {
            st.execute("UPDATE accounts SET email = 'nguoikhac@example.vn', password_hash = (SELECT password_hash "
                    + "FROM accounts WHERE username = 'platform.admin') WHERE username = 'xatrungten.bientap'");
        }
        var imported = importArchive(admin(), "xatrungten2", archive);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).contains("{\"from\":\"xatrungten.bientap\",\"to\":\"xatrungten.bientap2\"}");
        long copy = Long.parseLong(field(imported.body(), "id"));
        assertThat(signIn("xatrungten2.thainguyen.localhost", "xatrungten.bientap2", DEMO_PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(count("SELECT count(*) FROM articles a JOIN accounts u ON u.id = a.author_id WHERE a.tenant_id = "
                + copy + " AND u.username = 'xatrungten.bientap2'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM accounts WHERE username = 'xatrungten.bientap2' "
                + "AND platform_role IS NULL")).isEqualTo(1);
    }

    @Test
    void anExportedSiteDeletedAndImportedBackHasTheSameArticlesRevisionsMediaAndMembers() throws Exception {
        long site = createSite("taichinhthu", "Sở Tài chính thử", "DEPARTMENT");
        String host = "taichinhthu.thainguyen.localhost";
        long writerId = accounts.create("taichinhthu.bientap", "Biên tập viên thử", "bientap@taichinhthu.vn",
                DEMO_PASSWORD, null);
        long headId = accounts.create("taichinhthu.truongban", "Trưởng ban thử", null, DEMO_PASSWORD, null);
        accounts.grant(site, writerId, Role.CONTRIBUTOR, "test");
        accounts.grant(site, headId, Role.HEAD, "test");
        String writer = token(host, "taichinhthu.bientap");
        String head = token(host, "taichinhthu.truongban");

        byte[] picture = png(1000, 700, new Color(183, 28, 28));
        var image = upload(host, writer, "hoi-nghi.png", picture, "Hội nghị tổng kết");
        assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
        long imageId = id(image.body());
        var pdf = upload(host, writer, "Quyết định 12.pdf", pdf(), null);
        assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(201);
        var category = api(host, head, "POST", "/api/v1/categories", "{\"name\":\"Tin ngân sách\"}");
        assertThat(category.statusCode()).as(category.body()).isEqualTo(201);
        long categoryId = id(category.body());

        String body = "<p>Hội nghị tổng kết năm.</p><p><img src=\\\"/media/" + imageId + "/card\\\" alt=\\\"Hội nghị\\\">"
                + "</p><p><a href=\\\"/media/" + id(pdf.body()) + "/original\\\">Quyết định</a></p>";
        long published = article(host, writer, "{\"title\":\"Hội nghị tổng kết ngân sách\",\"summary\":\"Tóm tắt\","
                + "\"bodyHtml\":\"" + body + "\",\"categoryId\":" + categoryId + ",\"tags\":[\"ngân sách\"],"
                + "\"featuredImage\":\"/media/" + imageId + "/card\",\"featuredAlt\":\"Hội nghị\"}");
        assertThat(api(host, writer, "PUT", "/api/v1/articles/" + published,
                "{\"summary\":\"Tóm tắt đã sửa\"}").statusCode()).isEqualTo(200);
        assertThat(api(host, writer, "POST", "/api/v1/articles/" + published + "/submit", null).statusCode())
                .isEqualTo(200);
        assertThat(api(host, head, "POST", "/api/v1/articles/" + published + "/approve", "{}").statusCode())
                .isEqualTo(200);
        long english = article(host, writer, "{\"title\":\"Budget review meeting\",\"language\":\"en\","
                + "\"originalId\":" + published + ",\"bodyHtml\":\"<p>The year in review.</p>\"}");
        assertThat(api(host, writer, "POST", "/api/v1/articles/" + english + "/submit", null).statusCode())
                .isEqualTo(200);
        assertThat(api(host, head, "POST", "/api/v1/articles/" + english + "/approve", "{}").statusCode())
                .isEqualTo(200);
        article(host, writer, "{\"title\":\"Bản nháp chưa gửi\",\"bodyHtml\":\"<p>Nháp</p>\"}");
        var proposal = api(host, head, "POST", "/api/v1/articles/" + published + "/propose", null);
        assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(201);
        var accepted = api(PROVINCE, token(PROVINCE, "thainguyen.truongban"), "POST",
                "/api/v1/proposals/" + id(proposal.body()) + "/accept", null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                        "trang=/&giao-dien=5&noi-dung=4&chat-luong=5&ho-tro=3" + ProofOfWorkSolver.solve(
                                get(host, "/api/v1/pow/challenge?form=rating").body()).formFields())), "/danh-gia",
                "Content-Type", "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
        // A change returned with a reason and a change waiting for review (V27) travel with the article.
        assertThat(api(host, writer, "PUT", "/api/v1/articles/" + published, "{\"summary\":\"Tóm tắt bị trả lại\"}")
                .statusCode()).isEqualTo(200);
        assertThat(api(host, head, "POST", "/api/v1/articles/" + published + "/reject",
                "{\"reason\":\"Chưa đúng số liệu\",\"expectedRevision\":3}").statusCode()).isEqualTo(200);
        assertThat(api(host, writer, "PUT", "/api/v1/articles/" + published, "{\"summary\":\"Tóm tắt chờ duyệt\"}")
                .statusCode()).isEqualTo(200);
        byte[] cardBefore = bytes(host, "/media/" + imageId + "/card").body();

        // The way README tells it: take the site out of service, export, delete, import.
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + site, "{\"status\":\"ARCHIVED\"}")
                .statusCode()).isEqualTo(200);
        List<String> before = SiteFingerprint.of(site);
        assertThat(before).anyMatch(l -> l.startsWith("revision | vi/hoi-nghi-tong-ket-ngan-sach | 2 |"))
                .anyMatch(l -> l.startsWith("revision | vi/hoi-nghi-tong-ket-ngan-sach | 3 |")
                        && l.contains("| taichinhthu.truongban |") && l.endsWith("| Chưa đúng số liệu"))
                .anyMatch(l -> l.startsWith("article | vi/hoi-nghi-tong-ket-ngan-sach |") && l.contains("| 4 | taichinhthu.bientap |"))
                .anyMatch(l -> l.startsWith("member | taichinhthu.truongban | HEAD"))
                .anyMatch(l -> l.startsWith("proposal | vi/hoi-nghi-tong-ket-ngan-sach | t |"))
                .anyMatch(l -> l.startsWith("rating | / | 5 | 4 | 5 | 3"));
        var export = export(admin(), site);
        assertThat(export.statusCode()).isEqualTo(200);

        assertRefused(api(PROVINCE, admin(), "DELETE", "/api/v1/tenants/" + site, null), 422, "confirm");
        var deleted = api(PROVINCE, admin(), "DELETE", "/api/v1/tenants/" + site + "?confirm=taichinhthu", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"article_revisions\":");
        assertThat(get(host, "/").statusCode()).isEqualTo(404);
        assertThat(rowsOf(site)).as("rows left of the deleted site").isZero();
        assertThat(filesUnder(mediaDir().resolve("t/" + site))).as("its files").isZero();
        assertThat(provinceAudit("tenant.deleted", site)).isTrue();

        var imported = importArchive(admin(), "taichinhthu", export.body());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long back = Long.parseLong(field(imported.body(), "id"));
        assertThat(back).isNotEqualTo(site);
        assertThat(field(imported.body(), "host")).isEqualTo(host);
        assertThat(SiteFingerprint.of(back)).containsExactlyElementsOf(before);

        // It serves as it did (archived: read-only, still visible), its links name its new media ids.
        assertThat(get(host, "/").statusCode()).isEqualTo(200);
        var page = get(host, "/tin-tuc/hoi-nghi-tong-ket-ngan-sach");
        assertThat(page.statusCode()).isEqualTo(200);
        var link = Pattern.compile("/media/(\\d+)/card").matcher(page.body());
        assertThat(link.find()).isTrue();
        assertThat(Long.parseLong(link.group(1))).isNotEqualTo(imageId);
        assertThat(bytes(host, "/media/" + link.group(1) + "/card").body()).isEqualTo(cardBefore);
        assertThat(get(host, "/en/tin-tuc/budget-review-meeting").statusCode()).isEqualTo(200);
        // People sign in as before, with their own passwords.
        assertThat(signIn(host, "taichinhthu.bientap", DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + back, "{\"status\":\"ACTIVE\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheProvincesAdminsTransferItsSitesAndNeverIntoAnExistingOne() throws Exception {
        long sotaichinh = tenantId("sotaichinh");
        String departmentHead = token(DEPARTMENT, "sotaichinh.truongban");
        assertThat(export(departmentHead, sotaichinh, DEPARTMENT).statusCode()).isEqualTo(403);
        assertThat(api(DEPARTMENT, departmentHead, "DELETE", "/api/v1/tenants/" + sotaichinh + "?confirm=sotaichinh",
                null).statusCode()).isEqualTo(403);
        assertThat(importArchive(departmentHead, DEPARTMENT, "sotaichinh3", new byte[] {1}).statusCode())
                .isEqualTo(403);
        // The department's token is not good on the province's host either.
        assertThat(export(departmentHead, sotaichinh, PROVINCE).statusCode()).isEqualTo(401);
        assertThat(export(token(PROVINCE, "thainguyen.bientap"), sotaichinh).statusCode()).isEqualTo(403);

        String other = Fixtures.flatProvince(provisioning, "xuatnhap");
        long otherSite = tenantIdUnder("so", other.substring(0, other.indexOf('.')));
        assertThat(export(admin(), otherSite).statusCode()).as("another province's site").isEqualTo(404);
        assertThat(api(PROVINCE, admin(), "DELETE", "/api/v1/tenants/" + otherSite + "?confirm=so", null)
                .statusCode()).isEqualTo(404);
        long province = tenantIdUnder("thainguyen", null);
        assertThat(export(admin(), province).statusCode()).as("the province itself").isEqualTo(404);
        assertThat(api(PROVINCE, admin(), "DELETE", "/api/v1/tenants/" + province + "?confirm=thainguyen", null)
                .statusCode()).isEqualTo(404);
        assertRefused(api(PROVINCE, admin(), "DELETE", "/api/v1/tenants/" + sotaichinh + "?confirm=sotaichinh",
                null), 409, "in-service");

        // The province head may export, but no import writes into a site that exists.
        var archive = export(token(PROVINCE, "thainguyen.truongban"), tenantId("phandinhphung"));
        assertThat(archive.statusCode()).isEqualTo(200);
        long tenants = count("SELECT count(*) FROM tenants");
        long articles = count("SELECT count(*) FROM articles");
        assertRefused(importArchive(admin(), "sotaichinh", archive.body()), 409, "subdomain-taken");
        assertRefused(importArchive(admin(), "phandinhphung", archive.body()), 409, "subdomain-taken");
        assertRefused(importArchive(admin(), "admin", archive.body()), 422, "subdomain-reserved");
        assertRefused(importArchive(admin(), "Phường Mới", archive.body()), 422, "subdomain-shape");
        assertThat(count("SELECT count(*) FROM tenants")).isEqualTo(tenants);
        assertThat(count("SELECT count(*) FROM articles")).isEqualTo(articles);
    }

    @Test
    void aDamagedArchiveIsRefusedNamingTheProblemAndCreatesNothing() throws Exception {
        long site = createSite("xahong", "Xã Hỏng", "COMMUNE");
        long head = accounts.create("xahong.truongban", "Trưởng ban xã", null, DEMO_PASSWORD, null);
        accounts.grant(site, head, Role.HEAD, "test");
        byte[] picture = png(300, 200, new Color(10, 120, 40));
        assertThat(upload("xahong.thainguyen.localhost", token("xahong.thainguyen.localhost", "xahong.truongban"),
                "cong-xa.png", picture, "Cổng xã").statusCode()).isEqualTo(201);
        byte[] archive = export(admin(), site).body();
        assertThat(importArchive(admin(), "xahongthu", archive).statusCode()).as("the archive as it is")
                .isEqualTo(201);
        long tenants = count("SELECT count(*) FROM tenants");
        long accountRows = count("SELECT count(*) FROM accounts");

        // One byte of the picture, stored as it is in the ZIP.
        byte[] flipped = archive.clone();
        int at = indexOf(flipped, java.util.Arrays.copyOfRange(picture, 100, 140)) + 20;
        assertThat(at).isGreaterThan(20);
        flipped[at] ^= 0x01;
        assertRefused(importArchive(admin(), "xahong2", flipped), 422, "archive-checksum");
        // One byte of a table's rows, the manifest left as it was.
        assertRefused(importArchive(admin(), "xahong2", rewritten(archive, "audit_events.jsonl", b -> {
            byte[] c = b.clone();
            c[c.length / 2] ^= 0x01;
            return c;
        })), 422, "archive-checksum");
        assertRefused(importArchive(admin(), "xahong2", rewritten(archive, "extra.txt", b -> new byte[] {1})), 422,
                "archive-entry-name");
        assertRefused(importArchive(admin(), "xahong2", rewritten(archive, "media/t/1/2026/01/added.png",
                b -> picture)), 422, "archive-unlisted-entry");
        assertRefused(importArchive(admin(), "xahong2", rewritten(archive, "manifest.json", b -> new String(b,
                StandardCharsets.UTF_8).replace("\"formatVersion\":1", "\"formatVersion\":9")
                .getBytes(StandardCharsets.UTF_8))), 422, "archive-format");
        assertRefused(importArchive(admin(), "xahong2", "not a zip at all".getBytes(StandardCharsets.UTF_8)), 422,
                "archive-not-zip");
        var english = send(PROVINCE, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(flipped)),
                "/api/v1/tenants/import?subdomain=xahong2", "Authorization", "Bearer " + admin(),
                "Content-Type", "application/zip", "Accept-Language", "en");
        assertThat(field(english.body(), "detail")).contains("SHA-256");

        assertThat(count("SELECT count(*) FROM tenants")).isEqualTo(tenants);
        assertThat(count("SELECT count(*) FROM accounts")).isEqualTo(accountRows);
        assertThat(get("xahong2.thainguyen.localhost", "/").statusCode()).isEqualTo(404);
    }

    @Test
    void aSiteMadeFromARequestExportsAndDeletesWithTheRequestThatMadeIt() {
        var filed = send(PROVINCE, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                        "{\"unitName\":\"Xã Yêu Cầu\",\"kind\":\"COMMUNE\",\"subdomain\":\"xayeucau\","
                                + "\"headName\":\"Lê Văn Cầu\",\"headEmail\":\"cau@xayeucau.vn\",\"reason\":\"Mở trang\"}")),
                "/api/v1/site-requests", pow().headers("Content-Type", "application/json", "X-Forwarded-For", "10.9.7.1"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        var approved = api(PROVINCE, admin(), "POST", "/api/v1/site-requests/" + id(filed.body()) + "/approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        long site = tenantId("xayeucau");
        // The request is the province's record: not in the site's archive.
        assertThat(export(admin(), site).statusCode()).isEqualTo(200);
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + site, "{\"status\":\"ARCHIVED\"}")
                .statusCode()).isEqualTo(200);
        var deleted = api(PROVINCE, admin(), "DELETE", "/api/v1/tenants/" + site + "?confirm=xayeucau", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"site_requests\":1");
        assertThat(count("SELECT count(*) FROM site_requests WHERE subdomain = 'xayeucau'")).isZero();
    }

    @Test
    void invitedHeadsSharingAnUnusablePasswordAreNotTakenForOneAnother() {
        // Heads invited by the same process share one unusable password hash (SignInLinks).
        long site = createSite("xamoi", "Xã Mới", "COMMUNE", "Trưởng ban Xã Mới");
        createSite("xamoikhac", "Xã Mới Khác", "COMMUNE", "Trưởng ban khác");
        byte[] archive = export(admin(), site).body();
        // The archive's head is not here under that name (as on another platform).
        try (var c = db().owner(); var st = c.createStatement()) {
            st.execute("UPDATE accounts SET username = 'xamoi.truongban.cu' WHERE username = 'xamoi.truongban'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        var imported = importArchive(admin(), "xamoiba", archive);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long copy = Long.parseLong(field(imported.body(), "id"));
        assertThat(count("SELECT count(*) FROM memberships m JOIN accounts a ON a.id = m.account_id "
                + "WHERE m.tenant_id = " + copy + " AND m.role = 'HEAD' AND a.username = 'xamoi.truongban' "
                + "AND a.full_name = 'Trưởng ban Xã Mới'")).as("a new account, not another invited head").isEqualTo(1);
    }

    @Test
    void anArchiveEditedAndReHashedStillBringsNoScriptIntoABody() throws Exception {
        long site = createSite("xakichban", "Xã Kịch Bản", "COMMUNE");
        String host = "xakichban.thainguyen.localhost";
        long writer = accounts.create("xakichban.bientap", "Biên tập xã", null, DEMO_PASSWORD, null);
        accounts.grant(site, writer, Role.CONTRIBUTOR, "test");
        article(host, token(host, "xakichban.bientap"), "{\"title\":\"Tin có ảnh\",\"bodyHtml\":\"<p>Nội dung</p>\"}");
        byte[] archive = export(admin(), site).body();
        // Whoever edits the rows can recompute the manifest's hashes too: the import sanitises again.
        java.util.function.UnaryOperator<byte[]> inject = b -> new String(b, StandardCharsets.UTF_8)
                .replace("<p>Nội dung</p>", "<p onclick=\\\"alert(1)\\\">Nội dung</p><script>alert(2)</script>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] edited = reHashed(reHashed(archive, "articles.jsonl", inject), "article_revisions.jsonl", inject);
        assertThat(new String(unzip(edited).get("articles.jsonl"), StandardCharsets.UTF_8)).contains("<script>");
        var imported = importArchive(admin(), "xakichban2", edited);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long copy = Long.parseLong(field(imported.body(), "id"));
        assertThat(count("SELECT count(*) FROM articles WHERE tenant_id = " + copy
                + " AND body_html = '<p>Nội dung</p>'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM article_revisions WHERE tenant_id = " + copy
                + " AND (body_html LIKE '%script%' OR body_html LIKE '%onclick%')")).isZero();
    }

    @Test
    void aSiteOfThreeHundredArticlesExportsAndImportsInSeconds() throws Exception {
        long site = createSite("xanhieubai", "Xã Nhiều Bài", "COMMUNE");
        long author = accounts.create("xanhieubai.bientap", "Biên tập xã", null, DEMO_PASSWORD, null);
        accounts.grant(site, author, Role.CONTRIBUTOR, "test");
        try (var c = db().owner(); var st = c.createStatement()) {
            // Drafts: the same rows for the transfer, and nothing the province's search would list.
            st.execute("""
                    INSERT INTO articles (tenant_id, status, title, slug, summary, body_html, author_id, revision)
                    SELECT %d, 'DRAFT', 'Tin số ' || g, 'tin-so-' || g, 'Tóm tắt tin số ' || g,
                           repeat('<p>Nội dung tin tức hành chính về thuế và ngân sách của xã số ' || g || '. </p>', 40),
                           %d, 2
                    FROM generate_series(1, 300) g""".formatted(site, author));
            st.execute("""
                    INSERT INTO article_revisions (tenant_id, article_id, revision, saved_by, title, summary, body_html)
                    SELECT a.tenant_id, a.id, r, a.author_id, a.title, a.summary, a.body_html
                    FROM articles a, generate_series(1, 2) r WHERE a.tenant_id = %d""".formatted(site));
        }
        List<String> before = SiteFingerprint.of(site);
        long started = System.nanoTime();
        var export = export(admin(), site);
        long exportMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(export.statusCode()).isEqualTo(200);
        started = System.nanoTime();
        var imported = importArchive(admin(), "xanhieubai2", export.body());
        long importMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(field(imported.body(), "articles")).isEqualTo("300");
        long copy = Long.parseLong(field(imported.body(), "id"));
        assertThat(SiteFingerprint.of(copy)).containsExactlyElementsOf(before);
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + copy, "{\"status\":\"SUSPENDED\"}")
                .statusCode()).isEqualTo(200);
        started = System.nanoTime();
        var deleted = api(PROVINCE, admin(), "DELETE", "/api/v1/tenants/" + copy + "?confirm=xanhieubai2", null);
        long deleteMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(rowsOf(copy)).isZero();
        System.out.printf("Site of 300 articles, 600 revisions: archive %d KB, export %d ms, import %d ms, "
                + "delete %d ms%n", export.body().length / 1024, exportMs, importMs, deleteMs);
        assertThat(exportMs + importMs).as("ms for both, on a busy 2-core machine").isLessThan(60_000);
    }

    // ---------------------------------------------------------------------------------------

    private long createSite(String label, String name, String kind) {
        return createSite(label, name, kind, null);
    }

    /** A site of the demo province; with {@code headName}, its head is invited (one-time link). */
    private long createSite(String label, String name, String kind, String headName) {
        var r = api(PROVINCE, admin(), "POST", "/api/v1/tenants",
                "{\"subdomain\":\"" + label + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\""
                        + (headName == null ? "" : ",\"headName\":\"" + headName + "\"") + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Long.parseLong(field(r.body(), "id"));
    }

    private long article(String host, String token, String json) {
        var r = api(host, token, "POST", "/api/v1/articles", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id(r.body());
    }

    private static long id(String body) {
        var m = ID.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    private HttpResponse<byte[]> export(String token, long id) {
        return export(token, id, PROVINCE);
    }

    /** With password hashes: these round trips bring people back able to sign in as before. */
    private HttpResponse<byte[]> export(String token, long id, String host) {
        return binary(HttpRequest.newBuilder().GET(), host, "/api/v1/tenants/" + id + "/export?passwordHashes=true",
                "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> importArchive(String token, String subdomain, byte[] zip) {
        return importArchive(token, PROVINCE, subdomain, zip);
    }

    private HttpResponse<String> importArchive(String token, String host, String subdomain, byte[] zip) {
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(zip)),
                "/api/v1/tenants/import?subdomain=" + java.net.URLEncoder.encode(subdomain, StandardCharsets.UTF_8),
                "Authorization", "Bearer " + token, "Content-Type", "application/zip", "Accept", "application/json");
    }

    private HttpResponse<byte[]> bytes(String host, String path) {
        return binary(HttpRequest.newBuilder().GET(), host, path);
    }

    private HttpResponse<byte[]> binary(HttpRequest.Builder b, String host, String path, String... headers) {
        b.uri(URI.create("http://127.0.0.1:" + server.getPort() + path)).header("Host", host);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> upload(String host, String token, String filename, byte[] bytes, String alt) {
        String boundary = "----portal" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (alt != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())),
                "/api/v1/media", "Authorization", "Bearer " + token,
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    private static byte[] png(int width, int height, Color color) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString("Cổng thông tin " + UUID.randomUUID(), 10, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
                + "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n% " + UUID.randomUUID() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The archive with one entry's bytes changed (or added), everything else, manifest included, as it was. */
    private static byte[] rewritten(byte[] zip, String name, java.util.function.UnaryOperator<byte[]> change)
            throws IOException {
        Map<String, byte[]> entries = unzip(zip);
        entries.put(name, change.apply(entries.getOrDefault(name, new byte[0])));
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The archive with one entry changed and the manifest's size and SHA-256 for it recomputed. */
    private byte[] reHashed(byte[] zip, String name, java.util.function.UnaryOperator<byte[]> change)
            throws Exception {
        byte[] changed = change.apply(unzip(zip).get(name));
        JsonNode manifest = json.readValue(unzip(zip).get("manifest.json"), JsonNode.class);
        Map<String, JsonNode> top = new LinkedHashMap<>();
        manifest.entries().forEach(e -> top.put(e.getKey(), e.getValue()));
        List<JsonNode> entries = new java.util.ArrayList<>();
        for (JsonNode e : manifest.get("entries").values()) {
            entries.add(!e.get("name").getStringValue().equals(name) ? e : JsonNode.createObjectNode(Map.of(
                    "name", JsonNode.createStringNode(name),
                    "size", JsonNode.createNumberNode((long) changed.length),
                    "sha256", JsonNode.createStringNode(sha256(changed)))));
        }
        top.put("entries", JsonNode.createArrayNode(entries));
        byte[] newManifest = json.writeValueAsBytes(JsonNode.createObjectNode(top));
        return rewritten(rewritten(zip, name, b -> changed), "manifest.json", b -> newManifest);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long tenantId(String label) {
        return tenantIdUnder(label, "thainguyen");
    }

    /** A site's id by its label under the province labelled {@code province} (null: the province itself). */
    private long tenantIdUnder(String label, String province) {
        String sql = province == null ? "SELECT id FROM tenants WHERE parent_id IS NULL AND subdomain = '" + label + "'"
                : "SELECT t.id FROM tenants t JOIN tenants p ON p.id = t.parent_id WHERE p.parent_id IS NULL "
                + "AND p.subdomain = '" + province + "' AND t.subdomain = '" + label + "'";
        return count(sql);
    }

    private String firstPublishedSlug(long tenant) throws Exception {
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(
                "SELECT slug FROM articles WHERE tenant_id = " + tenant + " AND status = 'PUBLISHED' "
                        + "AND language = 'vi' ORDER BY published_at DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private long count(String sql) {
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows with this tenant_id in every table that has the column, and the tenant row itself. */
    private long rowsOf(long tenant) throws Exception {
        long total = count("SELECT count(*) FROM tenants WHERE id = " + tenant);
        try (var c = db().owner(); var rs = c.createStatement().executeQuery("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'""")) {
            while (rs.next()) {
                total += count("SELECT count(*) FROM " + rs.getString(1) + " WHERE tenant_id = " + tenant);
            }
        }
        return total + count("SELECT count(*) FROM proposals WHERE parent_id = " + tenant);
    }

    private boolean provinceAudit(String action, long subject) {
        return count("SELECT count(*) FROM audit_events a JOIN tenants p ON p.id = a.tenant_id "
                + "WHERE p.subdomain = 'thainguyen' AND p.parent_id IS NULL AND a.action = '" + action
                + "' AND a.subject = 'tenant:" + subject + "'") == 1;
    }

    private static Path mediaDir() {
        return Path.of(TestDatabase.get().properties().get("portal.data-dir")).resolve("media");
    }

    private static long filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void assertRefused(HttpResponse<String> r, int status, String rule) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(field(r.body(), "rule")).isEqualTo(rule);
        assertThat(field(r.body(), "detail")).isNotBlank();
    }

    /** A solved proof of work of the province's request form, as its page's script would send it. */
    private ProofOfWorkSolver.Solution pow() {
        return ProofOfWorkSolver.solve(get(PROVINCE, "/api/v1/pow/challenge?form=site-request").body());
    }
}
