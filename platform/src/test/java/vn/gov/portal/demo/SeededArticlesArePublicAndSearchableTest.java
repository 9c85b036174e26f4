package vn.gov.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * ops/seed at small scale, on a fixture province of three sites: two more sites through
 * provisioning, 20 articles on each of the five, rows as the workflow would leave them, public
 * and searchable from the province, and a second run that adds nothing.
 */
@SharedApplication
class SeededArticlesArePublicAndSearchableTest extends PortalTest {
    @Inject
    DemoSeed seed;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    private String domain;
    private Tenant province;
    private DemoSeed.Report first;

    @BeforeAll
    void seedSmall() {
        domain = Fixtures.flatProvince(provisioning, "seed");
        province = directory.snapshot().provinces().stream()
                .filter(p -> p.baseDomains().contains(domain)).findFirst().orElseThrow();
        first = seed.seed(province.id(), 5, 20, 2, line -> { });
    }

    private String host(Tenant t) {
        return directory.snapshot().hostOf(t, domain);
    }

    private List<Tenant> sites() {
        return directory.snapshot().subtreeIds(province).stream().map(id -> directory.snapshot().byId(id)).toList();
    }

    @Test
    void addsSitesThroughProvisioningAndTopsEachUp() {
        assertThat(first.sitesAdded()).isEqualTo(2);
        assertThat(first.articlesAdded()).isEqualTo(100);
        assertThat(sites()).hasSize(5);
        for (Tenant t : sites()) {
            // Real tenants: their own host, an introduction page from the site initializers.
            assertThat(get(host(t), "/").statusCode()).as(host(t)).isEqualTo(200);
            assertThat(get(host(t), "/gioi-thieu").statusCode()).as(host(t)).isEqualTo(200);
        }
    }

    @Test
    void aSecondRunAddsNothing() {
        DemoSeed.Report again = seed.seed(province.id(), 5, 20, 2, line -> { });
        assertThat(again.sitesAdded()).isZero();
        assertThat(again.articlesAdded()).isZero();
        assertThat(sites()).hasSize(5);
    }

    @Test
    void rowsAreWhatTheWorkflowWouldHaveWritten() throws SQLException {
        String ids = sites().stream().map(t -> String.valueOf(t.id())).reduce((a, b) -> a + "," + b).orElseThrow();
        try (var c = db().owner(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT count(*), count(DISTINCT (tenant_id, slug)),"
                    + " count(*) FILTER (WHERE status = 'PUBLISHED' AND published_at IS NOT NULL"
                    + "   AND submitted_at <= reviewed_at AND reviewed_at = published_at AND created_at <= submitted_at"
                    + "   AND revision = 1 AND search_vector IS NOT NULL AND category_id IS NOT NULL),"
                    + " min(published_at), max(published_at),"
                    + " (SELECT count(*) FROM article_revisions r WHERE r.tenant_id IN (" + ids + ")),"
                    + " count(DISTINCT category_id)"
                    + " FROM articles WHERE tenant_id IN (" + ids + ")");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(100);
            assertThat(rs.getInt(2)).as("slugs unique per site").isEqualTo(100);
            assertThat(rs.getInt(3)).as("published, dated in order, revision 1, searchable").isEqualTo(100);
            assertThat(rs.getObject(4, OffsetDateTime.class)).isAfter(OffsetDateTime.now().minusDays(367));
            assertThat(rs.getObject(5, OffsetDateTime.class)).isBefore(OffsetDateTime.now());
            assertThat(rs.getInt(6)).as("one revision row each").isEqualTo(100);
            assertThat(rs.getInt(7)).as("spread over categories").isGreaterThan(5);
            var text = st.executeQuery("SELECT title, summary, body_html FROM articles WHERE tenant_id IN (" + ids + ")");
            while (text.next()) {
                for (int i = 1; i <= 3; i++) {
                    assertThat(Normalizer.isNormalized(text.getString(i), Normalizer.Form.NFC)).isTrue();
                }
            }
        }
    }

    @Test
    void aSeededArticleOfANewSiteIsPublicAndTheProvinceFindsIt() throws SQLException {
        Tenant added = sites().stream().filter(t -> t.branding().footerAddress() != null
                && t.branding().footerAddress().contains("dữ liệu mẫu")).findFirst().orElseThrow();
        String title;
        String slug;
        try (var c = db().owner(); var st = c.prepareStatement("SELECT title, slug FROM articles a WHERE tenant_id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.title = a.title AND b.id <> a.id)"
                + " ORDER BY length(title) DESC LIMIT 1")) {
            st.setLong(1, added.id());
            var rs = st.executeQuery();
            assertThat(rs.next()).as("a seeded article with a title of its own").isTrue();
            title = rs.getString(1);
            slug = rs.getString(2);
        }
        var page = get(host(added), "/tin-tuc/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(added.name(), "Nội dung mẫu");

        String unmarked = VietnameseText.fold(title);
        String results = get(host(province), "/tim-kiem?q=" + URLEncoder.encode(unmarked, StandardCharsets.UTF_8))
                .body();
        assertThat(results).contains("//" + host(added) + "/tin-tuc/" + slug, added.name());
    }
}
