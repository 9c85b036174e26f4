package vn.gov.portal.infra.db;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The tenants one transaction may see: one site, or a province board's subtree. There is
 * deliberately no "all tenants" value: cross-tenant reading belongs to the oversight
 * feature's one named door.
 */
public final class TenantScope {
    private final long[] tenantIds;

    private TenantScope(long[] tenantIds) {
        this.tenantIds = tenantIds;
    }

    public static TenantScope of(long tenantId) {
        return new TenantScope(new long[] {tenantId});
    }

    /** A tenant and its descendants, e.g. for the province's board. */
    public static TenantScope subtree(Collection<Long> tenantIds) {
        if (tenantIds.isEmpty()) {
            throw new IllegalArgumentException("A scope needs at least one tenant");
        }
        return new TenantScope(tenantIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray());
    }

    /** The PostgreSQL array literal the policy reads from app.tenants. */
    public String asSetting() {
        return Arrays.stream(tenantIds).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public String toString() {
        return "TenantScope" + asSetting();
    }
}
