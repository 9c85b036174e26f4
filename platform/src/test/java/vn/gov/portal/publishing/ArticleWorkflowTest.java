package vn.gov.portal.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Eventually;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Issue 3's acceptance lines for the API: roles, four eyes, revisions, sanitising, scheduling. */
@SharedApplication
class ArticleWorkflowTest extends PortalTest {

    private String create(String host, String token, String title, String body) {
        var r = api(host, token, "POST", "/api/v1/articles",
                "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"bodyHtml\":\"" + body + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    private static void awaitStatus(Supplier<Integer> status, int expected, long millis) {
        Eventually.within(millis, () -> status.get() == expected);
        assertThat(status.get()).isEqualTo(expected);
    }

    @Test
    void contributorWritesAndSubmitsButOnlyTheHeadPublishes() throws InterruptedException {
        String contributor = token(DEPARTMENT, "sotaichinh.bientap");
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        String created = create(DEPARTMENT, contributor, "Thuế thu nhập cá nhân năm 2026", "<p>Nội dung</p>");
        String id = field(created, "id");
        assertThat(field(created, "status")).isEqualTo("DRAFT");
        assertThat(field(created, "slug")).isEqualTo("thue-thu-nhap-ca-nhan-nam-2026");
        assertThat(created).as("no public address before approval").doesNotContain("\"url\"");

        assertThat(api(DEPARTMENT, contributor, "POST", "/api/v1/articles/" + id + "/submit", null).statusCode())
                .isEqualTo(200);
        var denied = api(DEPARTMENT, contributor, "POST", "/api/v1/articles/" + id + "/approve", "{}");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("Trưởng ban");
        String slug = field(created, "slug");
        assertThat(get(DEPARTMENT, "/tin-tuc/" + slug).statusCode()).isEqualTo(404);

        var approved = api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(field(approved.body(), "status")).isEqualTo("PUBLISHED");
        assertThat(field(approved.body(), "url")).isEqualTo("http://" + DEPARTMENT + "/tin-tuc/" + slug);
        awaitStatus(() -> get(DEPARTMENT, "/tin-tuc/" + slug).statusCode(), 200, 1000);
        assertThat(get(DEPARTMENT, "/tin-tuc/" + slug).body()).contains("Thuế thu nhập cá nhân năm 2026",
                "Cộng tác viên Sở Tài chính");
        assertThat(get(DEPARTMENT, "/").body()).as("the cached home page was evicted").contains(slug);
    }

    @Test
    void anotherSiteCannotReachTheArticleByGuessingItsId() {
        String created = create(DEPARTMENT, token(DEPARTMENT, "sotaichinh.bientap"), "Bản nháp riêng", "<p>x</p>");
        String id = field(created, "id");
        String otherHead = token(COMMUNE, "phandinhphung.truongban");
        assertThat(api(COMMUNE, otherHead, "GET", "/api/v1/articles/" + id, null).statusCode()).isEqualTo(404);
        assertThat(api(COMMUNE, otherHead, "PUT", "/api/v1/articles/" + id, "{\"title\":\"Chiếm\"}").statusCode())
                .isEqualTo(404);
        assertThat(api(COMMUNE, otherHead, "POST", "/api/v1/articles/" + id + "/approve", "{}").statusCode())
                .isEqualTo(404);
        assertThat(api(COMMUNE, otherHead, "GET", "/api/v1/articles", null).body()).doesNotContain("Bản nháp riêng");
        assertThat(api(DEPARTMENT, otherHead, "GET", "/api/v1/articles/" + id, null).statusCode()).isEqualTo(401);
    }

    @Test
    void scriptsHandlersAndJavascriptLinksNeverReachStoredOrRenderedHtml() {
        String head = token(COMMUNE, "phandinhphung.truongban");
        String contributor = token(COMMUNE, "phandinhphung.bientap");
        String body = "<p onclick=\\\"alert(1)\\\">An toàn</p><script>alert(1)</script>"
                + "<img src=\\\"/x.png\\\" onerror=\\\"alert(2)\\\" alt=\\\"ảnh\\\">"
                + "<a href=\\\"javascript:alert(3)\\\">liên kết</a><a href=\\\"https://thainguyen.gov.vn\\\">cổng</a>";
        String created = create(COMMUNE, contributor, "Bài có mã độc", body);
        String stored = field(created, "bodyHtml");
        assertThat(stored).doesNotContain("<script", "onerror", "onclick", "javascript:", "alert(")
                .contains("An toàn", "liên kết", "https://thainguyen.gov.vn");
        String id = field(created, "id");
        api(COMMUNE, contributor, "POST", "/api/v1/articles/" + id + "/submit", null);
        api(COMMUNE, head, "POST", "/api/v1/articles/" + id + "/approve", "{}");
        String page = get(COMMUNE, "/tin-tuc/" + field(created, "slug")).body();
        assertThat(page).doesNotContain("<script>alert", "onerror", "javascript:").contains("An toàn");
    }

    @Test
    void threeSavesAreThreeRevisionsAndRestoringBringsTheFirstBackAsANewOne() {
        String t = token(DEPARTMENT, "sotaichinh.bientap");
        String id = field(create(DEPARTMENT, t, "Phiên bản một", "<p>một</p>"), "id");
        api(DEPARTMENT, t, "PUT", "/api/v1/articles/" + id, "{\"title\":\"Phiên bản hai\",\"bodyHtml\":\"<p>hai</p>\"}");
        api(DEPARTMENT, t, "PUT", "/api/v1/articles/" + id, "{\"title\":\"Phiên bản ba\",\"bodyHtml\":\"<p>ba</p>\"}");
        var revisions = api(DEPARTMENT, t, "GET", "/api/v1/articles/" + id + "/revisions", null).body();
        assertThat(Pattern.compile("\"revision\":").matcher(revisions).results().count()).isEqualTo(3);
        var restored = api(DEPARTMENT, t, "POST", "/api/v1/articles/" + id + "/revisions/1/restore", null);
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(field(restored.body(), "title")).isEqualTo("Phiên bản một");
        assertThat(field(restored.body(), "revision")).isEqualTo("4");
        assertThat(api(DEPARTMENT, t, "GET", "/api/v1/articles/" + id + "/revisions", null).body())
                .contains("restored from revision 1", "Phiên bản ba");
    }

    @Test
    void theHeadCannotApproveOwnSubmissionExceptByForceWithAReasonTheAuditKeeps() throws SQLException {
        String head = token(PROVINCE, "thainguyen.truongban");
        String id = field(create(PROVINCE, head, "Bài của Trưởng ban", "<p>x</p>"), "id");
        api(PROVINCE, head, "POST", "/api/v1/articles/" + id + "/submit", null);
        var refused = api(PROVINCE, head, "POST", "/api/v1/articles/" + id + "/approve", "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("tự duyệt");
        var forced = api(PROVINCE, head, "POST", "/api/v1/articles/" + id + "/approve",
                "{\"forceReason\":\"Tin khẩn về thiên tai, Phó ban vắng mặt\"}");
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        assertThat(field(forced.body(), "status")).isEqualTo("PUBLISHED");
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(
                "SELECT action, subject FROM audit_events WHERE subject LIKE 'article:" + id + "%' ORDER BY id")) {
            StringBuilder log = new StringBuilder();
            while (rs.next()) {
                log.append(rs.getString(1)).append(' ').append(rs.getString(2)).append('\n');
            }
            assertThat(log).contains("article.force_approved article:" + id
                    + " reason: Tin khẩn về thiên tai, Phó ban vắng mặt");
        }
    }

    @Test
    void returningNeedsAReasonAndSendsTheArticleBackToDraft() {
        String contributor = token(COMMUNE, "phandinhphung.bientap");
        String head = token(COMMUNE, "phandinhphung.truongban");
        String id = field(create(COMMUNE, contributor, "Cần sửa", "<p>x</p>"), "id");
        api(COMMUNE, contributor, "POST", "/api/v1/articles/" + id + "/submit", null);
        assertThat(api(COMMUNE, head, "POST", "/api/v1/articles/" + id + "/reject", "{}").statusCode()).isEqualTo(400);
        var back = api(COMMUNE, head, "POST", "/api/v1/articles/" + id + "/reject", "{\"reason\":\"Thiếu nguồn\"}");
        assertThat(field(back.body(), "status")).isEqualTo("DRAFT");
        assertThat(field(back.body(), "reviewReason")).isEqualTo("Thiếu nguồn");
    }

    @Test
    void anItemScheduledTwoSecondsAheadIsPublicWithinThreeWithNoRequestInBetween() throws InterruptedException {
        String contributor = token(DEPARTMENT, "sotaichinh.bientap");
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        String created = create(DEPARTMENT, contributor, "Tin hẹn giờ", "<p>x</p>");
        String id = field(created, "id");
        api(DEPARTMENT, contributor, "POST", "/api/v1/articles/" + id + "/submit", null);
        var scheduled = api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/approve",
                "{\"publishAt\":\"" + OffsetDateTime.now().plusSeconds(2) + "\"}");
        assertThat(field(scheduled.body(), "status")).isEqualTo("SCHEDULED");
        assertThat(get(DEPARTMENT, "/tin-tuc/" + field(created, "slug")).statusCode()).isEqualTo(404);
        // The board's API is watched, not the public page: the scheduler publishes it, no visit does.
        assertThat(Eventually.within(Duration.ofSeconds(3), () -> "PUBLISHED".equals(
                field(api(DEPARTMENT, head, "GET", "/api/v1/articles/" + id, null).body(), "status"))))
                .as("published within three seconds").isTrue();
        assertThat(get(DEPARTMENT, "/tin-tuc/" + field(created, "slug")).statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsAClearProblemAndNothingIsStored() {
        String t = token(DEPARTMENT, "sotaichinh.bientap");
        var noTitle = api(DEPARTMENT, t, "POST", "/api/v1/articles", "{\"summary\":\"x\"}");
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("Tiêu đề bắt buộc");
        var noAlt = api(DEPARTMENT, t, "POST", "/api/v1/articles", "{\"title\":\"Ảnh\",\"featuredImage\":\"/a.png\"}");
        assertThat(noAlt.statusCode()).isEqualTo(400);
        assertThat(noAlt.body()).contains("alt");
        assertThat(api(DEPARTMENT, t, "GET", "/api/v1/articles", null).body()).doesNotContain("\"Ảnh\"");
    }

    @Test
    void archivedArticlesLeaveThePublicSiteAndTheAuditKnowsFromWhere() throws SQLException {
        String contributor = token(COMMUNE, "phandinhphung.bientap");
        String head = token(COMMUNE, "phandinhphung.truongban");
        String created = create(COMMUNE, contributor, "Tin sẽ lưu trữ", "<p>x</p>");
        String id = field(created, "id");
        api(COMMUNE, contributor, "POST", "/api/v1/articles/" + id + "/submit", null);
        api(COMMUNE, head, "POST", "/api/v1/articles/" + id + "/approve", "{}");
        assertThat(get(COMMUNE, "/tin-tuc/" + field(created, "slug")).statusCode()).isEqualTo(200);
        assertThat(api(COMMUNE, contributor, "POST", "/api/v1/articles/" + id + "/archive", null).statusCode())
                .isEqualTo(403);
        var archived = api(COMMUNE, head, "POST", "/api/v1/articles/" + id + "/archive", null);
        assertThat(field(archived.body(), "status")).isEqualTo("ARCHIVED");
        assertThat(get(COMMUNE, "/tin-tuc/" + field(created, "slug")).statusCode()).isEqualTo(404);
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(
                "SELECT host(source_ip) FROM audit_events WHERE action = 'article.archived' AND subject = 'article:"
                        + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
        }
    }
}
