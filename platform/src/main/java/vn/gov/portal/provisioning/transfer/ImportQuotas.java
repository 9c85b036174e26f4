package vn.gov.portal.provisioning.transfer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import org.jooq.DSLContext;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.media.MediaService;
import vn.gov.portal.tenancy.Quotas;
import vn.gov.portal.tenancy.TenantKind;

/**
 * The quotas an imported site gets: the kind's defaults, or what the importer sets (null: the
 * default). Never the archive's own values: a quota is the province's decision, not the exporter's.
 */
public record ImportQuotas(@Nullable Long storageBytes, @Nullable Integer members) {
    private static final long MB = 1024L * 1024;

    public static ImportQuotas of(@Nullable Long storageBytes, @Nullable Integer members) {
        if (storageBytes != null && storageBytes < 0 || members != null && members < 0) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.quota-invalid", "quota");
        }
        return new ImportQuotas(storageBytes, members);
    }

    /**
     * Refuses the import when the site, now written, uses more than these quotas: its stored bytes
     * (as re-measured from the files, not as the archive listed them) and its seats.
     */
    void check(DSLContext ctx, TenantKind kind, long siteId) {
        var quota = Quotas.effective(kind, storageBytes, members, null);
        long used = MediaService.usedBytes(ctx, siteId);
        if (used > quota.storageBytes()) {
            throw Archive.refuse("quota-storage", used + " bytes over a quota of " + quota.storageBytes(),
                    (used + MB - 1) / MB, quota.storageBytes() / MB);
        }
        int seated = Accounts.members(ctx, siteId);
        if (seated > quota.members()) {
            throw Archive.refuse("quota-members", seated + " members over a quota of " + quota.members(),
                    seated, quota.members());
        }
    }
}
