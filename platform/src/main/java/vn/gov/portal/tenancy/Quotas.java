package vn.gov.portal.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a site may use: stored bytes (originals and their variants), seats on its
 * board, uploads a day. Defaults by kind (a commune publishes less than a department, the
 * province most), overridden per site by the province; the row holds NULL for "the default".
 */
public final class Quotas {
    private static final long GB = 1024L * 1024 * 1024;

    private Quotas() {
    }

    @Serdeable
    public record Quota(long storageBytes, int members, int uploadsPerDay) {
    }

    public static Quota defaults(TenantKind kind) {
        return switch (kind) {
            case PROVINCE -> new Quota(20 * GB, 200, 500);
            case DEPARTMENT, DISTRICT -> new Quota(5 * GB, 50, 200);
            case COMMUNE, WARD -> new Quota(2 * GB, 25, 100);
        };
    }

    /** The defaults of the kind, with the site's own overrides where it has them. */
    public static Quota effective(TenantKind kind, @Nullable Long storageBytes, @Nullable Integer members,
                                  @Nullable Integer uploadsPerDay) {
        Quota d = defaults(kind);
        return new Quota(storageBytes != null ? storageBytes : d.storageBytes(),
                members != null ? members : d.members(), uploadsPerDay != null ? uploadsPerDay : d.uploadsPerDay());
    }
}
