package vn.gov.portal.provisioning.maintenance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;

/** One planned stop of some or all of a province's sites. {@code tenantIds} null: all of them. */
@Serdeable
public record MaintenanceWindow(long id, long provinceId, @Nullable List<Long> tenantIds, Instant startsAt,
                                Instant endsAt, String reason, Instant announcedAt, String announcedBy,
                                @Nullable Instant cancelledAt) {

    public enum Phase {
        /** Announced, not begun: the notice shows. */
        ANNOUNCED,
        /** Under way: the static copy serves. */
        ACTIVE,
        /** Over or cancelled. */
        OVER
    }

    public Phase phase(Instant now) {
        if (cancelledAt != null || !now.isBefore(endsAt)) {
            return Phase.OVER;
        }
        return now.isBefore(startsAt) ? Phase.ANNOUNCED : Phase.ACTIVE;
    }

    public boolean covers(Tenant site, DirectorySnapshot dir) {
        if (tenantIds != null) {
            return tenantIds.contains(site.id());
        }
        return dir.provinceOf(site).id() == provinceId;
    }
}
