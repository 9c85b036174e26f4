package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** A site's pages are its own: served only on its host, readable only in its scope. */
@SharedApplication
class CrossTenantPageTest extends PortalTest {
    @Inject
    SitePageQueries pages;
    @Inject
    TenantDirectory directory;
    @Inject
    PageRepository repository;
    @Inject
    TenantDb db;

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
        Optional<Page> own = db.read(TenantScope.of(dept), ctx -> repository.findByTenantIdAndLanguageAndSlug(dept,
                "vi", "gioi-thieu"));
        assertThat(own).get().extracting(Page::bodyHtml).asString().contains("Sở Tài chính");
        // The department's own pages: its introduction and a department's mandatory pages, none of a commune's.
        assertThat(pages.list(snapshot.byId(dept), "vi")).extracting(SitePageQueries.StaticPage::slug)
                .contains("gioi-thieu", "co-cau-to-chuc", "chuc-nang-nhiem-vu").doesNotContain("dieu-kien-tu-nhien");
        long other = snapshot.children(province.id()).stream().filter(t -> t.subdomain().equals("phandinhphung"))
                .findFirst().orElseThrow().id();
        Optional<Page> theirs = db.read(TenantScope.of(dept), ctx -> repository.findByTenantIdAndLanguageAndSlug(
                other, "vi", "gioi-thieu"));
        assertThat(theirs).isEmpty();
    }

    @Test
    void aRepositoryCalledOutsideTenantDbSeesNothing() {
        long dept = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .flatMap(p -> directory.snapshot().children(p.id()).stream())
                .filter(t -> t.subdomain().equals("sotaichinh")).findFirst().orElseThrow().id();
        assertThat(repository.findByTenantIdAndLanguageAndSlug(dept, "vi", "gioi-thieu")).isEmpty();
    }

    @Test
    void scopesDoNotNest() {
        var ids = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .flatMap(p -> directory.snapshot().children(p.id()).stream()).limit(2).toList();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.read(TenantScope.of(ids.get(0).id()),
                        ctx -> db.read(TenantScope.of(ids.get(1).id()), inner -> 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not nest");
        int same = db.read(TenantScope.of(ids.get(0).id()), ctx -> db.read(TenantScope.of(ids.get(0).id()), inner -> 1));
        assertThat(same).isEqualTo(1);
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
