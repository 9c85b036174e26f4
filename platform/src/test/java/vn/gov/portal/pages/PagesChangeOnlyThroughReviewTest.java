package vn.gov.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import vn.gov.portal.testing.TestDatabase;

/**
 * Pages have the articles' workflow (issue 12, TN Đ5.3, Đ10.1): every save is a revision, nothing
 * reaches visitors before a head or deputy head who did not write it approves it, approvals name
 * the revision read, and a restore is a change like any other. On a province of its own; the
 * department's board has one person per seat.
 */
@SharedApplication
class PagesChangeOnlyThroughReviewTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String domain;
    private String host;
    private String editor;
    private String contributor;
    private String deputy;
    private String head;
    private String siteAdmin;

    @BeforeAll
    void aDepartmentWithAWholeBoard() {
        domain = Fixtures.flatProvince(provisioning, "duyettrang");
        host = "so." + domain;
        String label = domain.replace(".test", "");
        long site = site("so").id();
        editor = seat(label + ".bientap", site, Role.EDITOR);
        contributor = seat(label + ".congtac", site, Role.CONTRIBUTOR);
        deputy = seat(label + ".phoban", site, Role.DEPUTY_HEAD);
        head = seat(label + ".truongban", site, Role.HEAD);
        siteAdmin = seat(label + ".quantri", site, Role.SITE_ADMIN);
    }

    private String seat(String username, long site, Role role) {
        long id = accounts.create(username, "Thành viên " + role, null, DEMO_PASSWORD, null);
        accounts.grant(site, id, role, "test");
        return token(host, username);
    }

    private Tenant site(String label) {
        var dir = directory.snapshot();
        Tenant province = dir.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
        return dir.child(province.id(), label);
    }

    private HttpResponse<String> put(String who, String slug, String text) {
        return api(host, who, "PUT", "/api/v1/pages/" + slug, "{\"bodyHtml\":\"<p>" + text + "</p>\"}");
    }

    private HttpResponse<String> approve(String who, String slug, int revision, String reason) {
        return api(host, who, "POST", "/api/v1/pages/" + slug + "/approve", "{\"expectedRevision\":" + revision
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    private int revision(HttpResponse<String> r) {
        return Integer.parseInt(field(r.body(), "revision"));
    }

    private List<String> audit(String action, String slug) {
        List<String> details = new ArrayList<>();
        try (var c = TestDatabase.get().owner(); var st = c.prepareStatement(
                "SELECT actor || ' ' || detail::text FROM audit_events WHERE tenant_id = ? AND action = ? AND subject = ?"
                        + " ORDER BY id")) {
            st.setLong(1, site("so").id());
            st.setString(2, action);
            st.setString(3, "page:" + slug);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return details;
    }

    @Test
    void anEditorsChangeToTheLeadersPageIsNotPublicUntilApproved() {
        var draft = put(editor, "lanh-dao", "Giám đốc Sở: Nguyễn Văn An");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(draft.body()).contains("\"state\":\"DRAFT\"", "\"placeholder\":true", "\"revision\":1");
        assertThat(get(host, "/gioi-thieu/lanh-dao").statusCode()).isEqualTo(404);

        var sent = api(host, editor, "POST", "/api/v1/pages/lanh-dao/submit", null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("\"state\":\"PENDING\"");
        assertThat(get(host, "/gioi-thieu/lanh-dao").statusCode()).isEqualTo(404);
        assertThat(get(host, "/sitemap.xml").body()).doesNotContain("/gioi-thieu/lanh-dao");
        // Going live still waits for it.
        assertThat(api(host, editor, "GET", "/api/v1/pages", null).body()).contains("\"state\":\"PENDING\"");

        var approved = approve(deputy, "lanh-dao", 1, null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"state\":\"PUBLISHED\"", "\"placeholder\":false",
                "\"publishedRevision\":1");
        assertThat(get(host, "/gioi-thieu/lanh-dao").body()).contains("Giám đốc Sở: Nguyễn Văn An");
        assertThat(get(host, "/sitemap.xml").body()).contains("/gioi-thieu/lanh-dao</loc>");

        // A change to the public page waits for approval at once; visitors keep the approved text.
        var change = put(editor, "lanh-dao", "Giám đốc Sở: Trần Thị Bình");
        assertThat(change.body()).contains("\"state\":\"PENDING_CHANGE\"", "\"revision\":2", "\"publishedRevision\":1");
        assertThat(get(host, "/gioi-thieu/lanh-dao").body()).contains("Nguyễn Văn An").doesNotContain("Trần Thị Bình");
        assertThat(api(host, editor, "GET", "/api/v1/pages/lanh-dao", null).body()).contains("Trần Thị Bình");

        // Sent back: still the approved text, the reason for the writer, then sent again and approved.
        var rejected = api(host, head, "POST", "/api/v1/pages/lanh-dao/reject",
                "{\"expectedRevision\":2,\"reason\":\"Thiếu chức vụ\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.body()).contains("\"state\":\"CHANGE_DRAFT\"", "\"reviewReason\":\"Thiếu chức vụ\"");
        assertThat(get(host, "/gioi-thieu/lanh-dao").body()).doesNotContain("Trần Thị Bình");
        assertThat(api(host, editor, "POST", "/api/v1/pages/lanh-dao/submit", null).statusCode()).isEqualTo(200);
        assertThat(approve(head, "lanh-dao", 2, null).statusCode()).isEqualTo(200);
        assertThat(get(host, "/gioi-thieu/lanh-dao").body()).contains("Trần Thị Bình").doesNotContain("Nguyễn Văn An");

        assertThat(audit("page.saved", "lanh-dao")).hasSize(2);
        assertThat(audit("page.submitted", "lanh-dao")).hasSize(2);
        assertThat(audit("page.rejected", "lanh-dao")).singleElement().asString().contains("Thiếu chức vụ");
        assertThat(audit("page.approved", "lanh-dao")).hasSize(2).first().asString().contains("\"first\": true");
    }

    @Test
    void threeSavesAreThreeRevisionsAndAnyTwoCompare() {
        put(editor, "co-cau-to-chuc", "Văn phòng và hai phòng chuyên môn");
        put(editor, "co-cau-to-chuc", "Văn phòng và ba phòng chuyên môn");
        var third = put(contributor, "co-cau-to-chuc", "Văn phòng, Thanh tra và ba phòng chuyên môn");
        assertThat(third.statusCode()).as("contributors write pages now: nothing goes public unapproved")
                .isEqualTo(200);
        assertThat(revision(third)).isEqualTo(3);

        String revisions = api(host, editor, "GET", "/api/v1/pages/co-cau-to-chuc/revisions", null).body();
        assertThat(revisions.split("\"revision\":", -1)).hasSize(4);
        assertThat(revisions.indexOf("\"revision\":3")).isLessThan(revisions.indexOf("\"revision\":1"));
        assertThat(revisions).contains("hai phòng", "Thanh tra", "\"savedByName\":\"Thành viên CONTRIBUTOR\"");

        var compare = api(host, editor, "GET", "/api/v1/pages/co-cau-to-chuc/revisions/compare?from=1&to=3", null);
        assertThat(compare.statusCode()).as(compare.body()).isEqualTo(200);
        assertThat(compare.body()).contains("\"kind\":\"removed\"", "\"kind\":\"added\"", "Thanh tra", "hai",
                "\"kind\":\"same\",\"text\":\"phòng chuyên môn\"");
        assertThat(api(host, editor, "GET", "/api/v1/pages/co-cau-to-chuc/revisions/compare?from=1&to=9", null)
                .statusCode()).isEqualTo(404);
        assertThat(get(host, "/gioi-thieu/co-cau-to-chuc").statusCode()).isEqualTo(404);
    }

    @Test
    void approvingOrSendingBackARevisionThatMovedOnAnswers409() {
        put(editor, "lich-su-phat-trien", "Thành lập năm 1997");
        api(host, editor, "POST", "/api/v1/pages/lich-su-phat-trien/submit", null);
        // The head reads revision 1; meanwhile the editor saves revision 2.
        put(editor, "lich-su-phat-trien", "Thành lập năm 1997, hợp nhất năm 2025");
        var stale = approve(head, "lich-su-phat-trien", 1, null);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(field(stale.body(), "rule")).isEqualTo("expectedRevision");
        assertThat(api(host, head, "POST", "/api/v1/pages/lich-su-phat-trien/reject",
                "{\"expectedRevision\":1,\"reason\":\"Sai năm\"}").statusCode()).isEqualTo(409);
        assertThat(api(host, head, "POST", "/api/v1/pages/lich-su-phat-trien/approve", "{}").statusCode())
                .isEqualTo(422);
        assertThat(get(host, "/gioi-thieu/lich-su-phat-trien").statusCode()).isEqualTo(404);

        assertThat(approve(head, "lich-su-phat-trien", 2, null).statusCode()).isEqualTo(200);
        assertThat(get(host, "/gioi-thieu/lich-su-phat-trien").body()).contains("hợp nhất năm 2025");
        // Nothing waits any more: a second approval is a conflict, not a second publication.
        assertThat(approve(head, "lich-su-phat-trien", 2, null).statusCode()).isEqualTo(409);
    }

    @Test
    void nobodyApprovesTheirOwnChangeButTheHeadWithAWrittenReason() {
        var own = put(deputy, "chuc-nang-nhiem-vu", "Tham mưu về tài chính");
        api(host, deputy, "POST", "/api/v1/pages/chuc-nang-nhiem-vu/submit", null);
        var refused = approve(deputy, "chuc-nang-nhiem-vu", revision(own), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(field(refused.body(), "detail")).contains("không thể tự duyệt");
        assertThat(approve(deputy, "chuc-nang-nhiem-vu", revision(own), "Gấp").statusCode()).isEqualTo(403);
        assertThat(approve(editor, "chuc-nang-nhiem-vu", revision(own), null).statusCode()).isEqualTo(403);
        assertThat(approve(contributor, "chuc-nang-nhiem-vu", revision(own), null).statusCode()).isEqualTo(403);
        assertThat(approve(siteAdmin, "chuc-nang-nhiem-vu", revision(own), null).statusCode()).isEqualTo(403);
        // The content administrator reads the list (going live waits on it) but writes no page.
        assertThat(api(host, siteAdmin, "GET", "/api/v1/pages", null).statusCode()).isEqualTo(200);
        assertThat(put(siteAdmin, "chuc-nang-nhiem-vu", "Chiếm quyền").statusCode()).isEqualTo(403);
        assertThat(get(host, "/gioi-thieu/chuc-nang-nhiem-vu").statusCode()).isEqualTo(404);

        // Someone who touched the change is its author, whoever sent it: the head edits, then may not approve.
        var headEdit = put(head, "chuc-nang-nhiem-vu", "Tham mưu về tài chính, ngân sách");
        assertThat(approve(head, "chuc-nang-nhiem-vu", revision(headEdit), null).statusCode()).isEqualTo(403);
        var forced = approve(head, "chuc-nang-nhiem-vu", revision(headEdit), "Lãnh đạo vắng, cần đăng trước kỳ họp");
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        assertThat(audit("page.force_approved", "chuc-nang-nhiem-vu")).singleElement().asString()
                .contains("Lãnh đạo vắng, cần đăng trước kỳ họp");
        assertThat(get(host, "/gioi-thieu/chuc-nang-nhiem-vu").body()).contains("Tham mưu về tài chính, ngân sách");
    }

    @Test
    void aRestoreIsAPendingChangeAndVisitorsKeepTheApprovedText() {
        // The article attack of issue 12, on a page: revision 1 harmful, 2 approved, then 1 restored.
        put(contributor, "gioi-thieu", "HARMFUL");
        var benign = put(contributor, "gioi-thieu", "Sở Thử nghiệm tham mưu cho Ủy ban nhân dân tỉnh.");
        assertThat(approve(head, "gioi-thieu", revision(benign), null).statusCode()).isEqualTo(200);
        String harmful = api(host, contributor, "GET", "/api/v1/pages/gioi-thieu/revisions", null).body();
        int harmfulRevision = revision(benign) - 1;
        assertThat(harmful).contains("HARMFUL");

        var restored = api(host, contributor, "POST",
                "/api/v1/pages/gioi-thieu/revisions/" + harmfulRevision + "/restore", null);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(restored.body()).contains("\"state\":\"PENDING_CHANGE\"", "HARMFUL");
        assertThat(revision(restored)).isEqualTo(revision(benign) + 1);
        assertThat(get(host, "/gioi-thieu").body()).contains("tham mưu cho Ủy ban").doesNotContain("HARMFUL");

        assertThat(api(host, head, "POST", "/api/v1/pages/gioi-thieu/reject",
                "{\"expectedRevision\":" + revision(restored) + ",\"reason\":\"Nội dung sai\"}").statusCode())
                .isEqualTo(200);
        assertThat(get(host, "/gioi-thieu").body()).doesNotContain("HARMFUL");
        assertThat(audit("page.restored", "gioi-thieu")).hasSize(1);
        assertThat(api(host, contributor, "POST", "/api/v1/pages/gioi-thieu/revisions/99/restore", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherSitesTokenOrPageIsOutOfReach() {
        String commune = "xa." + domain;
        String label = domain.replace(".test", "");
        long id = accounts.create(label + ".xa.truongban", "Trưởng ban Xã", null, DEMO_PASSWORD, null);
        accounts.grant(site("xa").id(), id, Role.HEAD, "test");
        String communeHead = token(commune, label + ".xa.truongban");
        put(editor, "tiep-can-thong-tin", "Gửi phiếu yêu cầu đến Văn phòng Sở");
        api(host, editor, "POST", "/api/v1/pages/tiep-can-thong-tin/submit", null);

        // The commune's head, with the commune's token, on the department's host: refused before any page.
        assertThat(approve(communeHead, "tiep-can-thong-tin", 1, null).statusCode()).isEqualTo(401);
        assertThat(api(host, communeHead, "GET", "/api/v1/pages/tiep-can-thong-tin/revisions", null).statusCode())
                .isEqualTo(401);
        // On the commune's own host the same address is the commune's page, which has nothing waiting.
        assertThat(api(commune, communeHead, "POST", "/api/v1/pages/tiep-can-thong-tin/approve",
                "{\"expectedRevision\":1}").statusCode()).isEqualTo(409);
        assertThat(api(commune, communeHead, "GET", "/api/v1/pages/tiep-can-thong-tin/revisions", null).body())
                .doesNotContain("Văn phòng Sở");
        // A page only the department has is not there at all on the commune's host.
        assertThat(api(commune, communeHead, "POST", "/api/v1/pages/co-cau-to-chuc/revisions/1/restore", null)
                .statusCode()).isEqualTo(404);
        assertThat(get(host, "/gioi-thieu/tiep-can-thong-tin").statusCode()).isEqualTo(404);
        assertThat(get(commune, "/gioi-thieu/tiep-can-thong-tin").statusCode()).isEqualTo(404);
    }
}
