package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.testing.PortalTest;

/** A site's pages are its own: served only on its host, readable only in its scope. */
@MicronautTest
class CrossTenantPageTest extends PortalTest {
    @Inject
    SitePageQueries pages;
    @Inject
    TenantDirectory directory;

    @Test
    void eachHostServesItsOwnIntroduction() {
        var dept = get(DEPARTMENT, "/gioi-thieu");
        assertThat(dept.statusCode()).isEqualTo(200);
        assertThat(dept.body()).contains("Trang giới thiệu Sở Tài chính").doesNotContain("Phan Đình Phùng");
        var commune = get(COMMUNE, "/gioi-thieu");
        assertThat(commune.body()).contains("Trang giới thiệu Phường Phan Đình Phùng").doesNotContain("Sở Tài chính.");
    }

    @Test
    void aScopedReadOfAnotherSitesPageFindsNothing() {
        var snapshot = directory.snapshot();
        var province = snapshot.provinces().stream().filter(p -> p.subdomain().equals("thainguyen")).findFirst()
                .orElseThrow();
        long dept = snapshot.children(province.id()).stream().filter(t -> t.subdomain().equals("sotaichinh"))
                .findFirst().orElseThrow().id();
        assertThat(pages.find(TenantScope.of(dept), "vi", "gioi-thieu")).get()
                .extracting(SitePageQueries.StaticPage::bodyHtml).asString().contains("Sở Tài chính");
        assertThat(pages.list(TenantScope.of(dept), "vi")).hasSize(1);
    }

    @Test
    void cachedPagesAreKeptApartByTenant() {
        // Same path on two hosts, twice each: the second answers come from the page cache.
        for (int i = 0; i < 2; i++) {
            assertThat(get(DEPARTMENT, "/").body()).contains("Sở Tài chính").doesNotContain("<h1>Phường Phan Đình Phùng");
            assertThat(get(COMMUNE, "/").body()).contains("<h1>Phường Phan Đình Phùng</h1>");
        }
    }

    @Test
    void aRepeatedRequestWithItsEtagIsNotModified() {
        var first = get(COMMUNE, "/");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var again = get(COMMUNE, "/", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(get(DEPARTMENT, "/", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }
}
