package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resolution rules of DESIGN.md on a hand-built directory: no database needed. */
class HostResolutionTest {
    private static final Tenant.Branding NONE = Tenant.Branding.footer(null, null, null, null, null, null, null);
    private final List<Tenant> tenants = new ArrayList<>();
    private final List<DirectorySnapshot.ExtraHost> hosts = new ArrayList<>();

    private Tenant add(long id, Long parent, TenantKind kind, TenantStatus status, String label, Long mergedInto,
                       List<String> baseDomains) {
        Tenant t = new Tenant(id, parent, kind, status, label, "Tenant " + label, null, null, null, null,
                kind.defaultTheme(), List.of("vi"), baseDomains, parent == null ? 1L : null, mergedInto, NONE,
                true, OffsetDateTime.now());
        tenants.add(t);
        return t;
    }

    private DirectorySnapshot snapshot;

    private DirectorySnapshot directory() {
        if (snapshot != null) {
            return snapshot;
        }
        add(1, null, TenantKind.PROVINCE, TenantStatus.ACTIVE, "thainguyen", null,
                List.of("thainguyen.gov.vn", "thainguyen.localhost"));
        add(2, 1L, TenantKind.DEPARTMENT, TenantStatus.ACTIVE, "sotaichinh", null, List.of());
        add(3, 1L, TenantKind.COMMUNE, TenantStatus.SUSPENDED, "tamngung", null, List.of());
        add(4, 1L, TenantKind.COMMUNE, TenantStatus.MERGED, "cu", 5L, List.of());
        add(5, 1L, TenantKind.COMMUNE, TenantStatus.ACTIVE, "moi", null, List.of());
        add(6, 1L, TenantKind.COMMUNE, TenantStatus.REQUESTED, "choduyet", null, List.of());
        add(10, null, TenantKind.PROVINCE, TenantStatus.ACTIVE, "bacgiang", null, List.of("bacgiang.gov.vn"));
        add(11, 10L, TenantKind.DISTRICT, TenantStatus.ACTIVE, "yendung", null, List.of());
        add(12, 11L, TenantKind.COMMUNE, TenantStatus.ACTIVE, "tanan", null, List.of());
        add(20, null, TenantKind.PROVINCE, TenantStatus.ACTIVE, "vinhphuc", null, List.of("vinhphuc.gov.vn"));
        hosts.add(new DirectorySnapshot.ExtraHost("vinhphuc.vn", 20, HostPurpose.ALIAS, null));
        hosts.add(new DirectorySnapshot.ExtraHost("english.vinhphuc.gov.vn", 20, HostPurpose.LANGUAGE, "en"));
        hosts.add(new DirectorySnapshot.ExtraHost("taichinh.thainguyen.gov.vn", 2, HostPurpose.FORMER, null));
        snapshot = new DirectorySnapshot(tenants, hosts, "v1");
        return snapshot;
    }

    private Resolution resolve(String host) {
        return HostResolver.resolveUncached(host, directory());
    }

    @Test
    void provinceAndComponentSitesResolveUnderEveryBaseDomain() {
        assertThat(resolve("thainguyen.gov.vn")).isEqualTo(found(1, "vi", "thainguyen.gov.vn"));
        assertThat(resolve("sotaichinh.thainguyen.localhost:8080")).isEqualTo(found(2, "vi", "thainguyen.localhost"));
        assertThat(resolve("SOTAICHINH.thainguyen.gov.vn.")).isEqualTo(found(2, "vi", "thainguyen.gov.vn"));
    }

    @Test
    void districtNestedCommunesWalkTheTree() {
        assertThat(resolve("tanan.yendung.bacgiang.gov.vn")).isEqualTo(found(12, "vi", "bacgiang.gov.vn"));
        assertThat(resolve("yendung.bacgiang.gov.vn")).isEqualTo(found(11, "vi", "bacgiang.gov.vn"));
        assertThat(resolve("tanan.bacgiang.gov.vn")).isInstanceOf(Resolution.Unknown.class);
    }

    @Test
    void aliasesAndLanguageHostsAreExactRows() {
        assertThat(resolve("vinhphuc.vn")).isEqualTo(found(20, "vi", "vinhphuc.gov.vn"));
        assertThat(resolve("english.vinhphuc.gov.vn")).isEqualTo(found(20, "en", "vinhphuc.gov.vn"));
    }

    @Test
    void formerAndMergedHostsMoveToTheLivingSiteUnderTheSameDomain() {
        assertThat(resolve("taichinh.thainguyen.gov.vn")).isEqualTo(new Resolution.Moved("sotaichinh.thainguyen.gov.vn"));
        assertThat(resolve("cu.thainguyen.localhost")).isEqualTo(new Resolution.Moved("moi.thainguyen.localhost"));
    }

    @Test
    void suspendedIsUnavailableAndRequestedDoesNotExistYet() {
        assertThat(resolve("tamngung.thainguyen.gov.vn")).isInstanceOf(Resolution.Suspended.class);
        assertThat(resolve("choduyet.thainguyen.gov.vn")).isInstanceOf(Resolution.Unknown.class);
    }

    @Test
    void nothingFallsBackToADefaultTenant() {
        assertThat(resolve("nope.localhost")).isInstanceOf(Resolution.Unknown.class);
        assertThat(resolve("localhost")).isInstanceOf(Resolution.Unknown.class);
        assertThat(resolve("nope.thainguyen.gov.vn")).isInstanceOf(Resolution.Unknown.class);
        assertThat(resolve("evilthainguyen.gov.vn")).isInstanceOf(Resolution.Unknown.class);
        assertThat(resolve("a.sotaichinh.thainguyen.gov.vn")).isInstanceOf(Resolution.Unknown.class);
        assertThat(resolve("bad_host!")).isInstanceOf(Resolution.BadHost.class);
    }

    private Resolution found(long id, String lang, String baseDomain) {
        directory();
        Tenant t = tenants.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        return new Resolution.Found(t, lang, baseDomain);
    }
}
