package vn.gov.portal.provisioning;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The console's forms in Chromium, as the platform admin uses them: create a site (the sub-domain
 * suggested from its name, the head's one-time link shown), rename it (the old address then
 * answers 301 to the new one with the path kept), set a quota, and create communes from a CSV
 * file (a bad row is named and nothing is created; the fixed file creates them all). Each page
 * passes axe (WCAG 2.1 AA, no serious or critical violation).
 */
@SharedApplication
@Tag("browser")
class ConsoleFormsBrowserTest extends PortalTest {
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String at(String host) {
        return "http://" + host + ":" + server.getPort();
    }

    private static Page.GetByRoleOptions button(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    @Test
    void thePlatformAdminCreatesRenamesSetsAQuotaAndCreatesCommunesFromAFile() {
        List<String> inaccessible = new ArrayList<>();
        Page admin = browser.person().newPage();
        admin.navigate(at(PROVINCE) + "/admin");
        admin.getByLabel("Tên đăng nhập").fill("platform.admin");
        admin.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        admin.getByRole(AriaRole.BUTTON, button("Đăng nhập")).click();
        assertThat(admin.locator("h1")).hasText("Trang thành phần");

        // Create: the sub-domain left blank comes back suggested from the name, then the site is made.
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tạo trang mới")).click();
        scan(admin, inaccessible);
        admin.getByLabel("Tên đơn vị", exact()).fill("Sở Giao Diện Thử");
        admin.getByLabel("Loại đơn vị").selectOption("DEPARTMENT");
        admin.getByLabel("Họ tên Trưởng Ban Biên tập").fill("Phạm Thị Giao");
        admin.getByLabel("Thư điện tử của Trưởng Ban Biên tập").fill("giao@sogiaodienthu.vn");
        admin.getByRole(AriaRole.BUTTON, button("Tạo trang")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("sogiaodienthu");
        assertThat(admin.getByLabel("Tên miền con", exact())).hasValue("sogiaodienthu");
        assertThat(admin.getByLabel("Họ tên Trưởng Ban Biên tập")).hasValue("Phạm Thị Giao");
        admin.getByRole(AriaRole.BUTTON, button("Tạo trang")).click();
        assertThat(admin.locator(".created")).containsText("sogiaodienthu.thainguyen.localhost");
        assertThat(admin.locator(".created")).containsText("sogiaodienthu.truongban");
        assertThat(admin.locator("a.sign-in-link")).containsText("sogiaodienthu.thainguyen.localhost");
        assertThat(admin.locator("a.sign-in-link")).containsText("/admin/kich-hoat/");

        // Its page: rename it.
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mở trang quản lý của Sở Giao Diện Thử")).click();
        assertThat(admin.locator("h1")).hasText("Sở Giao Diện Thử");
        scan(admin, inaccessible);
        admin.getByLabel("Tên miền con mới").fill("sogiaodienmoi");
        admin.getByRole(AriaRole.BUTTON, button("Đổi tên miền con")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Đã đổi tên miền con");
        assertThat(admin.locator(".facts")).containsText("sogiaodienmoi.thainguyen.localhost");
        String siteUrl = admin.url();

        Page visitor = browser.person().newPage();
        var answer = visitor.navigate(at("sogiaodienthu.thainguyen.localhost") + "/gioi-thieu?trang=2");
        assertThat(answer.request().redirectedFrom()).as("the old address redirected").isNotNull();
        assertThat(answer.request().redirectedFrom().response().status()).isEqualTo(301);
        assertThat(visitor.url()).isEqualTo(at("sogiaodienmoi.thainguyen.localhost") + "/gioi-thieu?trang=2");
        assertThat(answer.status()).isEqualTo(200);

        // A quota of its own: 40 board members; the others stay the kind's default.
        admin.getByLabel("Thành viên Ban Biên tập", exact()).fill("40");
        admin.getByRole(AriaRole.BUTTON, button("Lưu hạn mức")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Đã lưu hạn mức");
        assertThat(admin.getByLabel("Thành viên Ban Biên tập", exact())).hasValue("40");
        assertThat(admin.getByLabel("Lượt tải lên mỗi ngày", exact())).hasValue("");
        var membersRow = admin.locator("table.usage tr", new Page.LocatorOptions().setHasText("Thành viên Ban Biên tập"));
        assertThat(membersRow.locator("td").nth(0)).hasText("1");
        assertThat(membersRow.locator("td").nth(1)).hasText("40");
        assertThat(membersRow.locator("td").nth(2)).hasText("50");

        // The merge's confirmation names what would move (nothing moves until confirmed).
        admin.getByLabel("Sáp nhập vào", exact()).selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Sở Tài chính (sotaichinh)"));
        admin.getByRole(AriaRole.BUTTON, button("Xem trước khi sáp nhập")).click();
        assertThat(admin.locator("h1")).hasText("Xác nhận sáp nhập");
        assertThat(admin.locator(".merge-moves")).containsText("bài viết");
        scan(admin, inaccessible);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Không sáp nhập, quay lại")).click();
        assertThat(admin).hasURL(siteUrl.replaceAll("\\?.*", ""));

        // Many communes from a file: one bad row is named and nothing is created.
        admin.navigate(at(PROVINCE) + "/admin/trang-thanh-phan");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tạo nhiều trang từ tệp")).click();
        scan(admin, inaccessible);
        String bad = "Tên đơn vị;Loại;Tên miền con;Thư điện tử;Họ tên Trưởng ban\n"
                + "Xã Tệp Một;Xã;xatepmot;mot@xatep.vn;Nguyễn Văn Một\n"
                + "Xã Tệp Hai;Xã;www;hai@xatep.vn;Nguyễn Văn Hai\n"
                + "Xã Tệp Ba;Xã;xatepba;ba@xatep.vn;Nguyễn Văn Ba\n";
        upload(admin, "xa-loi.csv", bad);
        var problems = admin.locator("table.bulk-problems tbody tr");
        assertThat(problems).hasCount(1);
        assertThat(problems.first().locator("td").nth(0)).hasText("3");
        assertThat(problems.first().locator("td").nth(1)).hasText("Tên miền con");
        assertThat(problems.first().locator("td").nth(2)).hasText("www");
        assertThat(problems.first().locator("td").nth(3)).containsText("dành riêng cho hệ thống");
        assertThat(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo tất cả"))).hasCount(0);
        scan(admin, inaccessible);
        assertThat(get("xatepmot.thainguyen.localhost", "/").statusCode()).as("nothing created").isEqualTo(404);

        upload(admin, "xa.csv", bad.replace(";www;", ";xatephai;"));
        assertThat(admin.locator("table.bulk-preview tbody tr")).hasCount(3);
        assertThat(get("xatepmot.thainguyen.localhost", "/").statusCode()).as("a dry run creates nothing").isEqualTo(404);
        admin.getByRole(AriaRole.BUTTON, button("Tạo tất cả 3 trang")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Đã tạo 3 trang");
        assertThat(admin.locator("table.bulk-created a.sign-in-link")).hasCount(3);
        assertThat(admin.locator("table.bulk-created")).containsText("xatephai.truongban");
        for (String label : List.of("xatepmot", "xatephai", "xatepba")) {
            var home = get(label + ".thainguyen.localhost", "/");
            assertThat(home.statusCode()).as(label).isEqualTo(200);
            assertThat(home.body()).contains("Xã Tệp");
        }
        // The console pages its tree (50 rows); its search, marks ignored, finds the new communes.
        admin.navigate(at(PROVINCE) + "/admin/trang-thanh-phan");
        admin.getByLabel("Tên hoặc địa chỉ").fill("xa tep");
        admin.getByRole(AriaRole.BUTTON, button("Lọc")).click();
        assertThat(admin.locator("table.sites tbody tr")).hasCount(3);
        assertThat(admin.locator("table.sites")).containsText("Xã Tệp Hai");

        assertThat(inaccessible).isEmpty();
    }

    private static void upload(Page page, String name, String csv) {
        page.getByLabel("Tệp CSV hoặc XLSX").setInputFiles(new FilePayload(name, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, button("Kiểm tra tệp (chưa tạo trang nào)")).click();
        page.waitForLoadState();
    }

    /** axe-core on the page as it stands: serious and critical violations are collected. */
    private static void scan(Page page, List<String> problems) {
        var results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        for (Rule v : results.getViolations()) {
            if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
                problems.add(page.url() + " " + v.getId() + " (" + v.getImpact() + "): "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                        .reduce((a, b) -> a + ", " + b).orElse(""));
            }
        }
        assertThat(results.getPasses()).as("axe ran on " + page.url()).isNotEmpty();
    }
}
