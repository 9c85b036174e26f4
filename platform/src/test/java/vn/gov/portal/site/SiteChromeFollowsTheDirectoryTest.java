package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;

/**
 * The parts every page of a site shares (SiteChrome: header, menu, footer, the province's
 * directory) are rendered once and kept; a change to the site or the directory shows on the next
 * page rendered, including pages rendered for the first time, which the page cache never held.
 */
@MicronautTest(transactional = false)
class SiteChromeFollowsTheDirectoryTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    @Test
    void aRenamedSiteShowsItsNewNameOnItsNextPagesAndInTheProvinceDirectory() {
        String domain = Fixtures.flatProvince(provisioning, "chrome");
        String department = "so." + domain;
        assertThat(get(department, "/gioi-thieu").body()).contains("<span class=\"agency\">Sở Thử nghiệm</span>");
        assertThat(get(domain, "/").body()).contains(">Sở Thử nghiệm</a>");

        Fixtures.ownerSql(directory, "UPDATE tenants SET name = 'Sở Đã Đổi Tên', updated_at = now() "
                + "WHERE subdomain = 'so' AND parent_id = (SELECT id FROM tenants WHERE base_domains @> "
                + "ARRAY['" + domain + "'])");

        String neverRendered = get(department, "/lien-he").body();
        assertThat(neverRendered).contains("<span class=\"agency\">Sở Đã Đổi Tên</span>")
                .doesNotContain("Sở Thử nghiệm");
        assertThat(get(department, "/gioi-thieu").body()).contains("<span class=\"agency\">Sở Đã Đổi Tên</span>");
        assertThat(get(domain, "/").body()).contains(">Sở Đã Đổi Tên</a>").doesNotContain("Sở Thử nghiệm");
        assertThat(get(domain, "/so-do-cong").body()).contains(">Sở Đã Đổi Tên</a>");
    }

    @Test
    void aNewMenuEntryAndFooterShowOnTheNextPage() {
        String domain = Fixtures.flatProvince(provisioning, "menu");
        String commune = "xa." + domain;
        assertThat(get(commune, "/").body()).doesNotContain("/van-ban-moi");

        Fixtures.ownerSql(directory, "UPDATE tenants SET menu_labels = '{Văn bản mới}', menu_urls = '{/van-ban-moi}', "
                + "footer_phone = '0208 000 111', updated_at = now() WHERE subdomain = 'xa' AND parent_id = "
                + "(SELECT id FROM tenants WHERE base_domains @> ARRAY['" + domain + "'])");

        for (String path : new String[] {"/", "/so-do-cong", "/kenh-thong-tin"}) {
            String page = get(commune, path).body();
            assertThat(page).as(path).contains("<a href=\"/van-ban-moi\">Văn bản mới</a>", "0208 000 111");
        }
    }

    @Test
    void eachLanguageAndHostFormHasItsOwnLinks() {
        String vi = get(DEPARTMENT, "/gioi-thieu").body();
        String en = get(DEPARTMENT, "/en/gioi-thieu").body();
        String port = get(DEPARTMENT + ":8080", "/gioi-thieu").body();
        assertThat(vi).contains("<a href=\"/lien-he\">", "href=\"//thainguyen.localhost/\"");
        assertThat(en).contains("<a href=\"/en/lien-he\">", "href=\"//thainguyen.localhost/en/\"")
                .doesNotContain("<a href=\"/lien-he\">");
        assertThat(port).contains("href=\"//thainguyen.localhost:8080/\"");
    }
}
