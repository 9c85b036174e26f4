package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
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
 * Issue 13, Build 9: search results are kept (SearchResults) and search pages are page-cached,
 * yet an article a department publishes shows in its own search and in its province's within a
 * second; and what is kept never carries a draft, another site's article into a site's own
 * search, or another province's article into a province's search.
 */
@SharedApplication
class KeptSearchResultsFollowPublicationTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String province;
    private String department;
    private String commune;
    private String otherDepartment;

    @BeforeAll
    void twoProvincesWithBoards() {
        province = Fixtures.flatProvince(provisioning, "timkiemgiu");
        department = "so." + province;
        commune = "xa." + province;
        seat(province, "bien-tap", Role.EDITOR);
        seat(province, "truong-ban", Role.HEAD);
        String other = Fixtures.flatProvince(provisioning, "timkiemgiukhac");
        otherDepartment = "so." + other;
        seat(other, "bien-tap", Role.EDITOR);
        seat(other, "truong-ban", Role.HEAD);
    }

    private void seat(String domain, String who, Role role) {
        var snapshot = directory.snapshot();
        var p = snapshot.provinces().stream().filter(t -> t.baseDomains().contains(domain)).findFirst().orElseThrow();
        long site = snapshot.child(p.id(), "so").id();
        long id = accounts.create(domain.replace(".test", "") + "." + who, "Thành viên " + who, null, DEMO_PASSWORD,
                null);
        accounts.grant(site, id, role, "test");
    }

    private String user(String host, String who) {
        return token(host, host.substring(3).replace(".test", "") + "." + who);
    }

    /** Written by the editor; published by the head unless {@code publish} is false. */
    private void article(String host, String title, boolean publish) {
        var created = api(host, user(host, "bien-tap"), "POST", "/api/v1/articles",
                "{\"title\":\"" + title + "\",\"bodyHtml\":\"<p>Nội dung " + title + "</p>\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        if (!publish) {
            return;
        }
        String id = field(created.body(), "id");
        assertThat(api(host, user(host, "bien-tap"), "POST", "/api/v1/articles/" + id + "/submit", null).statusCode())
                .isEqualTo(200);
        var approved = api(host, user(host, "truong-ban"), "POST", "/api/v1/articles/" + id + "/approve",
                "{\"expectedRevision\":" + field(created.body(), "revision") + "}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    /** The results page with the highlighting removed, for reading titles. */
    private String search(String host, String q) {
        var page = get(host, "/tim-kiem?q=" + q);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body().replaceAll("</?mark>", "");
    }

    private static void withinASecond(Supplier<String> page, String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 1000;
        while (!page.get().contains(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(page.get()).contains(expected);
    }

    @Test
    void aPublishedArticleReplacesTheKeptEmptyResultOfItsSiteAndItsProvince() throws InterruptedException {
        // Searched first, so the empty answers are kept (results and pages) before the article exists.
        assertThat(search(province, "quaxanhmoi")).contains("Không tìm thấy");
        assertThat(search(department, "quaxanhmoi")).contains("Không tìm thấy");
        assertThat(search(commune, "quaxanhmoi")).contains("Không tìm thấy");

        article(department, "Hội chợ quaxanhmoi của Sở", true);

        withinASecond(() -> search(province, "quaxanhmoi"), "Hội chợ quaxanhmoi của Sở");
        withinASecond(() -> search(department, "quaxanhmoi"), "Hội chợ quaxanhmoi của Sở");
        assertThat(search(commune, "quaxanhmoi")).as("a commune searches only its own articles")
                .doesNotContain("Hội chợ quaxanhmoi");
    }

    @Test
    void draftsAndOtherProvincesArticlesAreNeverKeptIntoAResult() throws InterruptedException {
        article(department, "Bản nháp bimatnoibo chưa duyệt", false);
        article(otherDepartment, "Tin bimatnoibo của tỉnh khác", true);
        withinASecond(() -> search(otherDepartment, "bimatnoibo"), "Tin bimatnoibo của tỉnh khác");

        for (String host : new String[] {province, department, commune}) {
            assertThat(search(host, "bimatnoibo")).as(host).doesNotContain("Bản nháp bimatnoibo")
                    .doesNotContain("Tin bimatnoibo của tỉnh khác").contains("Không tìm thấy");
        }
        assertThat(search(otherDepartment, "bimatnoibo")).doesNotContain("Bản nháp bimatnoibo");
        // A publication elsewhere drops kept results; asked again, the walls still hold.
        article(department, "Tin khác của Sở", true);
        assertThat(search(province, "bimatnoibo")).doesNotContain("Tin bimatnoibo của tỉnh khác")
                .doesNotContain("Bản nháp bimatnoibo");
    }
}
