package vn.gov.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
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
 * The back office's title search runs over every article of the site in the database: the
 * oldest of 211 articles (written through the API) is found by its title typed without marks,
 * the list pages 50 at a time keeping the search, and another site's board does not find it.
 * Before, the search filtered the newest 200 articles in memory and could not find this one.
 */
@SharedApplication
class OldArticlesAreFoundByTitleTest extends PortalTest {
    private static final String OLDEST = "Thuế đất phố Phan Đình Phùng: thông báo đầu tiên";
    private static final int LATER = 210;

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String so;
    private String xa;
    private String soWriter;
    private String xaWriter;

    @BeforeAll
    void aSiteWithMoreThanTwoHundredArticles() {
        String domain = Fixtures.flatProvince(provisioning, "timtieude");
        so = "so." + domain;
        xa = "xa." + domain;
        String label = domain.substring(0, domain.indexOf('.'));
        var province = directory.snapshot().provinces().stream().filter(p -> (p.subdomain() + ".test").equals(domain))
                .findFirst().orElseThrow();
        soWriter = label + ".so.bientap";
        xaWriter = label + ".xa.bientap";
        accounts.grant(directory.snapshot().child(province.id(), "so").id(),
                accounts.create(soWriter, "Biên tập viên sở", null, DEMO_PASSWORD, null), Role.EDITOR, "test");
        accounts.grant(directory.snapshot().child(province.id(), "xa").id(),
                accounts.create(xaWriter, "Biên tập viên xã", null, DEMO_PASSWORD, null), Role.EDITOR, "test");
        String token = token(so, soWriter);
        var first = api(so, token, "POST", "/api/v1/articles", "{\"title\":\"" + OLDEST + "\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        for (int i = 1; i <= LATER; i++) {
            var r = api(so, token, "POST", "/api/v1/articles", "{\"title\":\"Tin hoạt động số " + i + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    private String list(String host, String who, String query) {
        var r = get(host, "/admin/bai-viet" + query, "Cookie", "portal_session=" + token(host, who));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theOldestArticleIsFoundByItsTitleWithoutMarks() {
        String page = list(so, soWriter, "?q=phan+dinh+phung");
        assertThat(page).contains(OLDEST).doesNotContain("Tin hoạt động số");
        assertThat(list(so, soWriter, "?q=THUẾ+ĐẤT&trangThai=DRAFT")).contains(OLDEST);
        assertThat(list(so, soWriter, "?q=phan+dinh+phung&trangThai=PUBLISHED")).doesNotContain(OLDEST);
    }

    @Test
    void theListPagesFiftyAtATimeAndKeepsTheSearch() {
        String first = list(so, soWriter, "");
        assertThat(first).contains("1–50 trên tổng số 211", "Tin hoạt động số 210").doesNotContain(OLDEST);
        String last = list(so, soWriter, "?trang=5");
        assertThat(last).contains("201–211 trên tổng số 211", OLDEST);
        assertThat(list(so, soWriter, "?q=hoat+dong")).contains("1–50 trên tổng số 210", "?q=hoat+dong&amp;trang=2");
    }

    @Test
    void aPercentSignIsACharacterNotAWildcard() {
        assertThat(list(so, soWriter, "?q=%25")).doesNotContain(OLDEST, "Tin hoạt động số");
    }

    @Test
    void anotherSitesBoardDoesNotFindIt() {
        assertThat(list(xa, xaWriter, "?q=phan+dinh+phung")).doesNotContain(OLDEST);
    }
}
