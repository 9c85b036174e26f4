package vn.gov.portal.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** A department's article goes up to the province, which accepts or declines it. */
@SharedApplication
class ProposalToProvinceTest extends PortalTest {

    /** A published article of Sở Tài chính; returns its id and slug. */
    private String[] publishedArticle(String title) {
        String writer = token(DEPARTMENT, "sotaichinh.bientap");
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        String created = api(DEPARTMENT, writer, "POST", "/api/v1/articles", "{\"title\":\"" + title + "\"}").body();
        String id = field(created, "id");
        api(DEPARTMENT, writer, "POST", "/api/v1/articles/" + id + "/submit", null);
        assertThat(api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/approve", "{}").statusCode())
                .isEqualTo(200);
        return new String[] {id, field(created, "slug")};
    }

    @Test
    void anAcceptedProposalShowsOnTheProvinceWithTheSiteNameAndALinkBack() {
        String[] article = publishedArticle("Quyết toán ngân sách quý ba");
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        var sent = api(DEPARTMENT, head, "POST", "/api/v1/articles/" + article[0] + "/propose", null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(field(sent.body(), "status")).isEqualTo("PENDING");
        assertThat(api(DEPARTMENT, head, "POST", "/api/v1/articles/" + article[0] + "/propose", null).statusCode())
                .as("one open proposal per article").isEqualTo(409);

        String provinceHead = token(PROVINCE, "thainguyen.truongban");
        var inbox = api(PROVINCE, provinceHead, "GET", "/api/v1/proposals?status=PENDING", null);
        assertThat(inbox.body()).contains("Quyết toán ngân sách quý ba");
        get(PROVINCE, "/"); // the home page is now cached; accepting must evict it
        var accepted = api(PROVINCE, provinceHead, "POST", "/api/v1/proposals/" + field(sent.body(), "id") + "/accept",
                null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(field(accepted.body(), "status")).isEqualTo("ACCEPTED");
        assertThat(accepted.body()).contains("\"decidedAt\"");

        String home = get(PROVINCE, "/").body();
        assertThat(home).contains("Quyết toán ngân sách quý ba", "(Sở Tài chính)",
                "//sotaichinh.thainguyen.localhost/tin-tuc/" + article[1]);
    }

    @Test
    void declineNeedsAReasonAndOnlyTheParentDecides() {
        String[] article = publishedArticle("Đề xuất sẽ bị từ chối");
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        String proposal = field(api(DEPARTMENT, head, "POST", "/api/v1/articles/" + article[0] + "/propose", null)
                .body(), "id");
        String otherSite = token(COMMUNE, "phandinhphung.truongban");
        assertThat(api(COMMUNE, otherSite, "POST", "/api/v1/proposals/" + proposal + "/accept", null).statusCode())
                .isEqualTo(404);
        assertThat(api(COMMUNE, otherSite, "GET", "/api/v1/proposals", null).body())
                .doesNotContain("Đề xuất sẽ bị từ chối");
        assertThat(api(DEPARTMENT, head, "POST", "/api/v1/proposals/" + proposal + "/accept", null).statusCode())
                .as("the proposing site cannot accept its own proposal").isEqualTo(404);

        String provinceHead = token(PROVINCE, "thainguyen.truongban");
        assertThat(api(PROVINCE, provinceHead, "POST", "/api/v1/proposals/" + proposal + "/decline", "{}")
                .statusCode()).isEqualTo(400);
        var declined = api(PROVINCE, provinceHead, "POST", "/api/v1/proposals/" + proposal + "/decline",
                "{\"reason\":\"Trùng nội dung đã đăng\"}");
        assertThat(field(declined.body(), "status")).isEqualTo("DECLINED");
        assertThat(get(PROVINCE, "/").body()).doesNotContain("Đề xuất sẽ bị từ chối");
    }

    @Test
    void onlyPublishedArticlesGoUpAndOnlyByTheBoardsReviewers() {
        String writer = token(DEPARTMENT, "sotaichinh.bientap");
        String id = field(api(DEPARTMENT, writer, "POST", "/api/v1/articles", "{\"title\":\"Bản nháp\"}").body(), "id");
        assertThat(api(DEPARTMENT, writer, "POST", "/api/v1/articles/" + id + "/propose", null).statusCode())
                .isEqualTo(403);
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        assertThat(api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/propose", null).statusCode())
                .isEqualTo(409);
    }
}
