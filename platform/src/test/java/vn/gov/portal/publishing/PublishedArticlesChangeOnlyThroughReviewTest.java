package vn.gov.portal.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 12, Build 5 for articles: once an article is live, an edit or a restore, by anyone, is a
 * pending change; visitors keep the approved version until a head or deputy head who did not
 * write the change approves exactly the revision they read.
 */
@SharedApplication
class PublishedArticlesChangeOnlyThroughReviewTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String host;
    private String otherHost;
    private String label;
    private String otherLabel;

    @BeforeAll
    void aProvinceOfItsOwnWithAFullBoard() {
        String domain = Fixtures.flatProvince(provisioning, "soatxet");
        host = "so." + domain;
        label = domain.replace(".test", "");
        seat(domain, "so", "cong-tac-vien", Role.CONTRIBUTOR);
        seat(domain, "so", "bien-tap", Role.EDITOR);
        seat(domain, "so", "pho-ban", Role.DEPUTY_HEAD);
        seat(domain, "so", "truong-ban", Role.HEAD);
        String other = Fixtures.flatProvince(provisioning, "soatxetkhac");
        otherHost = "so." + other;
        otherLabel = other.replace(".test", "");
        seat(other, "so", "truong-ban", Role.HEAD);
    }

    private void seat(String domain, String subdomain, String who, Role role) {
        var snapshot = directory.snapshot();
        var province = snapshot.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
        long site = snapshot.child(province.id(), subdomain).id();
        String username = domain.replace(".test", "") + "." + who;
        long id = accounts.create(username, "Thành viên " + who, null, DEMO_PASSWORD, null);
        accounts.grant(site, id, role, "test");
    }

    private String as(String who) {
        return token(host, label + "." + who);
    }

    /** An article written by the contributor, submitted, and published by the head; returns its id. */
    private String published(String title, String body) {
        String contributor = as("cong-tac-vien");
        var created = api(host, contributor, "POST", "/api/v1/articles",
                "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"bodyHtml\":\"" + body + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");
        assertThat(api(host, contributor, "POST", "/api/v1/articles/" + id + "/submit", null).statusCode())
                .isEqualTo(200);
        var approved = api(host, as("truong-ban"), "POST", "/api/v1/articles/" + id + "/approve",
                "{\"expectedRevision\":" + field(created.body(), "revision") + "}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private String slug(String id) {
        return field(api(host, as("truong-ban"), "GET", "/api/v1/articles/" + id, null).body(), "slug");
    }

    private static void eventually(Supplier<String> page, String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2000;
        while (!page.get().contains(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(page.get()).contains(expected);
    }

    @Test
    void restoringARefusedRevisionOfALiveArticleChangesNothingPublicUntilTheHeadApprovesIt()
            throws InterruptedException {
        String contributor = as("cong-tac-vien");
        String head = as("truong-ban");
        var created = api(host, contributor, "POST", "/api/v1/articles",
                "{\"title\":\"Lịch tiếp công dân\",\"summary\":\"Tóm tắt\",\"bodyHtml\":\"<p>HARMFUL nội dung</p>\"}");
        String id = field(created.body(), "id");
        var edited = api(host, contributor, "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>benign nội dung</p>\"}");
        assertThat(field(edited.body(), "revision")).isEqualTo("2");
        api(host, contributor, "POST", "/api/v1/articles/" + id + "/submit", null);
        assertThat(api(host, head, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":2}")
                .statusCode()).isEqualTo(200);
        String page = "/tin-tuc/" + slug(id);
        eventually(() -> get(host, page).body(), "benign");

        var restored = api(host, contributor, "POST", "/api/v1/articles/" + id + "/revisions/1/restore", null);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(field(restored.body(), "status")).isEqualTo("PUBLISHED");
        assertThat(field(restored.body(), "revision")).as("the public version").isEqualTo("2");
        assertThat(field(restored.body(), "pendingRevision")).isEqualTo("3");
        assertThat(field(restored.body(), "bodyHtml")).contains("benign");

        assertThat(get(host, page).body()).contains("benign").doesNotContain("HARMFUL");
        assertThat(get(host, "/tim-kiem?q=HARMFUL").body()).doesNotContain(page);
        assertThat(get(host, "/rss.xml").body()).doesNotContain("HARMFUL");

        assertThat(api(host, contributor, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":3}")
                .statusCode()).as("contributors write, never publish").isEqualTo(403);
        var pending = api(host, head, "GET", "/api/v1/articles/" + id + "/pending", null);
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(200);
        assertThat(field(pending.body(), "revision")).isEqualTo("3");
        assertThat(field(pending.body(), "publicRevision")).isEqualTo("2");
        assertThat(field(pending.body(), "pendingByName")).isEqualTo("Thành viên cong-tac-vien");
        assertThat(pending.body()).contains("{\"kind\":\"removed\",\"text\":\"benign\"}",
                "{\"kind\":\"added\",\"text\":\"HARMFUL\"}");

        var approved = api(host, head, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":3}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(field(approved.body(), "revision")).isEqualTo("3");
        assertThat(approved.body()).doesNotContain("\"pendingRevision\"");
        eventually(() -> get(host, page).body(), "HARMFUL");
    }

    @Test
    void anEditorsEditOfALiveArticleWaitsAndAFurtherEditReplacesTheChangeWhileHistoryKeepsBoth()
            throws InterruptedException {
        String editor = as("bien-tap");
        String head = as("truong-ban");
        String id = published("Kế hoạch chuyển đổi số", "<p>Bản đã duyệt</p>");
        String page = "/tin-tuc/" + slug(id);
        eventually(() -> get(host, page).body(), "Bản đã duyệt");

        var first = api(host, editor, "PUT", "/api/v1/articles/" + id,
                "{\"bodyHtml\":\"<p>Bản sửa thứ nhất</p>\",\"tags\":[\"chuyển đổi số\"]}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(field(first.body(), "pendingRevision")).isEqualTo("2");
        var second = api(host, editor, "PUT", "/api/v1/articles/" + id, "{\"title\":\"Kế hoạch chuyển đổi số 2027\"}");
        assertThat(field(second.body(), "pendingRevision")).isEqualTo("3");
        assertThat(get(host, page).body()).contains("Bản đã duyệt").doesNotContain("Bản sửa thứ nhất");

        var stale = api(host, head, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":2}");
        assertThat(stale.statusCode()).as("the head read revision 2; it moved on").isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(stale.body()).contains("phiên bản mới hơn");
        assertThat(api(host, head, "POST", "/api/v1/articles/" + id + "/approve", "{}").statusCode())
                .as("a change is approved only by naming what was read").isEqualTo(400);

        var approved = api(host, head, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":3}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(field(approved.body(), "title")).isEqualTo("Kế hoạch chuyển đổi số 2027");
        assertThat(approved.body()).as("the further edit built on the pending one")
                .contains("Bản sửa thứ nhất", "\"tags\":[\"chuyển đổi số\"]");
        assertThat(field(approved.body(), "slug")).as("the public address stays").isEqualTo(page.substring(9));
        eventually(() -> get(host, page).body(), "Bản sửa thứ nhất");
        assertThat(api(host, editor, "GET", "/api/v1/articles/" + id + "/revisions", null).body())
                .contains("\"revision\":3", "\"revision\":2", "\"revision\":1");
    }

    @Test
    void theHeadsOwnEditNeedsTheDeputyOrAWrittenReasonThatTheAuditKeeps() throws SQLException {
        String head = as("truong-ban");
        String deputy = as("pho-ban");
        String id = published("Thông báo tuyển dụng", "<p>Năm chỉ tiêu</p>");
        var edit = api(host, head, "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Sáu chỉ tiêu</p>\"}");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(field(edit.body(), "bodyHtml")).as("not in place, even for the head").contains("Năm chỉ tiêu");
        var own = api(host, head, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":2}");
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("tự duyệt");
        assertThat(api(host, deputy, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":2}")
                .statusCode()).isEqualTo(200);

        api(host, head, "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Bảy chỉ tiêu</p>\"}");
        var forced = api(host, head, "POST", "/api/v1/articles/" + id + "/approve",
                "{\"expectedRevision\":3,\"forceReason\":\"Hạn nộp hồ sơ là ngày mai, Phó ban vắng mặt\"}");
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        assertThat(field(forced.body(), "bodyHtml")).contains("Bảy chỉ tiêu");
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(
                "SELECT action || ' ' || subject FROM audit_events WHERE subject LIKE 'article:" + id + "%' ORDER BY id")) {
            StringBuilder log = new StringBuilder();
            while (rs.next()) {
                log.append(rs.getString(1)).append('\n');
            }
            assertThat(log).contains("article.change_proposed article:" + id + ":2",
                    "article.change_approved article:" + id + ":2",
                    "article.change_force_approved article:" + id + ":3 reason: Hạn nộp hồ sơ là ngày mai, Phó ban vắng mặt");
        }
    }

    @Test
    void nobodyWhoWroteAPartOfTheChangeApprovesIt() {
        String id = published("Hướng dẫn nộp thuế", "<p>Bản gốc</p>");
        api(host, as("cong-tac-vien"), "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Bản cộng tác viên</p>\"}");
        var deputyEdit = api(host, as("pho-ban"), "PUT", "/api/v1/articles/" + id,
                "{\"summary\":\"Tóm tắt của Phó ban\"}");
        assertThat(field(deputyEdit.body(), "pendingRevision")).isEqualTo("3");
        var refused = api(host, as("pho-ban"), "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":3}");
        assertThat(refused.statusCode()).isEqualTo(403);
        var forcedByDeputy = api(host, as("pho-ban"), "POST", "/api/v1/articles/" + id + "/approve",
                "{\"expectedRevision\":3,\"forceReason\":\"Gấp\"}");
        assertThat(forcedByDeputy.statusCode()).as("only the head forces").isEqualTo(403);
        assertThat(api(host, as("truong-ban"), "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":3}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aReturnedChangeStaysInTheHistoryWithItsReasonAndThePublicVersionStays() throws InterruptedException {
        String contributor = as("cong-tac-vien");
        String head = as("truong-ban");
        String id = published("Giờ làm việc", "<p>Từ 7 giờ 30</p>");
        api(host, contributor, "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Từ 9 giờ</p>\"}");
        assertThat(api(host, head, "POST", "/api/v1/articles/" + id + "/reject", "{\"expectedRevision\":2}")
                .statusCode()).as("a reason is needed").isEqualTo(400);
        assertThat(api(host, head, "POST", "/api/v1/articles/" + id + "/reject",
                "{\"reason\":\"Sai giờ\",\"expectedRevision\":1}").statusCode()).isEqualTo(409);
        var back = api(host, head, "POST", "/api/v1/articles/" + id + "/reject",
                "{\"reason\":\"Sai giờ\",\"expectedRevision\":2}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(field(back.body(), "status")).isEqualTo("PUBLISHED");
        assertThat(back.body()).doesNotContain("\"pendingRevision\"");
        assertThat(field(back.body(), "reviewReason")).isEqualTo("Sai giờ");
        assertThat(api(host, head, "GET", "/api/v1/articles/" + id + "/pending", null).statusCode()).isEqualTo(404);
        assertThat(api(host, contributor, "GET", "/api/v1/articles/" + id + "/revisions", null).body())
                .contains("\"rejectedReason\":\"Sai giờ\"", "Từ 9 giờ");
        eventually(() -> get(host, "/tin-tuc/" + slug(id)).body(), "Từ 7 giờ 30");

        var again = api(host, contributor, "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Từ 7 giờ</p>\"}");
        assertThat(field(again.body(), "pendingRevision")).as("numbers only grow past a returned one").isEqualTo("3");
    }

    @Test
    void anotherSitesHeadCannotReadOrApproveThePendingChange() {
        String id = published("Tin nội bộ của sở", "<p>Bản duyệt</p>");
        api(host, as("cong-tac-vien"), "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Bản chờ</p>\"}");
        String otherHead = token(otherHost, otherLabel + ".truong-ban");
        assertThat(api(otherHost, otherHead, "GET", "/api/v1/articles/" + id + "/pending", null).statusCode())
                .isEqualTo(404);
        assertThat(api(otherHost, otherHead, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":2}")
                .statusCode()).isEqualTo(404);
        assertThat(api(otherHost, otherHead, "POST", "/api/v1/articles/" + id + "/reject",
                "{\"reason\":\"x\",\"expectedRevision\":2}").statusCode()).isEqualTo(404);
        assertThat(api(host, otherHead, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":2}")
                .statusCode()).as("its token is not for this site").isEqualTo(401);
        var still = api(host, as("truong-ban"), "GET", "/api/v1/articles/" + id, null);
        assertThat(field(still.body(), "pendingRevision")).isEqualTo("2");
        assertThat(field(still.body(), "bodyHtml")).contains("Bản duyệt");
    }

    /** A back-office form posted by {@code who}, with the CSRF token of their session. */
    private java.net.http.HttpResponse<String> form(String who, String path, String fields) {
        String cookie = "portal_session=" + as(who);
        return send(host, java.net.http.HttpRequest.newBuilder().POST(java.net.http.HttpRequest.BodyPublishers
                        .ofString("_csrf=" + csrfOf(host, cookie) + "&" + fields)), path,
                "Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void theBackOfficeApprovesTheRevisionItShowedAndRefusesAStaleOneInVietnamese() {
        String id = published("Lịch cắt điện", "<p>Thứ hai</p>");
        api(host, as("bien-tap"), "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Thứ ba</p>\"}");
        var shown = get(host, "/admin/bai-viet/" + id, "Cookie", "portal_session=" + as("truong-ban"));
        assertThat(shown.body()).contains("name=\"expectedRevision\" value=\"2\"", "<ins>ba</ins>");
        api(host, as("bien-tap"), "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Thứ tư</p>\"}");

        var stale = form("truong-ban", "/admin/bai-viet/" + id + "/duyet", "expectedRevision=2");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("phiên bản mới hơn", "name=\"expectedRevision\" value=\"3\"");
        assertThat(form("truong-ban", "/admin/bai-viet/" + id + "/duyet", "expectedRevision=3")
                .statusCode()).isEqualTo(303);
        assertThat(field(api(host, as("truong-ban"), "GET", "/api/v1/articles/" + id, null).body(), "bodyHtml"))
                .contains("Thứ tư");

        api(host, as("truong-ban"), "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Chủ nhật</p>\"}");
        assertThat(form("truong-ban", "/admin/bai-viet/" + id + "/duyet", "expectedRevision=4")
                .statusCode()).as("the head's own change").isEqualTo(403);
        assertThat(form("truong-ban", "/admin/bai-viet/" + id + "/duyet", "expectedRevision=4"
                + "&forceReason=" + java.net.URLEncoder.encode("Lịch thay đổi gấp",
                java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(303);
    }
}
