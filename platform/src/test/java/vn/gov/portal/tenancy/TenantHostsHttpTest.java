package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** The acceptance lines of the foundation, over HTTP, as a visitor's browser would ask. */
@SharedApplication
class TenantHostsHttpTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    @Test
    void provinceHomeNamesTheProvinceAndListsItsSitesByKind() {
        var r = get(PROVINCE, "/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body()).contains("Thái Nguyên", "Sở, ban, ngành", "Phường", "Xã", "Sở Tài chính",
                "Phường Phan Đình Phùng", "//sotaichinh.thainguyen.localhost/");
    }

    @Test
    void departmentAndCommuneHomesNameTheirUnitAndLinkToTheProvince() {
        var dept = get(DEPARTMENT, "/");
        assertThat(dept.statusCode()).isEqualTo(200);
        assertThat(dept.body()).contains("Sở Tài chính", "//thainguyen.localhost/", "Tỉnh Thái Nguyên");
        var commune = get(COMMUNE + ":8080", "/");
        assertThat(commune.statusCode()).isEqualTo(200);
        assertThat(commune.body()).contains("Phường Phan Đình Phùng", "//thainguyen.localhost:8080/");
    }

    @Test
    void theSameSiteAnswersUnderASecondBaseDomain() {
        var r = get("SoTaiChinh.ThaiNguyen.Gov.localhost.", "/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Sở Tài chính", "//thainguyen.gov.localhost/");
    }

    @Test
    void unknownHostIs404AndNamesNoTenant() {
        var r = get("nope.localhost", "/");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Không");
        for (Tenant t : directory.snapshot().children(directory.snapshot().provinces().getFirst().id())) {
            assertThat(r.body()).doesNotContain(t.name());
        }
        assertThat(r.body()).doesNotContain("Thái Nguyên", "thainguyen");
        assertThat(get("nope.thainguyen.localhost", "/").statusCode()).isEqualTo(404);
    }

    @Test
    void invalidHostIs400() {
        assertThat(get("bad_host!", "/").statusCode()).isEqualTo(400);
        assertThat(get("a..b", "/gioi-thieu").statusCode()).isEqualTo(400);
    }

    @Test
    void healthAnswersJsonOnAnyHost() {
        for (String host : new String[] {PROVINCE, "nope.localhost", "bad_host!", "127.0.0.1"}) {
            var r = get(host, "/health");
            assertThat(r.statusCode()).as(host).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(r.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void suspendedSiteIs503NamingTheProvinceToContact() {
        String domain = Fixtures.flatProvince(provisioning, "tamngung");
        Fixtures.ownerSql(directory, "UPDATE tenants SET status = 'SUSPENDED', updated_at = now() "
                + "WHERE subdomain = 'so' AND parent_id = (SELECT id FROM tenants WHERE base_domains[1] = '" + domain + "')");
        var r = get("so." + domain, "/gioi-thieu");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("Sở Thử nghiệm", "tạm ngừng", "Tỉnh tamngung");
        assertThat(get("xa." + domain, "/").statusCode()).isEqualTo(200);
    }

    @Test
    void renamedSiteKeepsItsOldAddressAs301WithThePath() {
        String domain = Fixtures.flatProvince(provisioning, "doiten");
        Fixtures.ownerSql(directory, "WITH s AS (UPDATE tenants SET subdomain = 'somoi', updated_at = now() "
                + "WHERE subdomain = 'so' AND parent_id = (SELECT id FROM tenants WHERE base_domains[1] = '" + domain
                + "') RETURNING id) INSERT INTO tenant_hosts (host, tenant_id, purpose) SELECT 'so." + domain
                + "', id, 'FORMER' FROM s");
        var r = get("so." + domain + ":8080", "/gioi-thieu?x=1");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("http://somoi." + domain + ":8080/gioi-thieu?x=1");
        assertThat(get("somoi." + domain, "/gioi-thieu").statusCode()).isEqualTo(200);
    }

    @Test
    void mergedSiteRedirectsToTheSiteItWasMergedInto() {
        String domain = Fixtures.flatProvince(provisioning, "sapnhap");
        Fixtures.ownerSql(directory, "UPDATE tenants SET status = 'MERGED', updated_at = now(), merged_into_id = "
                + "(SELECT id FROM tenants WHERE subdomain = 'so' AND parent_id = p.id) FROM tenants p "
                + "WHERE p.base_domains[1] = '" + domain + "' AND tenants.parent_id = p.id AND tenants.subdomain = 'xa'");
        var r = get("xa." + domain, "/a/b");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("http://so." + domain + "/a/b");
    }

    @Test
    void districtNestedCommuneIsServedAtItsFifthLevelHost() {
        String domain = Fixtures.nestedProvince(provisioning, "longnhau");
        var r = get("xa.huyen." + domain, "/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Xã Lồng nhau", "//huyen." + domain + "/");
        assertThat(get("xa." + domain, "/").statusCode()).isEqualTo(404);
    }

    @Test
    void aNewSiteServesWithoutRestart() {
        String domain = Fixtures.flatProvince(provisioning, "moi");
        assertThat(get("so." + domain, "/").statusCode()).isEqualTo(200);
    }
}
