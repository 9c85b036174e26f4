package vn.gov.portal.provisioning.transfer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.media.MediaStore;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * Deletes a component site for good: every row it owns (articles, revisions, media, pages,
 * ratings, proposals it sent, its board's seats, its host rows), the site row
 * and its media files. Its people's accounts stay (they may sit on other boards).
 *
 * <p>Nothing of it can be had back but from an export, so the site must first be taken out of
 * service (archived or suspended, never a live one), the caller must repeat its label, and no
 * other site may hang under it or redirect to it. The site's audit entries are not lost with it:
 * they move to the province's archive (audit_archive, V41), which the province reads with its own
 * log, and the province's log gains the entry "tenant.deleted" with what was removed. The rows go through
 * the database's one named door, {@code delete_site} (V13); the files go after the commit.
 */
@Singleton
public class SiteDeletion {
    private static final Logger LOG = LoggerFactory.getLogger(SiteDeletion.class);

    private final TenantDb db;
    private final TenantDirectory directory;
    private final MediaStore store;
    private final AuditLog audit;
    private final JsonMapper json;
    private final TenantScopes scopes;

    public SiteDeletion(TenantDb db, TenantDirectory directory, MediaStore store, AuditLog audit, JsonMapper json, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
        this.store = store;
        this.audit = audit;
        this.json = json;
    }

    /** What went: rows per table, and the files. */
    @Serdeable
    public record Deleted(long id, String subdomain, Map<String, Long> rows, int files) {
    }

    public Deleted delete(Tenant province, Tenant site, @Nullable String confirm, String actor) {
        if (!site.subdomain().equals(confirm)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "transfer.delete-confirm", "confirm");
        }
        if (site.status() != TenantStatus.ARCHIVED && site.status() != TenantStatus.SUSPENDED) {
            throw new ProblemException(HttpStatus.CONFLICT, "transfer.delete-in-service", "in-service");
        }
        DirectorySnapshot dir = directory.snapshot();
        boolean depended = !dir.children(site.id()).isEmpty() || dir.provinces().stream()
                .flatMap(p -> dir.subtreeIds(p).stream()).map(dir::byId)
                .anyMatch(t -> t.mergedIntoId() != null && t.mergedIntoId() == site.id());
        if (depended) {
            throw new ProblemException(HttpStatus.CONFLICT, "transfer.delete-depended-on", "depended-on");
        }
        Deleted deleted = db.provision((ctx, enter) -> {
            enter.accept(scopes.siteAndProvince(site));
            List<String> keys = ctx.fetch("SELECT storage_key FROM media WHERE tenant_id = ? UNION "
                    + "SELECT storage_key FROM media_variants WHERE tenant_id = ?", site.id(), site.id())
                    .getValues(0, String.class);
            // The site's audit log outlives it: its entries move to the province's archive (V41)
            // before delete_site removes them, in this transaction, so neither half can happen alone.
            int archived = ctx.execute("INSERT INTO audit_archive (id, tenant_id, site_id, site_subdomain, site_name, "
                    + "at, actor, action, subject, detail, source_ip) SELECT id, ?, tenant_id, ?, ?, at, actor, action, "
                    + "subject, detail, source_ip FROM audit_events WHERE tenant_id = ?", province.id(), site.subdomain(),
                    site.name(), site.id());
            String counts = ctx.resultQuery("SELECT delete_site(?)::text", site.id()).fetchOne(0, String.class);
            Map<String, Long> rows = read(counts);
            rows.put("audit_archived", (long) archived);
            audit.recordWithDetail(ctx, province.id(), actor, "tenant.deleted", "tenant:" + site.id(), null,
                    write(Map.of("subdomain", site.subdomain(), "name", site.name(), "kind", site.kind().name(),
                            "rows", rows, "files", keys.size())));
            return new Result(new Deleted(site.id(), site.subdomain(), rows, keys.size()), keys);
        }).deleteFilesAfterCommit(store);
        directory.reload();
        return deleted;
    }

    /** The answer, and the files to remove once the rows are gone for sure. */
    private record Result(Deleted deleted, List<String> keys) {
        Deleted deleteFilesAfterCommit(MediaStore store) {
            for (String key : keys) {
                try {
                    store.delete(key);
                } catch (RuntimeException e) {
                    // The rows are gone; a file left behind is only space, and named here to be removed.
                    LOG.warn("Site {} deleted, but its file {} could not be removed: {}", deleted.id(), key,
                            e.getMessage());
                }
            }
            return deleted;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> read(String counts) {
        try {
            Map<String, Object> raw = json.readValue(counts, Map.class);
            Map<String, Long> rows = new LinkedHashMap<>();
            raw.forEach((k, v) -> rows.put(k, ((Number) v).longValue()));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
