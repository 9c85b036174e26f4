package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Search that ignores marks to match but honours them to rank, per site and across the province. */
@SharedApplication
class VietnameseSearchTest extends PortalTest {

    /** The results page with the highlighting removed, for reading titles. */
    private String search(String host, String q) {
        return marked(host, q).replaceAll("</?mark>", "");
    }

    private String marked(String host, String q) {
        return get(host, "/tim-kiem?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
    }

    private void publish(String host, String writerName, String headName, String title, String body) {
        String writer = token(host, writerName);
        String head = token(host, headName);
        Matcher m = Pattern.compile("\"id\":([0-9]+)").matcher(api(host, writer, "POST", "/api/v1/articles",
                "{\"title\":\"" + title + "\",\"bodyHtml\":\"<p>" + body + "</p>\"}").body());
        assertThat(m.find()).isTrue();
        api(host, writer, "POST", "/api/v1/articles/" + m.group(1) + "/submit", null);
        assertThat(api(host, head, "POST", "/api/v1/articles/" + m.group(1) + "/approve", "{}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theProvinceFindsACommunesArticleWithoutMarksAndNamesTheSite() {
        String page = search(PROVINCE, "phan dinh phung");
        assertThat(page).contains("Phường Phan Đình Phùng tiếp công dân định kỳ tháng 11 (bài mẫu)",
                "Phường Phan Đình Phùng ·", "//phandinhphung.thainguyen.localhost/tin-tuc/");
        assertThat(marked(PROVINCE, "phan dinh phung")).contains("<mark>Phan</mark> <mark>Đình</mark> <mark>Phùng</mark>");
    }

    @Test
    void markedWordsRankAboveTheirUnmarkedTwins() {
        publish(DEPARTMENT, "sotaichinh.bientap", "sotaichinh.truongban", "Cho thuê nhà công vụ",
                "Thông báo cho thuê nhà công vụ năm nay.");
        publish(DEPARTMENT, "sotaichinh.bientap", "sotaichinh.truongban", "Quyết toán thuế năm",
                "Hướng dẫn quyết toán thuế thu nhập.");
        String page = search(DEPARTMENT, "thuế");
        int tax = page.indexOf("Quyết toán thuế năm");
        int rent = page.indexOf("Cho thuê nhà công vụ");
        assertThat(tax).isPositive();
        assertThat(rent).as("'thuê' still matches, below").isPositive();
        assertThat(tax).isLessThan(rent);
        String rentFirst = search(DEPARTMENT, "thuê");
        assertThat(rentFirst.indexOf("Cho thuê nhà công vụ")).isLessThan(rentFirst.indexOf("Quyết toán thuế năm"));
    }

    @Test
    void capitalsCountAsTheMarksTyped() {
        publish(DEPARTMENT, "sotaichinh.bientap", "sotaichinh.truongban", "Cho thuê kho bãi ven sông",
                "Thông báo cho thuê kho bãi.");
        publish(DEPARTMENT, "sotaichinh.bientap", "sotaichinh.truongban", "THÔNG BÁO NỘP THUẾ KHO BÃI",
                "Hạn nộp THUẾ sử dụng kho bãi.");
        for (String q : new String[] {"thuế kho bãi", "THUẾ KHO BÃI"}) {
            String page = search(DEPARTMENT, q);
            int tax = page.indexOf("THÔNG BÁO NỘP THUẾ KHO BÃI");
            int rent = page.indexOf("Cho thuê kho bãi ven sông");
            assertThat(rent).as("'thuê' still matches %s", q).isPositive();
            assertThat(tax).as("upper-case 'THUẾ' holds the marks of %s", q).isPositive().isLessThan(rent);
        }
        String rentFirst = search(DEPARTMENT, "thuê kho bãi");
        assertThat(rentFirst.indexOf("Cho thuê kho bãi ven sông"))
                .isLessThan(rentFirst.indexOf("THÔNG BÁO NỘP THUẾ KHO BÃI"));
    }

    /** Search looks back week by week, then further (ArticleSearch.WINDOW_DAYS): nothing is out of reach. */
    @Test
    void oldItemsAreFoundNewestFirst() throws java.sql.SQLException {
        String[] ages = {"3 days", "30 days", "200 days", "900 days"};
        for (String age : ages) {
            publish(COMMUNE, "phandinhphung.bientap", "phandinhphung.truongban", "Lưu trữ quặng thiếc " + age,
                    "Hồ sơ quặng thiếc.");
        }
        try (var owner = db().owner(); var st = owner.createStatement()) {
            for (String age : ages) {
                assertThat(st.executeUpdate("UPDATE articles SET published_at = now() - interval '" + age
                        + "' WHERE title = 'Lưu trữ quặng thiếc " + age + "'")).isEqualTo(1);
            }
        }
        String page = search(PROVINCE, "quặng thiếc");
        int last = -1;
        for (String age : ages) {
            int at = page.indexOf("Lưu trữ quặng thiếc " + age);
            assertThat(at).as("published %s ago", age).isGreaterThan(last);
            last = at;
        }
    }

    @Test
    void aSiteSearchesOnlyItsOwnArticles() {
        assertThat(search(COMMUNE, "du toan ngan sach")).doesNotContain("Công khai dự toán ngân sách")
                .contains("Không tìm thấy");
        assertThat(search(DEPARTMENT, "du toan ngan sach")).contains("Công khai dự toán ngân sách năm 2026 (bài mẫu)");
    }

    @Test
    void draftsAreNeverFound() {
        String writer = token(COMMUNE, "phandinhphung.bientap");
        api(COMMUNE, writer, "POST", "/api/v1/articles", "{\"title\":\"Bản nháp bí mật xyzzy\"}");
        assertThat(search(COMMUNE, "xyzzy")).doesNotContain("Bản nháp bí mật");
        assertThat(search(PROVINCE, "xyzzy")).doesNotContain("Bản nháp bí mật");
    }
}
