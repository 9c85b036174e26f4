package vn.gov.portal.oversight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The audit log as its readers see it: the province's board reads (and downloads) the whole
 * province's, a department's head only its own site's, a writer none; refused actions and
 * downloads are entries themselves; a deleted site's entries stay readable by its province; and
 * another province's board reads none of it.
 */
@SharedApplication
class TheProvinceReadsItsAuditLogTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String domain;
    private String so;
    private String provinceHead;
    private String soHead;
    private String soWriter;
    private String otherDomain;
    private String otherHead;

    @BeforeAll
    void twoProvincesWithBoards() {
        domain = Fixtures.flatProvince(provisioning, "nhatky");
        so = "so." + domain;
        String label = domain.substring(0, domain.indexOf('.'));
        Tenant province = province(domain);
        long soId = directory.snapshot().child(province.id(), "so").id();
        provinceHead = seat(province.id(), label + ".truongban", Role.HEAD);
        soHead = seat(soId, label + ".so.truongban", Role.HEAD);
        soWriter = seat(soId, label + ".so.bientap", Role.CONTRIBUTOR);

        otherDomain = Fixtures.flatProvince(provisioning, "nhatkykhac");
        otherHead = seat(province(otherDomain).id(), otherDomain.substring(0, otherDomain.indexOf('.')) + ".truongban",
                Role.HEAD);
    }

    private Tenant province(String base) {
        return directory.snapshot().provinces().stream().filter(p -> (p.subdomain() + ".test").equals(base))
                .findFirst().orElseThrow();
    }

    private String seat(long site, String username, Role role) {
        accounts.grant(site, accounts.create(username, "Người " + username, null, DEMO_PASSWORD, null), role, "test");
        return username;
    }

    private HttpResponse<String> audit(String host, String username, String query) {
        return api(host, token(host, username), "GET", "/api/v1/audit" + query, null);
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }

    @Test
    void theProvinceReadsEverySiteADepartmentOnlyItsOwnAWriterNothing() {
        // A writer tries what only the board may: refused, and the refusal is an entry of the site's log.
        assertThat(api(so, token(so, soWriter), "GET", "/api/v1/members", null).statusCode()).isEqualTo(403);

        var whole = audit(domain, provinceHead, "?action=access.refused");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        assertThat(whole.body()).contains("\"site\":\"so\"", "\"subject\":\"GET /api/v1/members\"",
                "\"actor\":\"account:");
        assertThat(whole.body()).contains(soWriter).contains("\"sourceIp\":\"");

        var mine = audit(so, soHead, "");
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(mine.body()).contains("\"subject\":\"GET /api/v1/members\"");
        assertThat(count(mine.body(), "\"site\":\"(?!so\")")).as("a department reads only its own site").isZero();

        var writer = audit(so, soWriter, "");
        assertThat(writer.statusCode()).isEqualTo(403);
        assertThat(writer.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(audit(domain, provinceHead, "?actor=" + soWriter + "&action=access.refused").body())
                .as("that refusal was recorded too").contains("\"subject\":\"GET /api/v1/audit\"");

        var badDate = audit(domain, provinceHead, "?from=07/12/2026");
        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(badDate.body()).contains("năm-tháng-ngày");
    }

    @Test
    void anotherProvincesBoardReadsNoneOfIt() {
        assertThat(api(so, token(so, soWriter), "GET", "/api/v1/members", null).statusCode()).isEqualTo(403);
        var theirs = audit(otherDomain, otherHead, "?action=access.refused");
        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(theirs.body()).doesNotContain(soWriter).doesNotContain("GET /api/v1/members");
        assertThat(audit(otherDomain, otherHead, "?site=" + province(domain).id()).body()).contains("\"total\":0");
        // Their token on this province's host is not a key to it.
        var crossing = api(domain, token(otherDomain, otherHead), "GET", "/api/v1/audit", null);
        assertThat(crossing.statusCode()).isEqualTo(401);
        assertThat(api(domain, token(otherDomain, otherHead), "GET", "/api/v1/audit/export", null).body())
                .doesNotContain(soWriter);
    }

    @Test
    void theExportIsACsvForExcelAndIsItselfRecorded() {
        assertThat(api(so, token(so, soWriter), "GET", "/api/v1/members", null).statusCode()).isEqualTo(403);
        var csv = send(domain, HttpRequest.newBuilder().GET(), "/api/v1/audit/export?action=access.refused",
                "Authorization", "Bearer " + token(domain, provinceHead));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("nhat-ky-"));
        String body = csv.body();
        assertThat(body).startsWith("\uFEFFThời điểm,").contains("GET /api/v1/members").contains(soWriter);
        assertThat(body.getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);

        assertThat(audit(domain, provinceHead, "?action=export.downloaded").body())
                .contains("\"subject\":\"GET /api/v1/audit/export\"", "nhat-ky-");
    }

    @Test
    void reportAndSiteExportsAreRecordedAsDownloads() {
        String cookie = "portal_session=" + token(domain, provinceHead);
        var report = send(domain, HttpRequest.newBuilder().GET(), "/admin/giam-sat/xuat?dinh-dang=xlsx", "Cookie", cookie);
        assertThat(report.statusCode()).isEqualTo(200);
        long soId = directory.snapshot().child(province(domain).id(), "so").id();
        var archive = send(domain, HttpRequest.newBuilder().GET(), "/api/v1/tenants/" + soId + "/export",
                "Authorization", "Bearer " + token(domain, "platform.admin"));
        assertThat(archive.statusCode()).isEqualTo(200);

        String downloads = audit(domain, provinceHead, "?action=export.downloaded&site=" + province(domain).id()).body();
        assertThat(downloads).contains("\"subject\":\"GET /admin/giam-sat/xuat\"", ".xlsx",
                "\"subject\":\"GET /api/v1/tenants/" + soId + "/export\"", ".zip", provinceHead, "platform.admin");
    }

    @Test
    void aDeletedSitesTrailStaysReadableByItsProvince() {
        String xa = "xa." + domain;
        long xaId = directory.snapshot().child(province(domain).id(), "xa").id();
        String xaWriter = seat(xaId, domain.substring(0, domain.indexOf('.')) + ".xa.bientap", Role.CONTRIBUTOR);
        assertThat(api(xa, token(xa, xaWriter), "GET", "/api/v1/members", null).statusCode()).isEqualTo(403);

        String admin = token(domain, "platform.admin");
        assertThat(api(domain, admin, "PATCH", "/api/v1/tenants/" + xaId, "{\"status\":\"ARCHIVED\"}").statusCode())
                .isEqualTo(200);
        var deleted = api(domain, admin, "DELETE", "/api/v1/tenants/" + xaId + "?confirm=xa", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(get(xa, "/").statusCode()).isEqualTo(404);

        var kept = audit(domain, provinceHead, "?site=xa");
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).contains("\"siteDeleted\":true", "\"subject\":\"GET /api/v1/members\"", xaWriter,
                "\"siteName\":\"Xã Thử nghiệm\"");
        assertThat(audit(domain, provinceHead, "?site=" + xaId).body()).contains(xaWriter);
        assertThat(audit(otherDomain, otherHead, "?site=xa").body()).as("not another province's (it has its own xa)")
                .doesNotContain(xaWriter).doesNotContain("\"siteDeleted\":true");
        assertThat(audit(so, soHead, "").body()).as("nor a department's").doesNotContain(xaWriter);
    }

    @Test
    void theBackOfficePageFiltersAndPagesAndIsInTheMenu() {
        assertThat(api(so, token(so, soWriter), "GET", "/api/v1/members", null).statusCode()).isEqualTo(403);
        String cookie = "portal_session=" + token(domain, provinceHead);
        var page = get(domain, "/admin/nhat-ky?hanh-dong=access.refused&don-vi=so", "Cookie", cookie);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Nhật ký hệ thống</h1>", "GET /api/v1/members", "Sở Thử nghiệm",
                "href=\"/admin/nhat-ky/xuat?don-vi=so&amp;hanh-dong=access.refused\"", "class=\"pager\"");
        assertThat(get(domain, "/admin", "Cookie", cookie).body()).contains("href=\"/admin/nhat-ky\"");

        var download = get(domain, "/admin/nhat-ky/xuat?hanh-dong=access.refused", "Cookie", cookie);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).contains("GET /api/v1/members");

        String writerCookie = "portal_session=" + token(so, soWriter);
        assertThat(get(so, "/admin/nhat-ky", "Cookie", writerCookie).statusCode()).isEqualTo(403);
        assertThat(get(so, "/admin", "Cookie", writerCookie).body()).doesNotContain("href=\"/admin/nhat-ky\"");
        assertThat(audit(domain, provinceHead, "?action=access.refused&actor=" + soWriter).body())
                .contains("\"subject\":\"GET /admin/nhat-ky\"");
    }
}
