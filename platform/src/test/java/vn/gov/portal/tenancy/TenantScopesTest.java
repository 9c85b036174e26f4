package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Each wide scope accessor gives exactly the tenants its use needs, and refuses one that would
 * reach into another province (or, for proposals, outside a parent and its child).
 */
@SharedApplication
class TenantScopesTest extends PortalTest {
    @Inject
    TenantScopes scopes;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    private Tenant flat;
    private Tenant flatDepartment;
    private Tenant flatCommune;
    private Tenant nested;
    private Tenant district;
    private Tenant nestedCommune;

    @BeforeAll
    void twoProvinces() {
        flat = province(Fixtures.flatProvince(provisioning, "cuaphang"));
        flatDepartment = directory.snapshot().child(flat.id(), "so");
        flatCommune = directory.snapshot().child(flat.id(), "xa");
        nested = province(Fixtures.nestedProvince(provisioning, "cualong"));
        district = directory.snapshot().child(nested.id(), "huyen");
        nestedCommune = directory.snapshot().child(district.id(), "xa");
    }

    private Tenant province(String domain) {
        return directory.snapshot().provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
    }

    private static String ids(Tenant... tenants) {
        return Arrays.stream(tenants).map(Tenant::id).sorted().map(String::valueOf)
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Test
    void theProvinceBoardSeesItsWholeTreeAndOnlyAProvinceHasOne() {
        assertThat(scopes.provinceBoard(nested).asSetting()).isEqualTo(ids(nested, district, nestedCommune));
        assertThat(scopes.provinceBoard(flat).asSetting()).isEqualTo(ids(flat, flatDepartment, flatCommune));
        assertThatThrownBy(() -> scopes.provinceBoard(district)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSiteIsSeenWithItsProvinceNotItsParent() {
        assertThat(scopes.siteAndProvince(nestedCommune).asSetting()).isEqualTo(ids(nested, nestedCommune));
        assertThat(scopes.siteAndProvince(flat).asSetting()).isEqualTo(ids(flat));
    }

    @Test
    void aProposalScopeJoinsAParentToItsOwnChildOnly() {
        assertThat(scopes.siteAndParent(district, nestedCommune.id()).asSetting())
                .isEqualTo(ids(district, nestedCommune));
        // The province is not the nested commune's parent, and another province's site is no one's child here.
        assertThatThrownBy(() -> scopes.siteAndParent(nested, nestedCommune.id()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scopes.siteAndParent(flat, nestedCommune.id()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sitesOfOneProvinceRefuseASiteOfAnother() {
        assertThat(scopes.sitesOfOneProvince(List.of(flatCommune, flat)).asSetting())
                .isEqualTo(ids(flat, flatCommune));
        assertThat(scopes.sitesOfOneProvince(List.of(nestedCommune)).asSetting()).isEqualTo(ids(nestedCommune));
        assertThatThrownBy(() -> scopes.sitesOfOneProvince(List.of(flatCommune.id(), nestedCommune.id())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scopes.sitesOfOneProvince(List.of(flat.id(), -1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMergeNeverCrossesProvinces() {
        assertThat(scopes.mergingSites(flatCommune, flatDepartment).asSetting())
                .isEqualTo(ids(flatDepartment, flatCommune));
        assertThatThrownBy(() -> scopes.mergingSites(flatCommune, nestedCommune))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePlatformOverviewReadsWholeProvincesOnly() {
        assertThat(scopes.platformOverview(List.of(flat, nested)).asSetting())
                .isEqualTo(ids(flat, flatDepartment, flatCommune, nested, district, nestedCommune));
        assertThatThrownBy(() -> scopes.platformOverview(List.of(flat, district)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newSitesAreTenancysOwnScope() {
        TenantScope created = TenantScopes.newSites(List.of(flatCommune.id(), flatDepartment.id()));
        assertThat(created.asSetting()).isEqualTo(ids(flatCommune, flatDepartment));
    }
}
