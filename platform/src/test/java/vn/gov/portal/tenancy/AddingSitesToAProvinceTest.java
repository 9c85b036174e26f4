package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Sites added to an existing province are real sites; a label already taken there refuses the batch. */
@SharedApplication
class AddingSitesToAProvinceTest extends PortalTest {
    private static final Tenant.Branding PLAIN = Tenant.Branding.footer(null, null, "Cơ quan thử nghiệm", null, null,
            null, null);

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    private Tenant province(String domain) {
        return directory.snapshot().provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
    }

    @Test
    void addedSitesServeOnTheirOwnHostsInTheOrderGiven() {
        String domain = Fixtures.flatProvince(provisioning, "them");
        List<Long> ids = provisioning.addSites(province(domain).id(), List.of(
                new TenantProvisioning.NewSite(TenantKind.WARD, "phuongmoi", "Phường Mới", null, null, PLAIN),
                new TenantProvisioning.NewSite(TenantKind.DEPARTMENT, "somoi", "Sở Mới", null, null, PLAIN)), "test");
        assertThat(ids).hasSize(2);
        assertThat(directory.snapshot().byId(ids.get(0)).subdomain()).isEqualTo("phuongmoi");
        assertThat(directory.snapshot().byId(ids.get(1)).theme()).isEqualTo("department");
        assertThat(get("phuongmoi." + domain, "/").statusCode()).isEqualTo(200);
        assertThat(get("somoi." + domain, "/gioi-thieu").statusCode()).isEqualTo(200);
    }

    @Test
    void aLabelTakenUnderTheProvinceRefusesTheWholeBatch() {
        String domain = Fixtures.flatProvince(provisioning, "trung");
        int before = directory.snapshot().size();
        assertThatThrownBy(() -> provisioning.addSites(province(domain).id(), List.of(
                new TenantProvisioning.NewSite(TenantKind.COMMUNE, "xamoi", "Xã Mới", null, null, PLAIN),
                new TenantProvisioning.NewSite(TenantKind.COMMUNE, "xa", "Xã Trùng", null, null, PLAIN)), "test"))
                .isInstanceOfSatisfying(TenantProvisioning.BatchRefused.class, e -> assertThat(e.refusals())
                        .singleElement().satisfies(r -> {
                            assertThat(r.row()).isEqualTo(2);
                            assertThat(r.rule()).isEqualTo("taken");
                        }));
        assertThat(directory.snapshot().size()).isEqualTo(before);
    }
}
