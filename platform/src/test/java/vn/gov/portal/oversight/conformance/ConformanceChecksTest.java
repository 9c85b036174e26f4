package vn.gov.portal.oversight.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.pages.MandatoryPageGaps;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.PortalTest;

/**
 * Issue 6, item 7: a new department fails the EMC, mandatory-page and footer checks with what to
 * fix, and passes them once its board and the province have done it; a silent site and pages left
 * a year unreviewed go stale as the clock moves; the rendered pages' Dublin Core is read as the
 * ministry's checker reads it; results are walled per site and per province; the back office
 * shows them.
 */
@MicronautTest(transactional = false)
class ConformanceChecksTest extends PortalTest {
    @Inject
    MovableClock clock;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Inject
    MandatoryPageGaps gaps;
    @Inject
    ArticleService articles;
    @Inject
    DailyConformanceScan daily;

    private String domain;
    private String label;
    private Tenant province;
    private Tenant so;
    private Tenant xa;
    private String provinceHead;
    private String soHead;
    private Actor soActor;

    @Override
    protected boolean movesTheClock() {
        return true;
    }

    @BeforeAll
    void aProvinceWithANewDepartment() {
        clock.set(Instant.now());
        domain = Fixtures.flatProvince(provisioning, "tuanthu");
        label = domain.replace(".test", "");
        var dir = directory.snapshot();
        province = dir.provinces().stream().filter(p -> p.subdomain().equals(label)).findFirst().orElseThrow();
        so = dir.child(province.id(), "so");
        xa = dir.child(province.id(), "xa");
        // As the console makes a site: serving, not live until it has its EMC id and its pages.
        Fixtures.ownerSql(directory, "UPDATE tenants SET live = false WHERE id = " + so.id());
        so = directory.snapshot().byId(so.id());
        provinceHead = head(province, label + ".tinh", domain);
        soHead = head(so, label + ".so", "so." + domain);
    }

    private String head(Tenant site, String username, String host) {
        long account = accounts.create(username, "Trưởng ban " + site.name(), null, DEMO_PASSWORD, null);
        accounts.grant(site.id(), account, Role.HEAD, "test");
        if (site.id() == so.id()) {
            soActor = new Actor(account, username, Set.of(Role.HEAD.name()));
        }
        return token(host, username);
    }

