package vn.gov.portal.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Each site starts with its kind's categories; a tree grows per site; no site uses another's. */
@SharedApplication
class CategoriesTest extends PortalTest {

    private static String firstId(String json) {
        Matcher m = Pattern.compile("\"id\":([0-9]+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    @Test
    void sitesStartWithTheCategoriesOfTheirKind() {
        assertThat(get(DEPARTMENT, "/api/v1/categories").body()).contains("Dự án - Đấu thầu", "Văn bản");
        assertThat(get(COMMUNE, "/api/v1/categories").body()).contains("Lịch tiếp công dân")
                .doesNotContain("Dự án - Đấu thầu");
    }

    @Test
    void aNewCategoryShowsOnTheCachedSiteMap() {
        get(DEPARTMENT, "/so-do-cong");
        assertThat(get(DEPARTMENT, "/so-do-cong").body()).doesNotContain("Chuyên mục vừa tạo");
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        assertThat(api(DEPARTMENT, head, "POST", "/api/v1/categories", "{\"name\":\"Chuyên mục vừa tạo\"}")
                .statusCode()).isEqualTo(201);
        assertThat(get(DEPARTMENT, "/so-do-cong").body()).contains("Chuyên mục vừa tạo");
    }

    @Test
    void theTreeGrowsAndArticlesMayOnlyUseTheirOwnSitesCategories() {
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        String parent = firstId(get(DEPARTMENT, "/api/v1/categories").body());
        var child = api(DEPARTMENT, head, "POST", "/api/v1/categories",
                "{\"name\":\"Ngân sách nhà nước\",\"parentId\":" + parent + "}");
        assertThat(child.statusCode()).as(child.body()).isEqualTo(201);
        assertThat(get(DEPARTMENT, "/api/v1/categories").body()).contains("\"depth\":1", "ngan-sach-nha-nuoc");
        String contributor = token(DEPARTMENT, "sotaichinh.bientap");
        assertThat(api(DEPARTMENT, contributor, "POST", "/api/v1/categories", "{\"name\":\"Không được\"}")
                .statusCode()).isEqualTo(403);

        String communeCategory = firstId(get(COMMUNE, "/api/v1/categories").body());
        var foreign = api(DEPARTMENT, contributor, "POST", "/api/v1/articles",
                "{\"title\":\"Sai chuyên mục\",\"categoryId\":" + communeCategory + "}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("Chuyên mục không thuộc trang này");
        var own = api(DEPARTMENT, contributor, "POST", "/api/v1/articles",
                "{\"title\":\"Đúng chuyên mục\",\"categoryId\":" + firstId(child.body()) + "}");
        assertThat(own.statusCode()).isEqualTo(201);
    }
}
