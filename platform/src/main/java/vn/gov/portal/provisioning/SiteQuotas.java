package vn.gov.portal.provisioning;

import static vn.gov.portal.db.Tables.TENANTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.media.MediaService;
import vn.gov.portal.tenancy.Quotas;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/** A site's quotas and what it uses of them, for its own admin and for the province. */
@Singleton
public class SiteQuotas {
    private final TenantDb db;
    private final TenantDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    public SiteQuotas(TenantDb db, TenantDirectory directory, AuditLog audit, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    public record Used(long storageBytes, int members, int uploadsToday) {
    }

    /** The quota in force, which parts are the kind's defaults, and the use. */
    @Serdeable
    public record Usage(Quotas.Quota quota, Quotas.Quota defaults, Used used) {
    }

    /** An override; a null field keeps the current value, a negative one is refused. */
    @Serdeable
    public record Change(@Nullable Long storageBytes, @Nullable Integer members, @Nullable Integer uploadsPerDay,
                         @Nullable Boolean resetToDefaults) {
    }

    public Usage usage(Tenant site) {
        return db.read(TenantScope.of(site.id()), ctx -> {
            var row = ctx.select(TENANTS.STORAGE_QUOTA_BYTES, TENANTS.MEMBER_QUOTA, TENANTS.DAILY_UPLOAD_QUOTA)
                    .from(TENANTS).where(TENANTS.ID.eq(site.id())).fetchOne();
            var quota = Quotas.effective(site.kind(), row.value1(), row.value2(), row.value3());
            var used = new Used(MediaService.usedBytes(ctx, site.id()), Accounts.members(ctx, site.id()),
                    MediaService.uploadsToday(ctx, site.id(), ProvinceTime.today(clock)));
            return new Usage(quota, Quotas.defaults(site.kind()), used);
        });
    }

    public void change(Tenant site, Change change, String actor) {
        if (change.storageBytes() != null && change.storageBytes() < 0 || change.members() != null && change.members() < 0
                || change.uploadsPerDay() != null && change.uploadsPerDay() < 0) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.quota-invalid", "quota");
        }
        boolean reset = Boolean.TRUE.equals(change.resetToDefaults());
        db.provision((ctx, enter) -> {
            var update = ctx.update(TENANTS).set(TENANTS.UPDATED_AT, OffsetDateTime.now(clock));
            if (reset) {
                update = update.set(TENANTS.STORAGE_QUOTA_BYTES, (Long) null).set(TENANTS.MEMBER_QUOTA, (Integer) null)
                        .set(TENANTS.DAILY_UPLOAD_QUOTA, (Integer) null);
            }
            if (change.storageBytes() != null) {
                update = update.set(TENANTS.STORAGE_QUOTA_BYTES, change.storageBytes());
            }
            if (change.members() != null) {
                update = update.set(TENANTS.MEMBER_QUOTA, change.members());
            }
            if (change.uploadsPerDay() != null) {
                update = update.set(TENANTS.DAILY_UPLOAD_QUOTA, change.uploadsPerDay());
            }
            update.where(TENANTS.ID.eq(site.id())).execute();
            enter.accept(TenantScope.of(site.id()));
            audit.recordWithDetail(ctx, site.id(), actor, "tenant.quota", "tenant:" + site.id(), null,
                    "{\"storageBytes\":" + change.storageBytes() + ",\"members\":" + change.members()
                            + ",\"uploadsPerDay\":" + change.uploadsPerDay() + ",\"reset\":" + reset + "}");
            return null;
        });
        directory.reload();
    }
}
