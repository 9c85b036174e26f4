package vn.gov.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** The demo province is Thái Nguyên's real 2025 list, with its codes, and the label collision caught. */
@SharedApplication
class DemoProvinceTest extends PortalTest {
    @Inject
    TenantDirectory directory;

    private Tenant province() {
        return directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen")).findFirst()
                .orElseThrow();
    }

    @Test
    void everyUnitOfTheListIsASiteOfTheProvince() {
        Tenant province = province();
        assertThat(province.name()).isEqualTo("Tỉnh Thái Nguyên");
        assertThat(province.adminCode()).isEqualTo("19");
        // The units of the official list, by name: tests that ran before may have added sites of their own.
        java.util.Set<String> listed = officialNames();
        Map<TenantKind, Long> byKind = directory.snapshot().children(province.id()).stream()
                .filter(t -> listed.contains(t.name()))
                .collect(Collectors.groupingBy(Tenant::kind, Collectors.counting()));
        assertThat(byKind).containsEntry(TenantKind.DEPARTMENT, 14L).containsEntry(TenantKind.WARD, 15L)
                .containsEntry(TenantKind.COMMUNE, 77L);
    }

    @Test
    void communesCarryTheirOfficialCodes() {
        var pdp = directory.snapshot().children(province().id()).stream()
                .filter(t -> t.subdomain().equals("phandinhphung")).findFirst().orElseThrow();
        assertThat(pdp.adminCode()).isEqualTo("05443");
        assertThat(pdp.kind()).isEqualTo(TenantKind.WARD);
        assertThat(pdp.theme()).isEqualTo("commune");
    }

    @Test
    void vanLangAndVanLangFoldToOneLabelAndTheCheckRefusesIt() throws java.io.IOException {
        List<DemoProvince.Unit> units;
        try (var in = getClass().getClassLoader().getResourceAsStream("demo/thainguyen_units.csv")) {
            units = DemoProvince.Unit.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        var raw = units.stream().filter(u -> !u.kind().equals("province"))
                .map(u -> new TenantProvisioning.NewSite(TenantKind.valueOf(u.kind().toUpperCase()), u.subdomain(),
                        u.name(), u.code(), null, null)).toList();
        assertThat(TenantProvisioning.check(raw)).singleElement()
                .satisfies(r -> {
                    assertThat(r.subdomain()).isEqualTo("vanlang");
                    assertThat(r.rule()).startsWith("duplicate of row");
                });
        var sites = directory.snapshot().children(province().id());
        assertThat(sites).noneMatch(t -> t.subdomain().equals("vanlang"));
        assertThat(sites).filteredOn(t -> t.subdomain().startsWith("vanlang-"))
                .extracting(Tenant::name).containsExactlyInAnyOrder("Xã Văn Lăng", "Xã Văn Lang");
    }

    @Test
    void namesAreStoredInNfc() {
        for (Tenant t : directory.snapshot().children(province().id())) {
            assertThat(java.text.Normalizer.isNormalized(t.name(), java.text.Normalizer.Form.NFC)).as(t.name()).isTrue();
        }
    }

    @Test
    void theDirectoryIsInVietnameseAlphabeticalOrder() {
        List<String> communes = directory.snapshot().children(province().id()).stream()
                .filter(t -> t.kind() == TenantKind.COMMUNE).map(Tenant::name).toList();
        assertThat(communes.indexOf("Xã Bạch Thông")).isLessThan(communes.indexOf("Xã Bình Yên"));
        assertThat(communes.indexOf("Xã Dân Tiến")).isLessThan(communes.indexOf("Xã Đại Từ"));
        assertThat(communes.indexOf("Xã Đại Từ")).isLessThan(communes.indexOf("Xã Hợp Thành"));
    }

    private static java.util.Set<String> officialNames() {
        try (var in = DemoProvinceTest.class.getResourceAsStream("/demo/thainguyen_units.csv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                    // the name is the second field, quoted where it holds a comma ("Sở Văn hóa, Thể thao và Du lịch")
                    .map(line -> line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[1].replace("\"", ""))
                    .collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