    @Test
    void aNewSiteFailsWhatItLacksAndPassesOnceItIsDone() {
        scan();
        String before = site(so);
        assertThat(check(before, "EMC_ID")).contains("\"outcome\":\"FAIL\"").contains("Thiếu mã EMC")
                .contains("TT 22/2023/TT-BTTTT");
        assertThat(check(before, "EMC_SCRIPT")).contains("\"outcome\":\"FAIL\"");
        List<MandatoryPageGaps.Gap> unwritten = gaps.unwritten(so);
        assertThat(unwritten).isNotEmpty();
        assertThat(check(before, "MANDATORY_PAGES")).contains("\"outcome\":\"FAIL\"")
                .contains("Trang '" + unwritten.getFirst().title() + "' chưa viết")
                .contains("NĐ 224/2026/NĐ-CP Điều 9");
        assertThat(check(before, "FOOTER")).contains("\"outcome\":\"FAIL\"")
                .contains("Thiếu số điện thoại ở chân trang").contains("Thiếu thư điện tử ở chân trang")
                .doesNotContain("Thiếu tên cơ quan chủ quản");
        assertThat(check(before, "DUBLIN_CORE")).as("its home renders every element").contains("\"outcome\":\"PASS\"");
        assertThat(check(before, "PROVINCE_LINK")).as("not live yet").contains("\"outcome\":\"NOT_APPLICABLE\"");
        String failing = api(domain, provinceHead, "GET", "/api/v1/oversight/conformance", null).body();
        assertThat(failing).contains("\"host\":\"so." + domain + "\"");
        assertThat(api(domain, provinceHead, "GET", "/api/v1/oversight/conformance?check=EMC_ID", null).body())
                .contains("\"tenantId\":" + so.id() + ",");
        assertThat(api(domain, provinceHead, "GET", "/api/v1/oversight/conformance?check=NOPE", null).statusCode())
                .isEqualTo(422);

        // The province sets the EMC id; the board writes its pages; the footer is completed; it goes live.
        var emc = api(domain, provinceHead, "PATCH", "/api/v1/tenants/" + so.id(), "{\"emcSiteId\":98765}");
        assertThat(emc.statusCode()).as(emc.body()).isEqualTo(200);
        for (var gap : unwritten) {
            var put = api("so." + domain, soHead, "PUT", "/api/v1/pages/" + gap.slug(),
                    "{\"bodyHtml\":\"<p>Nội dung " + gap.title() + " của Sở.</p>\"}");
            assertThat(put.statusCode()).as(gap.slug() + " " + put.body()).isEqualTo(200);
            // The board is its head alone: its own pages go public by the forced path, with a reason (issue 12).
            api("so." + domain, soHead, "POST", "/api/v1/pages/" + gap.slug() + "/submit", null);
            assertThat(api("so." + domain, soHead, "POST", "/api/v1/pages/" + gap.slug() + "/approve",
                    "{\"expectedRevision\":" + field(put.body(), "revision") + ",\"reason\":\"Ban Biên tập chỉ có Trưởng ban\"}")
                    .statusCode()).isEqualTo(200);
        }
        // The board completes its footer in its own settings (issue 12), as a board does.
        var footer = api("so." + domain, soHead, "PUT", "/api/v1/site/settings", "{\"name\":\"" + so.name() + "\","
                + "\"footer\":{\"agency\":\"Cơ quan thử nghiệm\",\"responsible\":\"Nguyễn Văn A\","
                + "\"address\":\"1 Đường Thử\",\"phone\":\"0208 3000 000\",\"email\":\"so@" + domain + "\"},"
                + "\"menu\":[{\"key\":\"home\"},{\"key\":\"about\"},{\"key\":\"public-services\"},"
                + "{\"key\":\"contact\"},{\"key\":\"sitemap\"},{\"key\":\"search\"},{\"key\":\"parent\"}],"
                + "\"homeBlocks\":[\"featured\",\"latest\",\"categories\",\"pages\"],\"languages\":[\"vi\"]}");
        assertThat(footer.statusCode()).as(footer.body()).isEqualTo(200);
        var live = api(domain, provinceHead, "PATCH", "/api/v1/tenants/" + so.id(), "{\"live\":true}");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        scan();
        String after = site(so);
        for (String code : List.of("EMC_ID", "EMC_SCRIPT", "MANDATORY_PAGES", "FOOTER", "DUBLIN_CORE",
                "PROVINCE_LINK", "PAGES_REVIEWED")) {
            assertThat(check(after, code)).as(code).contains("\"outcome\":\"PASS\"");
        }
        assertThat(check(after, "RECENT_PUBLICATION")).contains("\"outcome\":\"FAIL\"")
                .contains("Trang chưa đăng tin nào");

        // An article: published now, so recent; its page is checked for Dublin Core and EMC too.
        var a = articles.create(so.id(), soActor, new ArticleInput("Tin tuân thủ", "Tóm tắt tin tuân thủ",
                "<p>Nội dung</p>", "NEWS", null, List.of(), null, null, null, null, null, null, null, null));
        articles.submit(so.id(), soActor, a.getId());
        articles.approve(so.id(), soActor, a.getId(), null, "Thử nghiệm tuân thủ");
        scan();
        String published = site(so);
        assertThat(check(published, "RECENT_PUBLICATION")).contains("\"outcome\":\"PASS\"");
        assertThat(check(published, "DUBLIN_CORE")).contains("\"outcome\":\"PASS\"");
        assertThat(check(published, "EMC_SCRIPT")).contains("\"outcome\":\"PASS\"");

        // Forty days on, the site is silent; thirteen months on, its pages are unreviewed.
        try {
            clock.set(Instant.now().plus(Duration.ofDays(40)));
            scan();
            assertThat(check(site(so), "RECENT_PUBLICATION")).contains("\"outcome\":\"FAIL\"")
                    .contains("Không có tin mới trong 40 ngày");
            clock.set(Instant.now().plus(Duration.ofDays(400)));
            scan();
            assertThat(check(site(so), "PAGES_REVIEWED")).contains("\"outcome\":\"FAIL\"")
                    .contains("Trang '" + unwritten.getFirst().title() + "' chưa được rà soát từ")
                    .contains("(quá 12 tháng)");
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void theNightlyScanCoversEveryProvinceOnceADayAndTheDemoSitesCarryTheirDublinCore() {
        try {
            clock.set(Instant.now().plus(Duration.ofDays(1)));
            long started = System.nanoTime();
            daily.scanAll();
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
            String admin = token(PROVINCE, "platform.admin");
            var dir = directory.snapshot();
            Tenant thainguyen = dir.provinces().stream().filter(p -> p.baseDomains().contains("thainguyen.localhost"))
                    .findFirst().orElseThrow();
            long department = dir.child(thainguyen.id(), "sotaichinh").id();
            String demo = api(PROVINCE, admin, "GET", "/api/v1/oversight/conformance/sites/" + department, null).body();
            assertThat(check(demo, "DUBLIN_CORE")).as("took " + took + " ms").contains("\"outcome\":\"PASS\"");
            String first = field(site(province), "scannedAt");
            clock.set(Instant.now().plus(Duration.ofDays(1)).plus(Duration.ofHours(2)));
            daily.scanAll();
            assertThat(field(site(province), "scannedAt")).as("scanned less than 20 hours ago: left alone")
                    .isEqualTo(first);
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void dublinCoreIsReadFromTheRenderedPagesAsTheCheckerReadsThem() {
        String home = get(DEPARTMENT, "/").body();
        assertThat(ConformanceScan.dublinCoreFindings(home, "trang chủ")).as("the demo department's home").isEmpty();
        Matcher article = Pattern.compile("href=\"(/tin-tuc/[a-z0-9-]+)\"").matcher(home);
        assertThat(article.find()).isTrue();
        assertThat(ConformanceScan.dublinCoreFindings(get(DEPARTMENT, article.group(1)).body(), "trang bài viết"))
                .isEmpty();

        String broken = """
                <html><head><meta name="DC.title" content="Trang chủ - Sở">
                <meta content='' name='DC.description'><meta name="DC.date" content="2026-11-23">
                <meta name="DC.publisher" content="UBND tỉnh"><meta name="DC.identifier" content="https://so.test/">
                </head><body><meta name="DC.creator" content="in the body, not read"></body></html>""";
        assertThat(ConformanceScan.dublinCoreFindings(broken, "trang chủ"))
                .containsExactly("Thiếu DC.creator trên trang chủ", "DC.description trống trên trang chủ");
        assertThat(PageMeta.parse(broken).hasEmcScript(1)).isFalse();
    }

    @Test
    void aDepartmentSeesOnlyItsOwnResultsAndAnotherProvinceNone() {
        scan();
        String soHost = "so." + domain;
        assertThat(api(soHost, soHead, "GET", "/api/v1/oversight/conformance", null).statusCode())
                .as("the province's list").isEqualTo(403);
        assertThat(api(soHost, soHead, "GET", "/api/v1/oversight/conformance/sites/" + province.id(), null)
                .statusCode()).as("the province's own results").isEqualTo(403);
        assertThat(api(soHost, soHead, "GET", "/api/v1/oversight/conformance/sites/" + xa.id(), null)
                .statusCode()).as("a sibling's results").isEqualTo(403);
        assertThat(api(soHost, soHead, "POST", "/api/v1/oversight/conformance/scan", null).statusCode())
                .isEqualTo(403);
        var own = api(soHost, soHead, "GET", "/api/v1/oversight/conformance/sites/" + so.id(), null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"tenantId\":" + so.id() + ",").contains("\"code\":\"FOOTER\"");
        assertThat(api(domain, soHead, "GET", "/api/v1/oversight/conformance/sites/" + so.id(), null).statusCode())
                .as("the department's token on the province's host").isEqualTo(401);
        String thainguyenAdmin = token(PROVINCE, "platform.admin");
        assertThat(api(PROVINCE, thainguyenAdmin, "GET", "/api/v1/oversight/conformance/sites/" + so.id(), null)
                .statusCode()).as("another province's site").isEqualTo(404);
        assertThat(api(PROVINCE, thainguyenAdmin, "GET", "/api/v1/oversight/conformance", null).body())
                .doesNotContain(domain);
        assertThat(get(soHost, "/admin/giam-sat/tuan-thu", "Cookie", "portal_session=" + soHead).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theBackOfficeListsFailuresForTheProvinceAndEachSiteForItsBoard() {
        scan();
        String cookie = "portal_session=" + provinceHead;
        var list = get(domain, "/admin/giam-sat/tuan-thu", "Cookie", cookie);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Xã Thử nghiệm").contains("Thiếu số điện thoại ở chân trang")
                .contains("/admin/giam-sat/tuan-thu/" + xa.id());
        var filtered = get(domain, "/admin/giam-sat/tuan-thu?kiem-tra=EMC_ID", "Cookie", cookie).body();
        assertThat(filtered).contains("Thiếu mã EMC").doesNotContain("Thiếu số điện thoại ở chân trang");
        var one = get(domain, "/admin/giam-sat/tuan-thu/" + xa.id(), "Cookie", cookie);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("TT 24/2011/TT-BTTTT").contains("Chưa đạt");
        var dashboard = get(domain, "/admin/giam-sat", "Cookie", cookie).body();
        assertThat(dashboard).contains("href=\"/admin/giam-sat/tuan-thu\"")
                .containsPattern("href=\"/admin/giam-sat/tuan-thu/" + xa.id() + "\"[^>]*>\\d+ lỗi<");
        var own = get("xa." + domain, "/admin/tuan-thu", "Cookie",
                "portal_session=" + head(xa, label + ".xa", "xa." + domain));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Xã Thử nghiệm").contains("Thiếu mã EMC").contains("Trang chưa đăng tin nào");
    }

    @Test
    void aMergedDeletedOrSuspendedSiteKeepsNoResults() {
        for (String kind : List.of("gop", "xoa", "tamdung")) {
            String d = Fixtures.flatProvince(provisioning, "tuanthu" + kind);
            String admin = token(d, "platform.admin");
            var dir = directory.snapshot();
            Tenant p = dir.provinces().stream().filter(t -> t.baseDomains().contains(d)).findFirst().orElseThrow();
            long soId = dir.child(p.id(), "so").id();
            long xaId = dir.child(p.id(), "xa").id();
            assertThat(api(d, admin, "POST", "/api/v1/oversight/conformance/scan", null).statusCode()).isEqualTo(200);
            assertThat(rowsOf(xaId)).isEqualTo(Check.values().length);
            if (kind.equals("gop")) {
                var merged = api(d, admin, "POST", "/api/v1/tenants/" + xaId + "/merge", "{\"into\":" + soId + "}");
                assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
                assertThat(rowsOf(soId)).as("the site merged into keeps its own until the next scan")
                        .isEqualTo(Check.values().length);
            } else if (kind.equals("tamdung")) {
                assertThat(api(d, admin, "PATCH", "/api/v1/tenants/" + xaId, "{\"status\":\"SUSPENDED\"}")
                        .statusCode()).isEqualTo(200);
                var again = api(d, admin, "POST", "/api/v1/oversight/conformance/scan", null);
                assertThat(again.body()).as("a suspended site is not judged").contains("\"sites\":2");
            } else {
                assertThat(api(d, admin, "PATCH", "/api/v1/tenants/" + xaId, "{\"status\":\"ARCHIVED\"}")
                        .statusCode()).isEqualTo(200);
                var deleted = api(d, admin, "DELETE", "/api/v1/tenants/" + xaId + "?confirm=xa", null);
                assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
                assertThat(deleted.body()).contains("\"conformance_results\":" + Check.values().length);
            }
            assertThat(rowsOf(xaId)).isZero();
        }
    }

    private static int rowsOf(long tenantId) {
        try (var c = vn.gov.portal.testing.TestDatabase.get().owner();
             var st = c.prepareStatement("SELECT count(*) FROM conformance_results WHERE tenant_id = ?")) {
            st.setLong(1, tenantId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void scan() {
        var r = api(domain, provinceHead, "POST", "/api/v1/oversight/conformance/scan", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"sites\":3");
    }

    private String site(Tenant t) {
        var r = api(domain, provinceHead, "GET", "/api/v1/oversight/conformance/sites/" + t.id(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** One check's JSON object out of a site's answer. */
    private static String check(String site, String code) {
        int at = site.indexOf("\"code\":\"" + code + "\"");
        assertThat(at).as(code + " in " + site).isNotNegative();
        int end = site.indexOf('}', at);
        return site.substring(at, end);
    }
}
