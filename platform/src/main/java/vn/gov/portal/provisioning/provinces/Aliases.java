package vn.gov.portal.provisioning.provinces;

import static vn.gov.portal.db.Tables.TENANT_HOSTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.HostPurpose;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Aliases: other domains that serve the same site (VP 2017 Đ2.3: vinhphuc.gov.vn and
 * vinhphuc.vn), added and removed by the province's board, each unique across the
 * platform: never another site's host, a province's domain or the platform host.
 */
@Singleton
public class Aliases {
    private final TenantDb db;
    private final TenantDirectory directory;
    private final Provinces provinces;
    private final AuditLog audit;

    public Aliases(TenantDb db, TenantDirectory directory, Provinces provinces, AuditLog audit) {
        this.db = db;
        this.directory = directory;
        this.provinces = provinces;
        this.audit = audit;
    }

    public List<String> of(Tenant site) {
        return directory.snapshot().hostsOf(site.id(), HostPurpose.ALIAS);
    }

    public List<String> add(Tenant site, @Nullable String alias, String actor) {
        String host = Provinces.hosts(Collections.singletonList(alias)).getFirst();
        if (!provinces.free(directory.snapshot(), host)) {
            throw new ProblemException(HttpStatus.CONFLICT, "province.domain-taken", "domain-taken");
        }
        db.provision((ctx, enter) -> {
            int added = ctx.insertInto(TENANT_HOSTS).set(TENANT_HOSTS.HOST, host).set(TENANT_HOSTS.TENANT_ID, site.id())
                    .set(TENANT_HOSTS.PURPOSE, HostPurpose.ALIAS.name()).onConflictDoNothing().execute();
            if (added == 0) {
                throw new ProblemException(HttpStatus.CONFLICT, "province.domain-taken", "domain-taken");
            }
            enter.accept(TenantScope.of(site.id()));
            audit.record(ctx, site.id(), actor, "tenant.alias_added", "host:" + host, null);
            return null;
        });
        directory.reload();
        return of(directory.snapshot().byId(site.id()));
    }

    public List<String> remove(Tenant site, String alias, String actor) {
        String host = alias == null ? "" : alias.strip().toLowerCase(Locale.ROOT);
        if (!of(site).contains(host)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "province.alias-not-found");
        }
        db.provision((ctx, enter) -> {
            ctx.deleteFrom(TENANT_HOSTS).where(TENANT_HOSTS.HOST.eq(host)).and(TENANT_HOSTS.TENANT_ID.eq(site.id()))
                    .and(TENANT_HOSTS.PURPOSE.eq(HostPurpose.ALIAS.name())).execute();
            enter.accept(TenantScope.of(site.id()));
            audit.record(ctx, site.id(), actor, "tenant.alias_removed", "host:" + host, null);
            return null;
        });
        directory.reload();
        return of(directory.snapshot().byId(site.id()));
    }
}
