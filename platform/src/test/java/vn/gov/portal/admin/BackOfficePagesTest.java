package vn.gov.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** The back office's list, proposals and members pages, as the right and the wrong seats see them. */
@SharedApplication
class BackOfficePagesTest extends PortalTest {
    private String cookies(String host, String username) {
        return "portal_session=" + token(host, username);
    }

    private java.net.http.HttpResponse<String> post(String host, String cookie, String path, String form) {
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(form)), path,
                "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void theListFiltersByStatusAndFindsTitlesWithoutMarks() {
        String cookie = cookies(DEPARTMENT, "sotaichinh.bientap");
        var found = get(DEPARTMENT, "/admin/bai-viet?q=thue+thu+nhap", "Cookie", cookie);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Thuế thu nhập cá nhân: những điểm mới (bài mẫu)")
                .doesNotContain("Công khai dự toán");
        assertThat(get(DEPARTMENT, "/admin/bai-viet?trangThai=PUBLISHED", "Cookie", cookie).body())
                .contains("Công khai dự toán ngân sách năm 2026 (bài mẫu)");
        assertThat(get(DEPARTMENT, "/admin/bai-viet?trangThai=XYZ", "Cookie", cookie).statusCode()).isEqualTo(400);
    }

    @Test
    void theProvinceAcceptsAProposalFromItsInbox() {
        String writer = token(DEPARTMENT, "sotaichinh.bientap");
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        Matcher m = Pattern.compile("\"id\":([0-9]+)").matcher(api(DEPARTMENT, writer, "POST", "/api/v1/articles",
                "{\"title\":\"Tin gửi qua hộp đề xuất\"}").body());
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        api(DEPARTMENT, writer, "POST", "/api/v1/articles/" + id + "/submit", null);
        api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/approve", "{}");
        String headCookie = cookies(DEPARTMENT, "sotaichinh.truongban");
        assertThat(post(DEPARTMENT, headCookie, "/admin/bai-viet/" + id + "/gui-cong-tinh",
                "_csrf=" + csrfOf(DEPARTMENT, headCookie))
                .statusCode()).isEqualTo(303);

        String province = cookies(PROVINCE, "thainguyen.truongban");
        String inbox = get(PROVINCE, "/admin/de-xuat", "Cookie", province).body();
        assertThat(inbox).contains("Tin gửi qua hộp đề xuất", "Sở Tài chính", "Chờ xem xét");
        Matcher p = Pattern.compile("/admin/de-xuat/([0-9]+)/chap-nhan").matcher(inbox);
        assertThat(p.find()).as("newest first: ours is the first waiting one").isTrue();
        String proposal = p.group(1);
        assertThat(post(PROVINCE, province, "/admin/de-xuat/" + proposal + "/chap-nhan",
                "_csrf=" + csrfOf(PROVINCE, province))
                .statusCode()).isEqualTo(303);
        assertThat(get(PROVINCE, "/").body()).contains("Tin gửi qua hộp đề xuất", "(Sở Tài chính)");
    }

    @Test
    void membersAreForTheSitesAdministrator() {
        var page = get(DEPARTMENT, "/admin/thanh-vien", "Cookie", cookies(DEPARTMENT, "sotaichinh.quantri"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("sotaichinh.truongban", "sotaichinh.bientap", "Bàn giao");
        assertThat(get(DEPARTMENT, "/admin/thanh-vien", "Cookie", cookies(DEPARTMENT, "sotaichinh.bientap"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aNewArticleFormStartsEmpty() {
        // Regression: the layout's fragment parameter once leaked into the title field's value.
        String form = get(DEPARTMENT, "/admin/bai-viet/moi", "Cookie", cookies(DEPARTMENT, "sotaichinh.bientap")).body();
        assertThat(form).contains("<input id=\"title\" name=\"title\" required maxlength=\"300\" value=\"\">")
                .doesNotContain("value=\"&lt;title");
    }
}
