package vn.gov.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The province's console and the oversight dashboard send one page of 50 rows, filtered on the
 * server, with links that keep the filters: a province of thousands of sites stays quick.
 */
@SharedApplication
class ConsoleAndDashboardPageOnTheServerTest extends PortalTest {
    private static final Pattern CONSOLE_ROW = Pattern.compile("<tr class=\"status-");
    private static final Pattern DASHBOARD_ROW = Pattern.compile("<tr class=\"state-");

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    private String domain;
    private String session;
    private long district;

    /** A province of its own, grown through the bulk API: 60 communes in its district, 65 departments. */
    @BeforeAll
    void aProvinceOfAHundredAndTwentyEightSites() {
        domain = Fixtures.nestedProvince(provisioning, "phantrang");
        String admin = token(domain, "platform.admin");
        StringBuilder csv = new StringBuilder("name,kind,subdomain,head_email,parent\n");
        for (int i = 1; i <= 60; i++) {
            csv.append("Xã Phân Trang ").append(i).append(",COMMUNE,xapt").append(i).append(",xa").append(i)
                    .append("@phantrang.vn,huyen\n");
            csv.append("Sở Phân Trang ").append(i).append(",DEPARTMENT,sopt").append(i).append(",so").append(i)
                    .append("@phantrang.vn,\n");
        }
        for (int i = 1; i <= 5; i++) {
            csv.append("Sở Tìm Thấy ").append(i).append(",DEPARTMENT,sotimthay").append(i).append(",tim").append(i)
                    .append("@phantrang.vn,\n");
        }
        var created = send(domain, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(csv.toString(),
                        StandardCharsets.UTF_8)), "/api/v1/tenants/bulk?dryRun=false", "Authorization", "Bearer " + admin,
                "Content-Type", "text/csv", "Accept", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        session = "portal_session=" + admin;
        Tenant province = directory.snapshot().provinces().stream().filter(p -> p.baseDomains().contains(domain))
                .findFirst().orElseThrow();
        district = directory.snapshot().child(province.id(), "huyen").id();
    }

    private String console(String query) {
        var r = get(domain, "/admin/trang-thanh-phan" + query, "Cookie", session);
        assertThat(r.statusCode()).as(query).isEqualTo(200);
        return r.body();
    }

    private String dashboard(String query) {
        var r = get(domain, "/admin/giam-sat" + query, "Cookie", session);
        assertThat(r.statusCode()).as(query).isEqualTo(200);
        return r.body();
    }

    /** The console's table of sites alone (its recent mail above also names sites). */
    private static String sites(String html) {
        int from = html.indexOf("<table class=\"sites\"");
        return from < 0 ? "" : html.substring(from, html.indexOf("</table>", from));
    }

    private static int count(Pattern p, String html) {
        Matcher m = p.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theConsoleSendsFiftyRowsAPageWithLinksToTheOthers() {
        String first = console("");
        assertThat(count(CONSOLE_ROW, first)).isEqualTo(50);
        assertThat(first).contains("Hiển thị 1–50 trên tổng số 128").contains("href=\"?trang=2\"")
                .contains("href=\"?trang=3\"");
        assertThat(sites(first)).doesNotContain("Xã Phân Trang 60");
        String last = console("?trang=3");
        assertThat(count(CONSOLE_ROW, last)).isEqualTo(28);
        assertThat(last).contains("Hiển thị 101–128 trên tổng số 128").contains("href=\"?trang=2\"");
        assertThat(count(CONSOLE_ROW, console("?trang=99"))).as("past the end: the last page").isEqualTo(28);
        assertThat(count(CONSOLE_ROW, console("?trang=abc"))).as("not a number: the first").isEqualTo(50);
    }

    @Test
    void theConsoleFiltersByWordsWithoutMarksKindStatusAndDistrict() {
        String found = console("?q=so+tim+thay");
        assertThat(count(CONSOLE_ROW, found)).isEqualTo(5);
        assertThat(found).contains("value=\"so tim thay\"");
        assertThat(sites(found)).contains("Sở Tìm Thấy 5").doesNotContain("Sở Phân Trang");
        assertThat(count(CONSOLE_ROW, console("?q=sotimthay3." + domain))).as("by host").isEqualTo(1);
        assertThat(count(CONSOLE_ROW, console("?loai=DISTRICT"))).isEqualTo(1);
        assertThat(console("?trangThai=SUSPENDED")).contains("Không có trang nào khớp bộ lọc.")
                .doesNotContain("<table class=\"sites\"");

        // The district and what is under it, two pages, the second reached by a link that keeps the filter.
        String inDistrict = console("?huyen=" + district);
        assertThat(count(CONSOLE_ROW, inDistrict)).isEqualTo(50);
        assertThat(inDistrict).contains("Hiển thị 1–50 trên tổng số 62").contains("href=\"?huyen=" + district + "&amp;trang=2\"");
        String second = console("?huyen=" + district + "&trang=2");
        assertThat(count(CONSOLE_ROW, second)).isEqualTo(12);
        assertThat(sites(second)).doesNotContain("Sở Phân Trang");
        // The tree shows the district's count of sites under it, linking to that filtered page.
        assertThat(console("?loai=DISTRICT")).contains("(61 trang trực thuộc)")
                .contains("href=\"/admin/trang-thanh-phan?huyen=" + district + "\"");
        // Filters together: a commune of that district by its words.
        assertThat(count(CONSOLE_ROW, console("?huyen=" + district + "&loai=COMMUNE&q=phan+trang+1"))).isEqualTo(11);
    }

    @Test
    void theDashboardSendsFiftyRowsAPageAndItsLinksKeepTheFilters() {
        String first = dashboard("");
        assertThat(count(DASHBOARD_ROW, first)).isEqualTo(50);
        assertThat(first).contains("Hiển thị 1–50 trên tổng số 127").contains("href=\"?trang=2\"");
        assertThat(count(DASHBOARD_ROW, dashboard("?trang=3"))).isEqualTo(27);
        String found = dashboard("?q=so+tim+thay");
        assertThat(count(DASHBOARD_ROW, found)).isEqualTo(5);
        assertThat(found).contains("Sở Tìm Thấy 1");
        String communes = dashboard("?loai=COMMUNE&trang=1");
        assertThat(count(DASHBOARD_ROW, communes)).isEqualTo(50);
        assertThat(communes).contains("href=\"?loai=COMMUNE&amp;trang=2\"");
    }

    @Test
    void anotherProvincesBoardReachesNeitherList() {
        String demoHead = "portal_session=" + token(PROVINCE, "thainguyen.truongban");
        // Its session is for its own host: here it is no session at all, sent to sign in.
        assertThat(get(domain, "/admin/trang-thanh-phan?q=so", "Cookie", demoHead).statusCode()).isEqualTo(303);
        assertThat(get(domain, "/admin/giam-sat?q=so", "Cookie", demoHead).statusCode()).isEqualTo(303);
        // Its bearer token, sent to this province's host, is refused as well.
        assertThat(get(domain, "/admin/giam-sat", "Authorization", "Bearer " + token(PROVINCE, "thainguyen.truongban"))
                .statusCode()).isEqualTo(303);
        // Nor does the demo's console list this province's sites.
        assertThat(sites(get(PROVINCE, "/admin/trang-thanh-phan?q=so+tim+thay", "Cookie", demoHead).body()))
                .doesNotContain("Sở Tìm Thấy");
    }
}
