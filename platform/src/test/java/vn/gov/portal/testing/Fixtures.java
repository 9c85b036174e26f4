package vn.gov.portal.testing;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;

/**
 * Extra tenants for tests that change a tenant's state, so the shared demo province stays as
 * it is. Each fixture province gets its own base domain, {@code <name>N.test}.
 */
public final class Fixtures {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Tenant.Branding PLAIN = Tenant.Branding.footer(null, null, "Cơ quan thử nghiệm", null, null,
            null, null);

    private Fixtures() {
    }

    /** A province with a department "so" and a commune "xa" directly under it; returns its base domain. */
    public static String flatProvince(TenantProvisioning provisioning, String name) {
        return flatProvince(provisioning, name, List.of("vi"));
    }

    /** The same, offering these languages (Vietnamese first). */
    public static String flatProvince(TenantProvisioning provisioning, String name, List<String> languages) {
        String label = name + SEQ.incrementAndGet();
        String domain = label + ".test";
        provisioning.createProvince(new TenantProvisioning.NewProvince(label, "Tỉnh " + label, null,
                List.of(domain), "TN-2026", languages, PLAIN), List.of(
                new TenantProvisioning.NewSite(TenantKind.DEPARTMENT, "so", "Sở Thử nghiệm", null, null, PLAIN),
                new TenantProvisioning.NewSite(TenantKind.COMMUNE, "xa", "Xã Thử nghiệm", null, null, PLAIN)),
                "test");
        return domain;
    }

    /** A Bắc Giang-style province: district "huyen" with commune "xa" under it. */
    public static String nestedProvince(TenantProvisioning provisioning, String name) {
        String label = name + SEQ.incrementAndGet();
        String domain = label + ".test";
        provisioning.createProvince(new TenantProvisioning.NewProvince(label, "Tỉnh " + label, null,
                List.of(domain), "BG-2023", List.of("vi"), PLAIN), List.of(
                new TenantProvisioning.NewSite(TenantKind.DISTRICT, "huyen", "Huyện Thử nghiệm", null, null, PLAIN),
                new TenantProvisioning.NewSite(TenantKind.COMMUNE, "xa", "Xã Lồng nhau", null, "huyen", PLAIN)),
                "test");
        return domain;
    }

    /** A site of a fixture province by its subdomain ("so", "xa", "huyen"), or the province itself for null. */
    public static Tenant site(TenantDirectory directory, String domain, String subdomain) {
        String label = domain.substring(0, domain.indexOf('.'));
        var snapshot = directory.snapshot();
        Tenant province = snapshot.provinces().stream().filter(p -> p.subdomain().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no fixture province " + domain));
        return subdomain == null ? province : snapshot.child(province.id(), subdomain);
    }

    /**
     * An account holding {@code role} on {@code site}, made through the product, with the demo
     * password so that {@code PortalTest.token} signs it in; its username is the caller's to
     * keep unique (prefix it with the province's label).
     */
    public static long member(Accounts accounts, Tenant site, String username, Role role) {
        long account = accounts.create(username, username, null, PortalTest.DEMO_PASSWORD, null);
        accounts.grant(site.id(), account, role, "test");
        return account;
    }

    /** Runs SQL as the schema owner (lifecycle changes have no service yet), then refreshes the directory. */
    public static void ownerSql(TenantDirectory directory, String sql) {
        try (var c = TestDatabase.get().owner(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        directory.reload();
    }
}
