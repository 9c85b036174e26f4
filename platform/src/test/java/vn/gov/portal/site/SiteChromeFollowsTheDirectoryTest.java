package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The parts every page of a site shares (SiteChrome: header, menu, footer, the province's
 * directory) are rendered once and kept; a change to the site or the directory shows on the next
 * page rendered, including pages rendered for the first time, which the page cache never held.
 */
@SharedApplication
class SiteChromeFollowsTheDirectoryTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    /** A token of a new site admin of {@code label} ("so", "xa") in the province under {@code domain}. */
    private String siteAdmin(String domain, String label) {
        var province = directory.snapshot().provinces().stream().filter(p -> p.baseDomains().contains(domain))
                .findFirst().orElseThrow();
        String username = domain.replace(".test", "") + "." + label + ".quantri";
        long id = accounts.create(username, "Quản trị " + label, null, DEMO_PASSWORD, null);
        accounts.grant(directory.snapshot().child(province.id(), label).id(), id, Role.SITE_ADMIN, "test");
        return token(label + "." + domain, username);
    }

    /** The board saves its settings (issue 12): name, footer phone and its own menu entries. */
    private void saveSettings(String host, String token, String name, String phone, String extraMenu) {
        var r = api(host, token, "PUT", "/api/v1/site/settings", "{\"name\":\"" + name + "\","
                + "\"footer\":{\"agency\":\"Cơ quan thử nghiệm\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
                + "},\"menu\":[{\"key\":\"home\"},{\"key\":\"about\"},{\"key\":\"public-services\"}" + extraMenu
                + ",{\"key\":\"contact\"},{\"key\":\"sitemap\"},{\"key\":\"search\"},{\"key\":\"parent\"}],"
                + "\"homeBlocks\":[\"featured\",\"latest\",\"categories\",\"pages\"],\"languages\":[\"vi\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aRenamedSiteShowsItsNewNameOnItsNextPagesAndInTheProvinceDirectory() {
        String domain = Fixtures.flatProvince(provisioning, "chrome");
        String department = "so." + domain;
        assertThat(get(department, "/gioi-thieu").body()).contains("<span class=\"agency\">Sở Thử nghiệm</span>");
        assertThat(get(domain, "/").body()).contains(">Sở Thử nghiệm</a>");

        saveSettings(department, siteAdmin(domain, "so"), "Sở Đã Đổi Tên", null, "");

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

        saveSettings(commune, siteAdmin(domain, "xa"), "Xã Thử nghiệm", "0208 000 111",
                ",{\"label\":\"Văn bản mới\",\"url\":\"/van-ban-moi\"}");

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
