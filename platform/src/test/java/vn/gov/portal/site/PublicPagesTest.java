package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 4's page types on the portal, a department and a commune: home, category with
 * pagination, article with related items and sharing, tag, static pages, site map, search and
 * the friendly 404; and no page of one site shows another's items.
 */
@SharedApplication
class PublicPagesTest extends PortalTest {
    private static final List<String> HOSTS = List.of(PROVINCE, DEPARTMENT, COMMUNE);

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    @Test
    void everyPageTypeRendersOnEachTheme() {
        for (String host : HOSTS) {
            for (String path : List.of("/", "/gioi-thieu", "/lien-he", "/kenh-thong-tin", "/so-do-cong",
                    "/chuyen-muc/tin-tuc-su-kien", "/tim-kiem?q=mau", "/rss.xml", "/sitemap.xml")) {
                var r = get(host, path);
                assertThat(r.statusCode()).as(host + path).isEqualTo(200);
            }
            String home = get(host, "/").body();
            assertThat(home).as(host).contains("Trang chủ", "Giới thiệu", "Dịch vụ công trực tuyến", "Sơ đồ cổng",
                    "Cập nhật lần cuối", "Cơ quan chủ quản", "class=\"skip-link\"", "Đánh giá mức độ hài lòng");
            String category = get(host, "/chuyen-muc/tin-tuc-su-kien").body();
            assertThat(category).contains("<h1>", "Tin tức - Sự kiện", "(bài mẫu)", "/chuyen-muc/tin-tuc-su-kien/rss.xml");
        }
    }

    @Test
    void anArticleCarriesItsCategoryTagsRelatedItemsAndSharing() {
        String page = get(DEPARTMENT, "/tin-tuc/thue-thu-nhap-ca-nhan-nhung-diem-moi-bai-mau").body();
        assertThat(page).contains("href=\"/chuyen-muc/tin-tuc-su-kien\"", "href=\"/tu-khoa/thu%E1%BA%BF\"",
                "Tin liên quan", "Công khai dự toán ngân sách năm 2026 (bài mẫu)",
                "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Fsotaichinh.thainguyen.localhost",
                "data-action=\"print\"", "data-action=\"copy\"", "Chia sẻ qua Zalo");
        String tag = get(DEPARTMENT, "/tu-khoa/thu%E1%BA%BF").body();
        assertThat(tag).contains("Thuế thu nhập cá nhân: những điểm mới (bài mẫu)")
                .doesNotContain("Công khai dự toán ngân sách");
    }

    @Test
    void contactAndChannelsComeFromTheSitesOwnData() {
        assertThat(get(PROVINCE, "/lien-he").body()).contains("Ủy ban nhân dân tỉnh Thái Nguyên",
                "mailto:bbt@thainguyen.localhost");
        assertThat(get(COMMUNE, "/kenh-thong-tin").body()).contains("Kênh thông tin chính thức",
                "//phandinhphung.thainguyen.localhost/", "Tỉnh Thái Nguyên", "/rss.xml");
    }

    @Test
    void categoriesPageTwentyItemsAtATime() {
        String domain = Fixtures.flatProvince(provisioning, "trang");
        String label = domain.substring(0, domain.indexOf('.'));
        Fixtures.ownerSql(directory, """
                INSERT INTO articles (tenant_id, title, slug, status, published_at, author_id, category_id)
                SELECT s.id, 'Thông báo số ' || n, 'thong-bao-so-' || n, 'PUBLISHED', now() - n * interval '1 hour',
                       (SELECT min(id) FROM accounts), c.id
                FROM tenants s JOIN categories c ON c.tenant_id = s.id AND c.slug = 'thong-bao',
                     generate_series(1, 25) n
                WHERE s.subdomain = 'so' AND s.parent_id = (SELECT id FROM tenants WHERE subdomain = '%s')
                """.formatted(label));
        String host = "so." + domain;
        String first = get(host, "/chuyen-muc/thong-bao").body();
        assertThat(first).contains("Thông báo số 1<", "Thông báo số 20<", "Trang 1/2", "href=\"/chuyen-muc/thong-bao?trang=2\"")
                .doesNotContain("Thông báo số 21<");
        String second = get(host, "/chuyen-muc/thong-bao?trang=2").body();
        assertThat(second).contains("Thông báo số 21<", "Thông báo số 25<", "Trang 2/2", "rel=\"prev\"");
        assertThat(get(host, "/chuyen-muc/thong-bao?trang=3").statusCode()).isEqualTo(404);
        assertThat(get(host, "/chuyen-muc/thong-bao?trang=0").statusCode()).isEqualTo(404);
        assertThat(get(host, "/chuyen-muc/thong-bao?trang=abc").statusCode()).isEqualTo(400);
        // Another site's category of the same name lists nothing of this one.
        assertThat(get("xa." + domain, "/chuyen-muc/thong-bao").body()).doesNotContain("Thông báo số");
    }

    @Test
    void anotherSitesArticleOrTagIsNotFoundHere() {
        assertThat(get(COMMUNE, "/tin-tuc/thue-thu-nhap-ca-nhan-nhung-diem-moi-bai-mau").statusCode()).isEqualTo(404);
        assertThat(get(COMMUNE, "/tu-khoa/thu%E1%BA%BF").body()).doesNotContain("Thuế thu nhập cá nhân");
    }

    @Test
    void aMissingPageIsAFriendly404InsideTheSite() {
        var r = get(DEPARTMENT, "/khong-co-trang-nay");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Sở Tài chính", "Không tìm thấy trang", "action=\"/tim-kiem\"", "Về trang chủ");
        // An unknown host still names no site.
        assertThat(get("nope.localhost", "/").body()).doesNotContain("Sở Tài chính", "Thái Nguyên");
    }

    @Test
    void theSiteMapListsStaticPagesAndCategories() {
        String map = get(COMMUNE, "/so-do-cong").body();
        assertThat(map).contains("href=\"/lien-he\"", "href=\"/kenh-thong-tin\"", "href=\"/chuyen-muc/thong-bao\"");
        assertThat(get(PROVINCE, "/so-do-cong").body()).contains("Sở Tài chính", "Phường Phan Đình Phùng");
    }
}
