package vn.gov.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
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
 * A board writes its pages and confirms them: a save is sanitised like an article, and what the
 * head approves is what visitors see; "reviewed, nothing changed" moves only the review date; pages
 * left unreviewed for a year, and pages the site has no row for, are what the gaps service reports.
 */
@SharedApplication
class WritingAndReviewingPagesTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    MandatoryPageGaps gaps;
    @Inject
    Accounts accounts;

    private String domain;
    private String host;
    private String editor;
    private String contributor;
    private String head;

    @BeforeAll
    void aCommuneWithAnEditorAContributorAndAHead() {
        domain = Fixtures.flatProvince(provisioning, "vietrang");
        host = "xa." + domain;
        String label = domain.replace(".test", "");
        long e = accounts.create(label + ".bientap", "Biên tập viên", null, DEMO_PASSWORD, null);
        long c = accounts.create(label + ".congtac", "Cộng tác viên", null, DEMO_PASSWORD, null);
        accounts.grant(commune().id(), e, Role.EDITOR, "test");
        long h = accounts.create(label + ".truongban", "Trưởng ban", null, DEMO_PASSWORD, null);
        accounts.grant(commune().id(), c, Role.CONTRIBUTOR, "test");
        accounts.grant(commune().id(), h, Role.HEAD, "test");
        editor = token(host, label + ".bientap");
        contributor = token(host, label + ".congtac");
        head = token(host, label + ".truongban");
    }

    private Tenant commune() {
        var dir = directory.snapshot();
        Tenant province = dir.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
        return dir.child(province.id(), "xa");
    }

    private java.net.http.HttpResponse<String> put(String slug, String json) {
        return api(host, editor, "PUT", "/api/v1/pages/" + slug, json);
    }

    /** The editor's save, sent and approved by the head: what visitors then read. */
    private java.net.http.HttpResponse<String> publish(String slug, String json) {
        var saved = put(slug, json);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        api(host, editor, "POST", "/api/v1/pages/" + slug + "/submit", null);
        var approved = api(host, head, "POST", "/api/v1/pages/" + slug + "/approve",
                "{\"expectedRevision\":" + field(saved.body(), "revision") + "}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return saved;
    }

    @Test
    void scriptsHandlersAndJavascriptLinksNeverReachAPage() {
        var r = publish("van-hoa", "{\"bodyHtml\":\"<p onclick=\\\"steal()\\\">Lễ hội đền Đồng Xâm</p>"
                + "<script>alert('x')</script><a href=\\\"javascript:alert(1)\\\">xem</a>"
                + "<iframe src=\\\"https://evil.example\\\"></iframe><table><tr><td>Đình làng</td></tr></table>\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String stored = api(host, editor, "GET", "/api/v1/pages/van-hoa", null).body();
        assertThat(stored).contains("Lễ hội đền Đồng Xâm", "<td>Đình làng</td>")
                .doesNotContain("<script", "alert(", "onclick", "javascript:", "<iframe");
        assertThat(get(host, "/gioi-thieu/van-hoa").body()).contains("Lễ hội đền Đồng Xâm")
                .doesNotContain("alert(", "onclick", "evil.example");
    }

    @Test
    void anEmptyOrBadPageIsRefusedAsProblemJsonAndNothingChanges() {
        var empty = put("lich-su", "{\"bodyHtml\":\"<p><br></p><script>x()</script>\"}");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(field(empty.body(), "rule")).isEqualTo("bodyHtml");
        assertThat(field(empty.body(), "detail")).isEqualTo("Nội dung trang không được để trống.");
        var longTitle = put("lich-su", "{\"title\":\"" + "x".repeat(301) + "\",\"bodyHtml\":\"<p>Có nội dung</p>\"}");
        assertThat(longTitle.statusCode()).isEqualTo(422);
        assertThat(field(longTitle.body(), "rule")).isEqualTo("title");
        assertThat(api(host, editor, "GET", "/api/v1/pages/lich-su", null).body()).contains("\"placeholder\":true");
        // Nothing to confirm on a page nobody wrote.
        var review = api(host, editor, "POST", "/api/v1/pages/lich-su/reviewed", null);
        assertThat(review.statusCode()).isEqualTo(409);
        assertThat(field(review.body(), "rule")).isEqualTo("page-unwritten");
        assertThat(api(host, editor, "GET", "/api/v1/pages/khong-co", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aContributorsPageWaitsForTheHeadAndStrangersAreAskedToSignIn() {
        assertThat(api(host, contributor, "GET", "/api/v1/pages", null).statusCode()).isEqualTo(200);
        var draft = api(host, contributor, "PUT", "/api/v1/pages/ban-do-hanh-chinh",
                "{\"bodyHtml\":\"<p>Đồi núi thấp</p>\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(draft.body()).contains("\"state\":\"DRAFT\"", "\"placeholder\":true");
        assertThat(get(host, "/gioi-thieu/ban-do-hanh-chinh").statusCode()).isEqualTo(404);
        // Nor may a contributor confirm that a public page is still right.
        assertThat(api(host, contributor, "POST", "/api/v1/pages/gioi-thieu/reviewed", null).statusCode())
                .isEqualTo(403);
        assertThat(get(host, "/api/v1/pages").statusCode()).isEqualTo(401);
    }

    @Test
    void reviewingKeepsTheTextAndItsDateAndClearsTheYearOldReminder() {
        publish("lanh-dao", "{\"bodyHtml\":\"<p>Chủ tịch UBND xã: Nguyễn Văn A</p>\"}");
        // A year and a month without anyone looking at it.
        Fixtures.ownerSql(directory, "UPDATE pages SET updated_at = now() - interval '13 months', "
                + "reviewed_at = now() - interval '13 months' WHERE tenant_id = " + commune().id()
                + " AND slug = 'lanh-dao'");
        assertThat(gaps.of(commune(), 12)).filteredOn(g -> g.key().equals("leaders"))
                .extracting(MandatoryPageGaps.Gap::state).containsExactly(MandatoryPageGaps.State.NOT_REVIEWED);
        assertThat(gaps.of(commune(), 24)).noneMatch(g -> g.key().equals("leaders"));
        assertThat(gaps.unwritten(commune())).noneMatch(g -> g.key().equals("leaders"));
        String before = api(host, editor, "GET", "/api/v1/pages/lanh-dao", null).body();
        assertThat(before).contains("\"reviewOverdue\":true");
        String updatedBefore = field(before, "updatedAt");

        var reviewed = api(host, editor, "POST", "/api/v1/pages/lanh-dao/reviewed", null);
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.body()).contains("\"reviewOverdue\":false", "Chủ tịch UBND xã: Nguyễn Văn A");
        assertThat(field(reviewed.body(), "updatedAt")).isEqualTo(updatedBefore);
        assertThat(field(reviewed.body(), "reviewedAt")).isNotEqualTo(updatedBefore);
        assertThat(gaps.of(commune(), 12)).noneMatch(g -> g.key().equals("leaders"));
        // Visitors see both: when it last changed, and that it was checked since.
        assertThat(get(host, "/gioi-thieu/lanh-dao").body()).contains("Cập nhật lần cuối", "Rà soát lần cuối");
    }

    @Test
    void aPageThePresetGainedLaterIsMissingUntilTheBoardWritesIt() {
        Fixtures.ownerSql(directory, "DELETE FROM pages WHERE tenant_id = " + commune().id()
                + " AND slug = 'dieu-kien-tu-nhien'");
        assertThat(gaps.unwritten(commune())).filteredOn(g -> g.key().equals("nature"))
                .extracting(MandatoryPageGaps.Gap::state).containsExactly(MandatoryPageGaps.State.MISSING);
        assertThat(api(host, editor, "GET", "/api/v1/pages", null).body())
                .contains("\"slug\":\"dieu-kien-tu-nhien\"");
        var written = put("dieu-kien-tu-nhien", "{\"bodyHtml\":\"<p>Địa hình đồi núi thấp, khí hậu nhiệt đới gió mùa.</p>\"}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        // Written but not approved: still a gap, and still nothing for visitors.
        assertThat(gaps.unwritten(commune())).anyMatch(g -> g.key().equals("nature"));
        assertThat(get(host, "/gioi-thieu/dieu-kien-tu-nhien").statusCode()).isEqualTo(404);
        api(host, editor, "POST", "/api/v1/pages/dieu-kien-tu-nhien/submit", null);
        assertThat(api(host, head, "POST", "/api/v1/pages/dieu-kien-tu-nhien/approve",
                "{\"expectedRevision\":" + field(written.body(), "revision") + "}").statusCode()).isEqualTo(200);
        assertThat(gaps.unwritten(commune())).noneMatch(g -> g.key().equals("nature"));
        assertThat(get(host, "/gioi-thieu/dieu-kien-tu-nhien").body()).contains("khí hậu nhiệt đới gió mùa");
    }
}
