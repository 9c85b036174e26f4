package vn.gov.portal.architecture.widescope;

import java.util.List;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;

/**
 * What the wide-scope rules must refuse, kept in the test tree (never in the application): a
 * feature assembling its own cross-tenant scope, and one opening a widening transaction.
 */
public final class FeatureBuildingItsOwnScope {
    private FeatureBuildingItsOwnScope() {
    }

    public static TenantScope twoProvincesAtOnce(long one, long other) {
        return TenantScope.subtree(List.of(one, other));
    }

    public static void widensItself(TenantDb db) {
        db.provision((ctx, enter) -> {
            enter.accept(TenantScope.of(1L));
            return null;
        });
    }
}
