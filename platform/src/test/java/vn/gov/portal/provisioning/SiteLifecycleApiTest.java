package vn.gov.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The province creates, renames, suspends, archives and merges its component sites over
 * {@code /api/v1/tenants}, against the embedded PostgreSQL and the running server.
 */
@SharedApplication
class SiteLifecycleApiTest extends PortalTest {
    @Inject
    Accounts accounts;
    @Inject
    vn.gov.portal.tenancy.TenantProvisioning provisioning;
    private final java.util.Set<Long> editorsSeated = new java.util.HashSet<>();

    private String admin() {
        return token(PROVINCE, "platform.admin");
    }

    private java.net.http.HttpResponse<String> create(String token, String json) {
        return api(PROVINCE, token, "POST", "/api/v1/tenants", json);
    }

    private long createSite(String label, String name, String kind) {
        var r = create(admin(), "{\"subdomain\":\"" + label + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Long.parseLong(field(r.body(), "id"));
    }

    @Test
    void theAcceptanceSiteServesItsHomeWithinOneSecond() throws Exception {
        long started = System.nanoTime();
        var r = create(admin(), "{\"subdomain\":\"soyte2\",\"name\":\"Sở Y tế 2\",\"kind\":\"DEPARTMENT\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/tenants/" + field(r.body(), "id"));
        assertThat(field(r.body(), "host")).isEqualTo("soyte2.thainguyen.localhost");
        var home = get("soyte2.thainguyen.localhost", "/");
        while (home.statusCode() != 200 && System.nanoTime() - started < 1_000_000_000L) {
            Thread.sleep(20);
            home = get("soyte2.thainguyen.localhost", "/");
        }
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms from request to home page").isLessThan(1000);
        assertThat(home.body()).contains("Sở Y tế 2");
        // Its kind's categories and introduction page came with it.
        assertThat(get("soyte2.thainguyen.localhost", "/api/v1/categories").body()).contains("Văn bản", "Thông báo");
        assertThat(get("soyte2.thainguyen.localhost", "/gioi-thieu").statusCode()).isEqualTo(200);
    }

    @Test
    void aNewSiteIsNotLiveUntilItHasItsEmcId() {
        long id = createSite("sochuachinhthuc", "Sở Chưa Chính Thức", "DEPARTMENT");
        String host = "sochuachinhthuc.thainguyen.localhost";
        var home = get(host, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Trang đang chạy thử, chưa chính thức hoạt động")
                .contains("<meta name=\"robots\" content=\"noindex\">");
        assertThat(get(host, "/robots.txt").body()).contains("Disallow: /\n").doesNotContain("Sitemap");
        assertThat(get(PROVINCE, "/").body()).doesNotContain("Sở Chưa Chính Thức");
        assertThat(get(PROVINCE, "/api/v1/sites").body()).doesNotContain("sochuachinhthuc");

        assertRefused(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"live\":true}"), 409, "go-live-emc");
        // With its EMC id it still needs its mandatory pages written (ND 224 Đ9): refused, naming them.
        var notYet = api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"emcSiteId\":70123,\"live\":true}");
        assertRefused(notYet, 409, "go-live-pages");
        assertThat(field(notYet.body(), "detail")).contains("8 trang bắt buộc", "Cơ cấu tổ chức",
                "Chức năng, nhiệm vụ", "Lịch sử hình thành và phát triển", "Lãnh đạo", "Báo cáo tài chính năm",
                "Danh mục thông tin phải công khai", "Tiếp cận thông tin", "Kênh thông tin chính thức");
        assertThat(notYet.body()).contains("\"missing\":[\"Cơ cấu tổ chức\",\"Chức năng, nhiệm vụ\",");
        assertThat(get(host, "/").body()).contains("Trang đang chạy thử");
        writeMandatoryPages(id, host, List.of());
        var live = api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"live\":true}");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(live.body()).contains("\"live\":true");
        var now = get(host, "/").body();
        assertThat(now).doesNotContain("Trang đang chạy thử").contains("setSiteId','70123'");
        assertThat(get(PROVINCE, "/").body()).contains("Sở Chưa Chính Thức");
        assertThat(get(host, "/robots.txt").body()).contains("Sitemap");
    }

    @Test
    void eachBadSubdomainIsRefusedNamingItsRule() {
        String token = admin();
        assertRefused(create(token, "{\"subdomain\":\"Sở Y tế\",\"name\":\"Sở Y tế\",\"kind\":\"DEPARTMENT\"}"), 422,
                "subdomain-shape");
        assertRefused(create(token, "{\"subdomain\":\"admin\",\"name\":\"Quản trị\",\"kind\":\"DEPARTMENT\"}"), 422,
                "subdomain-reserved");
        assertRefused(create(token, "{\"subdomain\":\"a..b\",\"name\":\"Hai chấm\",\"kind\":\"DEPARTMENT\"}"), 422,
                "subdomain-shape");
        assertRefused(create(token, "{\"subdomain\":\"sotaichinh\",\"name\":\"Sở Tài chính 2\",\"kind\":\"DEPARTMENT\"}"),
                409, "subdomain-taken");
        assertRefused(create(token, "{\"subdomain\":\"" + "x".repeat(64) + "\",\"name\":\"Dài\",\"kind\":\"COMMUNE\"}"),
                422, "subdomain-length");
        assertRefused(create(token, "{\"subdomain\":\"tinhmoi\",\"name\":\"Tỉnh mới\",\"kind\":\"PROVINCE\"}"), 422, "kind");
        assertRefused(create(token, "{\"subdomain\":\"khongloai\",\"name\":\"Không loại\",\"kind\":\"CITY\"}"), 422, "kind");
        var vietnamese = create(token, "{\"subdomain\":\"Sở Y tế\",\"name\":\"Sở Y tế\",\"kind\":\"DEPARTMENT\"}");
        assertThat(field(vietnamese.body(), "detail")).contains("soyte");
    }

    @Test
    void onlyThePlatformAdminAndTheProvinceBoardMayCreate() {
        String departmentHead = token(DEPARTMENT, "sotaichinh.truongban");
        var denied = api(DEPARTMENT, departmentHead, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"sokhongduoc\",\"name\":\"Sở không được\",\"kind\":\"DEPARTMENT\"}");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // The department's token is not good on the province's host either.
        assertThat(create(departmentHead, "{\"subdomain\":\"sokhongduoc\",\"name\":\"Sở\",\"kind\":\"DEPARTMENT\"}")
                .statusCode()).isEqualTo(401);
        assertThat(get("sokhongduoc.thainguyen.localhost", "/").statusCode()).isEqualTo(404);

        var byProvinceHead = create(token(PROVINCE, "thainguyen.truongban"),
                "{\"subdomain\":\"sotinhtao\",\"name\":\"Sở do tỉnh tạo\",\"kind\":\"DEPARTMENT\"}");
        assertThat(byProvinceHead.statusCode()).as(byProvinceHead.body()).isEqualTo(201);
        assertThat(api(PROVINCE, token(PROVINCE, "thainguyen.bientap"), "POST", "/api/v1/tenants",
                "{\"subdomain\":\"sobientap\",\"name\":\"Sở\",\"kind\":\"DEPARTMENT\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void aRenamedSiteKeepsItsOldAddressAsARedirectWithThePath() {
        long id = createSite("xadoiten", "Xã Đổi Tên", "COMMUNE");
        var renamed = api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"subdomain\":\"xadoiten2\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(field(renamed.body(), "host")).isEqualTo("xadoiten2.thainguyen.localhost");

        var old = get("xadoiten.thainguyen.localhost", "/gioi-thieu?trang=2");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElseThrow())
                .matches("http://xadoiten2\\.thainguyen\\.localhost(:\\d+)?/gioi-thieu\\?trang=2");
        assertThat(get("xadoiten2.thainguyen.localhost", "/gioi-thieu").statusCode()).isEqualTo(200);
        // The old label stays a redirect: nobody may take it.
        assertRefused(create(admin(), "{\"subdomain\":\"xadoiten\",\"name\":\"Xã khác\",\"kind\":\"COMMUNE\"}"), 409,
                "subdomain-former");
        assertRefused(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"subdomain\":\"www\"}"), 422,
                "subdomain-reserved");
    }

    @Test
    void aSiteMovedUnderADistrictKeepsItsOldAddressAsARedirect() {
        // Communes nest under districts only where the province's preset says so (BG 2023 Đ4):
        // on a Bắc Giang-style province of its own. The demo (TN 2026, flat) refuses it.
        String bg = vn.gov.portal.testing.Fixtures.nestedProvince(provisioning, "chuyen");
        String admin = token(bg, "platform.admin");
        var huyen = api(bg, admin, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"huyenchuyen\",\"name\":\"Huyện Chuyển\",\"kind\":\"DISTRICT\"}");
        assertThat(huyen.statusCode()).as(huyen.body()).isEqualTo(201);
        var xa = api(bg, admin, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"xachuyen\",\"name\":\"Xã Chuyển\",\"kind\":\"COMMUNE\"}");
        long commune = Long.parseLong(field(xa.body(), "id"));
        var moved = api(bg, admin, "PATCH", "/api/v1/tenants/" + commune, "{\"parent\":\"huyenchuyen\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(field(moved.body(), "host")).isEqualTo("xachuyen.huyenchuyen." + bg);
        assertThat(get("xachuyen.huyenchuyen." + bg, "/").statusCode()).isEqualTo(200);
        var old = get("xachuyen." + bg, "/lien-he");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElseThrow())
                .matches("http://xachuyen\\.huyenchuyen\\." + bg.replace(".", "\\.") + "(:\\d+)?/lien-he");
        var sideways = api(bg, admin, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"sochuyen\",\"name\":\"Sở Chuyển\",\"kind\":\"DEPARTMENT\"}");
        assertThat(sideways.statusCode()).isEqualTo(201);
        assertRefused(api(bg, admin, "PATCH", "/api/v1/tenants/" + commune, "{\"parent\":\"sochuyen\"}"),
                422, "parent");
        // Back under the province: its first address serves again.
        assertThat(api(bg, admin, "PATCH", "/api/v1/tenants/" + commune, "{\"parent\":\"\"}").statusCode())
                .isEqualTo(200);
        assertThat(get("xachuyen." + bg, "/").statusCode()).isEqualTo(200);
        assertThat(get("xachuyen.huyenchuyen." + bg, "/").statusCode()).isEqualTo(301);

        // The flat demo province keeps every site directly under its domain.
        createSite("huyenphang", "Huyện Phẳng", "DISTRICT");
        long flat = createSite("xaphang", "Xã Phẳng", "COMMUNE");
        assertRefused(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + flat, "{\"parent\":\"huyenphang\"}"),
                422, "domain-scheme");
    }

    @Test
    void suspendedAnswers503AndArchivedIsReadOnly() {
        long id = createSite("xatamngung", "Xã Tạm Ngừng", "COMMUNE");
        String host = "xatamngung.thainguyen.localhost";
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"status\":\"SUSPENDED\"}").statusCode())
                .isEqualTo(200);
        var suspended = get(host, "/");
        assertThat(suspended.statusCode()).isEqualTo(503);
        assertThat(suspended.body()).contains("Thái Nguyên");
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"status\":\"ACTIVE\"}").statusCode())
                .isEqualTo(200);
        assertThat(get(host, "/").statusCode()).isEqualTo(200);

        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"status\":\"ARCHIVED\"}").statusCode())
                .isEqualTo(200);
        assertThat(get(host, "/").statusCode()).isEqualTo(200);
        var rating = send(host, java.net.http.HttpRequest.newBuilder().POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("trang=/&giao-dien=5&noi-dung=5&chat-luong=5&ho-tro=5")),
                "/danh-gia", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(rating.statusCode()).isEqualTo(409);
        assertRefused(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"status\":\"MERGED\"}"), 422, "status");
    }

    @Test
    void anotherProvincesOrTheProvincesOwnIdIsNotFound() {
        String province = api(PROVINCE, admin(), "GET", "/api/v1/tenants", null).body();
        var m = Pattern.compile("\\{\"id\":(\\d+),\"subdomain\":\"thainguyen\"").matcher(province);
        assertThat(m.find()).as(province).isTrue();
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + m.group(1), "{\"status\":\"SUSPENDED\"}")
                .statusCode()).isEqualTo(404);
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/999999", "{\"status\":\"SUSPENDED\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void mergingMovesArticlesWithTheirRevisionsAndTheOldHostRedirects() {
        long a = createSite("xasapnhapa", "Xã Sáp Nhập A", "COMMUNE");
        long b = createSite("xasapnhapb", "Xã Sáp Nhập B", "COMMUNE");
        String hostA = "xasapnhapa.thainguyen.localhost";
        String hostB = "xasapnhapb.thainguyen.localhost";
        long writer = accounts.create("sapnhap.bientap", "Biên tập sáp nhập", null, DEMO_PASSWORD, null);
        long head = accounts.create("sapnhap.truongban", "Trưởng ban sáp nhập", null, DEMO_PASSWORD, null);
        long onlyA = accounts.create("sapnhap.chia", "Thành viên riêng A", null, DEMO_PASSWORD, null);
        for (long site : new long[] {a, b}) {
            accounts.grant(site, writer, Role.CONTRIBUTOR, "test");
            accounts.grant(site, head, Role.HEAD, "test");
        }
        accounts.grant(a, onlyA, Role.EDITOR, "test");
        String tokenA = token(hostA, "sapnhap.bientap");
        String tokenB = token(hostB, "sapnhap.bientap");
        String headA = token(hostA, "sapnhap.truongban");
        long shared = publish(hostA, tokenA, headA, "Tin chung của hai xã");
        long own = publish(hostA, tokenA, headA, "Tin riêng của xã A");
        long draft = publish(hostA, tokenA, null, "Bản nháp của xã A");
        publish(hostB, tokenB, token(hostB, "sapnhap.truongban"), "Tin chung của hai xã");
        // Pages: A wrote its history and culture, B only its culture; both have the rest as placeholders.
        String headB = token(hostB, "sapnhap.truongban");
        for (String[] w : new String[][] {{hostA, headA, "lich-su", "Lịch sử của xã A"},
                {hostA, headA, "van-hoa", "Văn hóa của xã A"}, {hostB, headB, "van-hoa", "Văn hóa của xã B"}}) {
            var put = api(w[0], w[1], "PUT", "/api/v1/pages/" + w[2], "{\"bodyHtml\":\"<p>" + w[3] + "</p>\"}");
            assertThat(put.statusCode()).isEqualTo(200);
            // Each board is its head alone: the head's own page goes public by the forced path, with a reason.
            api(w[0], w[1], "POST", "/api/v1/pages/" + w[2] + "/submit", null);
            assertThat(api(w[0], w[1], "POST", "/api/v1/pages/" + w[2] + "/approve", "{\"expectedRevision\":"
                    + field(put.body(), "revision") + ",\"reason\":\"Ban Biên tập chỉ có Trưởng ban\"}")
                    .statusCode()).isEqualTo(200);
        }
        String revisionsBefore = api(hostA, tokenA, "GET", "/api/v1/articles/" + shared + "/revisions", null).body();
        assertThat(revisionsBefore).contains("\"revision\":2");

        var merged = api(PROVINCE, admin(), "POST", "/api/v1/tenants/" + a + "/merge", "{\"into\":" + b + "}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(field(merged.body(), "articles")).isEqualTo("3");

        var oldHome = get(hostA, "/tin-tuc/tin-rieng-cua-xa-a");
        assertThat(oldHome.statusCode()).isEqualTo(301);
        assertThat(oldHome.headers().firstValue("Location").orElseThrow())
                .matches("http://xasapnhapb\\.thainguyen\\.localhost(:\\d+)?/tin-tuc/tin-rieng-cua-xa-a");
        assertThat(get(hostB, "/tin-tuc/tin-rieng-cua-xa-a").statusCode()).isEqualTo(200);
        // B already had that address: A's item keeps its words with A's label.
        assertThat(get(hostB, "/tin-tuc/tin-chung-cua-hai-xa-xasapnhapa").statusCode()).isEqualTo(200);

        String tokenOnB = token(hostB, "sapnhap.bientap");
        for (long id : new long[] {shared, own, draft}) {
            assertThat(api(hostB, tokenOnB, "GET", "/api/v1/articles/" + id, null).statusCode()).isEqualTo(200);
        }
        assertThat(api(hostB, tokenOnB, "GET", "/api/v1/articles/" + shared + "/revisions", null).body())
                .isEqualTo(revisionsBefore);
        assertThat(signIn(hostB, "sapnhap.chia", DEMO_PASSWORD).statusCode()).as("A's member is B's now").isEqualTo(200);
        // Merged is final: neither a second merge nor a status change.
        assertThat(api(PROVINCE, admin(), "POST", "/api/v1/tenants/" + a + "/merge", "{\"into\":" + b + "}")
                .statusCode()).isEqualTo(409);
        // B's own list now holds A's items.
        assertThat(api(hostB, tokenOnB, "GET", "/api/v1/articles?status=PUBLISHED", null).body())
                .contains("Tin riêng của xã A");
        // One page per mandatory key: A's written history took B's placeholder's place; where both
        // wrote (culture) B's stays the mandatory page and A's text is kept under A's label.
        String pagesOfB = api(hostB, tokenOnB, "GET", "/api/v1/pages", null).body();
        assertThat(Pattern.compile("\"mandatory\":true").matcher(pagesOfB).results().count()).as(pagesOfB)
                .isEqualTo(10);
        assertThat(api(hostB, tokenOnB, "GET", "/api/v1/pages/lich-su", null).body())
                .contains("Lịch sử của xã A", "\"mandatory\":true", "\"placeholder\":false");
        assertThat(api(hostB, tokenOnB, "GET", "/api/v1/pages/van-hoa", null).body()).contains("Văn hóa của xã B");
        assertThat(api(hostB, tokenOnB, "GET", "/api/v1/pages/van-hoa-xasapnhapa", null).body())
                .contains("Văn hóa của xã A", "\"mandatory\":false");
        assertThat(get(hostB, "/gioi-thieu/lich-su").body()).contains("Lịch sử của xã A");
    }

    @Test
    void goingLiveWaitsForEveryMandatoryPageOfTheSitesKindAndNamesThoseLeft() {
        long id = createSite("xaviettrang", "Xã Viết Trang", "COMMUNE");
        String host = "xaviettrang.thainguyen.localhost";
        assertThat(api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"emcSiteId\":70124}").statusCode())
                .isEqualTo(200);
        // All but two written: the refusal names exactly those two, in English when asked.
        writeMandatoryPages(id, host, List.of("ban-do-hanh-chinh", "tiep-can-thong-tin"));
        var refused = send(PROVINCE, java.net.http.HttpRequest.newBuilder().method("PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"live\":true}")),
                "/api/v1/tenants/" + id, "Authorization", "Bearer " + admin(), "Content-Type", "application/json",
                "Accept-Language", "en");
        assertRefused(refused, 409, "go-live-pages");
        assertThat(field(refused.body(), "detail")).isEqualTo("The site cannot go live yet: 2 mandatory page(s) "
                + "not written (Bản đồ địa giới hành chính, Tiếp cận thông tin).");
        assertThat(refused.body()).contains("\"missing\":[\"Bản đồ địa giới hành chính\",\"Tiếp cận thông tin\"]");
        assertThat(refused.body()).doesNotContain("Cơ cấu tổ chức");
        // The console says the same on its page, and shows what each site not yet live still lacks.
        String cookie = "portal_session=" + admin();
        String csrf = csrfOf(PROVINCE, cookie);
        var console = send(PROVINCE, java.net.http.HttpRequest.newBuilder().POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)),
                "/admin/trang-thanh-phan/" + id + "/chinh-thuc", "Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(console.statusCode()).isEqualTo(409);
        assertThat(console.body()).contains("Chưa thể đưa trang vào hoạt động chính thức: còn 2 trang bắt buộc "
                + "chưa viết (Bản đồ địa giới hành chính, Tiếp cận thông tin).");
        // The console pages its tree (50 rows): the search finds the commune wherever it sits.
        assertThat(get(PROVINCE, "/admin/trang-thanh-phan?q=Xa+Viet+Trang", "Cookie", cookie).body())
                .containsPattern("Xã Viết Trang(?s:.)*?còn 2 trang bắt buộc chưa viết");
        writeMandatoryPages(id, host, List.of());
        var live = api(PROVINCE, admin(), "PATCH", "/api/v1/tenants/" + id, "{\"live\":true}");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(get(host, "/gioi-thieu/ban-do-hanh-chinh").body()).contains("Nội dung của Bản đồ địa giới hành chính");
    }

    /**
     * Writes the site's mandatory pages but {@code except} through the pages API, as an editor of
     * its board would, each approved by a deputy head (both seated here: the sites are made without a head).
     */
    private void writeMandatoryPages(long siteId, String host, List<String> except) {
        String username = "viettrang" + siteId;
        if (editorsSeated.add(siteId)) {
            accounts.grant(siteId, accounts.create(username, "Biên tập viên " + siteId, null, DEMO_PASSWORD, null),
                    Role.EDITOR, "test");
            accounts.grant(siteId, accounts.create("duyettrang" + siteId, "Phó Trưởng ban " + siteId, null,
                    DEMO_PASSWORD, null), Role.DEPUTY_HEAD, "test");
        }
        String editor = token(host, username);
        String deputy = token(host, "duyettrang" + siteId);
        var list = api(host, editor, "GET", "/api/v1/pages", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        var entries = Pattern.compile("\\{\"slug\":\"([a-z0-9-]+)\",\"path\":\"[^\"]*\",\"title\":\"([^\"]*)\"[^}]*"
                + "\"mandatory\":true").matcher(list.body());
        int written = 0;
        while (entries.find()) {
            if (except.contains(entries.group(1))) {
                continue;
            }
            var put = api(host, editor, "PUT", "/api/v1/pages/" + entries.group(1),
                    "{\"bodyHtml\":\"<p>Nội dung của " + entries.group(2) + "</p>\"}");
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            written++;
            // Pages go public only through approval (issue 12): sent, then approved by someone else.
            api(host, editor, "POST", "/api/v1/pages/" + entries.group(1) + "/submit", null);
            var approved = api(host, deputy, "POST", "/api/v1/pages/" + entries.group(1) + "/approve",
                    "{\"expectedRevision\":" + field(put.body(), "revision") + "}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        }
        assertThat(written).as(list.body()).isPositive();
    }

    /** An article by the writer, updated once (two revisions), submitted and approved when a head is given. */
    private long publish(String host, String token, String headToken, String title) {
        var r = api(host, token, "POST", "/api/v1/articles",
                "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"bodyHtml\":\"<p>Nội dung</p>\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = field(r.body(), "id");
        var put = api(host, token, "PUT", "/api/v1/articles/" + id,
                "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"bodyHtml\":\"<p>Nội dung đã sửa</p>\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        if (headToken != null) {
            assertThat(api(host, token, "POST", "/api/v1/articles/" + id + "/submit", null).statusCode()).isEqualTo(200);
            var ok = api(host, headToken, "POST", "/api/v1/articles/" + id + "/approve", "{}");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        }
        return Long.parseLong(id);
    }

    private static void assertRefused(java.net.http.HttpResponse<String> r, int status, String rule) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(field(r.body(), "rule")).isEqualTo(rule);
        assertThat(field(r.body(), "detail")).isNotBlank();
    }
}
