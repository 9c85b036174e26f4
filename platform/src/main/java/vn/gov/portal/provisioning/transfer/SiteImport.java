package vn.gov.portal.provisioning.transfer;

import static vn.gov.portal.db.Tables.ACCOUNTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.SignInLinks;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.media.MediaStore;
import vn.gov.portal.publishing.HtmlPolicy;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.SubdomainRules;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;

/**
 * Restores a site from its archive as a new site of this province, under the label given: the
 * site's row, its people, every row of its tables with new ids, and its media files under keys
 * of the new site. One transaction: all of it or nothing (files written before a failure are
 * removed again).
 *
 * <p>The archive is checked whole first ({@link Archive}); the label passes the rules creating a
 * site does (shape, reserved, taken, former address), so an import never writes into a site that
 * exists. What the import changes, and why:
 * <ul>
 *   <li>ids: every row gets a new one, and every reference follows ({@link SiteTables});
 *   <li>media links in bodies and branding ({@code /media/<id>/…}) name the new media ids, and
 *       bodies pass the publishing allow-list again;
 *   <li>proposals go to the new site's parent, the province here;
 *   <li>accounts are matched to this platform's ({@link ImportedAccounts});
 *   <li>the official unit code and EMC id are kept unless another site here has them (a copy
 *       next to its original), then cleared and reported;
 *   <li>a merged site's archive comes back archived (the site it was merged into is not here).
 * </ul>
 * The site's own status is kept: an archived site comes back archived.
 *
 * <p>And what it takes on no archive's word, since anyone can edit an archive and re-hash it:
 * <ul>
 *   <li>media types, kinds, sizes and hashes are read from the files ({@link ArchivedMedia});
 *   <li>the site's row sets only the columns {@link ImportedSiteRow} allows, with safe addresses
 *       ({@link ImportedUrls}); quotas are this platform's ({@link ImportQuotas}), and the site's
 *       use is checked against them; columns a table here does not have are left out and reported;
 *   <li>its audit log is not copied: the site's log starts with one "tenant.imported" entry
 *       naming who imported what archive, when, and what it held.
 * </ul>
 */
@Singleton
public class SiteImport {
    private static final Logger LOG = LoggerFactory.getLogger(SiteImport.class);
    /** A key MediaService wrote: {@code t/<tenant>/<rest>}. */
    private static final Pattern TENANT_KEY = Pattern.compile("^t/\\d+/(.+)$");
    /** Rows read and counted, never written: the source's audit log is the source's record. */
    private static final String AUDIT_TABLE = "audit_events";

    private final TenantDb db;
    private final TenantDirectory directory;
    private final MediaStore store;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    public SiteImport(TenantDb db, TenantDirectory directory, MediaStore store, AuditLog audit, JsonMapper json, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.store = store;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The imported site: its id and address, usernames changed because someone here had them,
     * values cleared because another site here holds them, rows written per table (audit_events:
     * none, the source's entries are counted in {@code auditEntriesNotCopied}), columns of the
     * archive not taken, media whose row named another type than their bytes, and one-time links
     * for new accounts that came without a password.
     */
    @Serdeable
    public record Imported(long id, String host, List<ImportedAccounts.Renamed> renamedAccounts, List<String> cleared,
                           Map<String, Long> counts, List<String> ignoredColumns, int mediaRetyped,
                           long auditEntriesNotCopied, List<SignInLink> signInLinks) {
    }

    /** A one-time link for a new account that came without a password (an export without hashes). */
    @Serdeable
    public record SignInLink(String username, String link) {
    }

    /**
     * The site the import goes under (the province, or one of its sites named by {@code parentLabel}),
     * once the label passes the rules of creating a site; checked before the upload is read, and again
     * inside the import.
     */
    public Tenant parentFor(Tenant province, @Nullable String parentLabel, @Nullable String label) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant parent = province;
        if (parentLabel != null && !parentLabel.isBlank()) {
            parent = dir.child(province.id(), parentLabel);
            // As moving a site (SiteLifecycle.moveUnder): only a district has sites under it.
            if (parent == null || parent.kind() != TenantKind.DISTRICT) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.no-parent", "parent");
            }
        }
        SubdomainRules.violation(label).ifPresent(rule -> {
            throw Refusals.label(rule);
        });
        if (dir.child(parent.id(), label) != null) {
            throw Refusals.label("taken");
        }
        if (TenantProvisioning.heldByAnother(dir, province, parent, label)) {
            throw Refusals.label("former");
        }
        return parent;
    }

    public Imported importArchive(Tenant province, @Nullable String parentLabel, String label, String baseDomain,
                                  Path file, ImportQuotas quotas, LinkOrigin links, String actor) {
        Tenant parent = parentFor(province, parentLabel, label);
        List<String> migrations = db.directory(SiteTables::appliedMigrations);
        List<String> written = new ArrayList<>();
        String archiveSha256 = sha256(file);
        Imported imported;
        try (Archive archive = Archive.open(file, migrations, json)) {
            imported = db.provision((ctx, enter) -> new Run(db.longRunning(ctx), archive, parent, label, quotas, written)
                    .into(enter, actor, archiveSha256));
        } catch (RuntimeException e) {
            written.forEach(this::deleteQuietly);
            throw translate(e);
        }
        directory.reload();
        DirectorySnapshot dir = directory.snapshot();
        Tenant site = dir.byId(imported.id());
        String host = dir.hostOf(site, baseDomain);
        // The tokens became links once the site had its address: passed on by the importer, as a new head's link is.
        List<SignInLink> signInLinks = imported.signInLinks().stream()
                .map(l -> new SignInLink(l.username(), links.url(host, SignInLinks.PATH + l.link()))).toList();
        return new Imported(imported.id(), host, imported.renamedAccounts(), imported.cleared(), imported.counts(),
                imported.ignoredColumns(), imported.mediaRetyped(), imported.auditEntriesNotCopied(), signInLinks);
    }

    /** One import's state: the new ids, the people, the files written. */
    private final class Run {
        private final DSLContext ctx;
        private final Archive archive;
        private final Tenant parent;
        private final String label;
        private final List<String> written;
        private final Map<SiteTables.Ids, IdMap> ids = new EnumMap<>(SiteTables.Ids.class);
        private final Map<String, String> keys = new HashMap<>();
        private final Map<String, ArchivedMedia.Detected> detected = new HashMap<>();
        private final Set<String> usedKeys = new HashSet<>();
        private final List<String> cleared = new ArrayList<>();
        private final Set<String> ignored = new TreeSet<>();
        private final ImportQuotas quotas;
        private int retyped;
        private Map<Long, Long> accounts;
        private References refs;
        private long siteId;

        Run(DSLContext ctx, Archive archive, Tenant parent, String label, ImportQuotas quotas, List<String> written) {
            this.ctx = ctx;
            this.archive = archive;
            this.parent = parent;
            this.label = label;
            this.quotas = quotas;
            this.written = written;
        }

        Imported into(Consumer<TenantScope> enter, String actor, String archiveSha256) {
            Manifest manifest = archive.manifest();
            JsonNode source = tenantRow();
            // New ids first, so every reference can be rewritten as the rows go by.
            for (SiteTables.Table t : SiteTables.CARRIED) {
                if (t.ids() != null) {
                    List<Long> old = new ArrayList<>();
                    archive.rows(t.entry(), row -> old.add(ImportedAccounts.number(row, "id")));
                    ids.put(t.ids(), IdMap.allocate(ctx, t.name(), old));
                }
            }
            siteId = insertTenant(source);
            ImportedAccounts.Matched people = ImportedAccounts.match(ctx, archive);
            accounts = people.ids();
            refs = new References(ids.get(SiteTables.Ids.MEDIA), ids.get(SiteTables.Ids.ARTICLE),
                    ids.get(SiteTables.Ids.PROPOSAL), ids.get(SiteTables.Ids.CATEGORY), accounts,
                    ImportedAccounts.number(source, "id"), siteId);
            brandingLinks(source);

            enter.accept(TenantScope.of(siteId));
            // Keys between the site's rows are checked at commit (V11), when every row is in.
            ctx.execute("SET CONSTRAINTS ALL DEFERRED");
            Map<String, Long> counts = new LinkedHashMap<>();
            for (SiteTables.Table t : SiteTables.CARRIED) {
                counts.put(t.name(), insertRows(t));
            }
            counts.put("accounts", (long) accounts.size());
            counts.put("files", (long) keys.size());
            for (var c : counts.entrySet()) {
                if (!Objects.equals(manifest.counts().getOrDefault(c.getKey(), 0L), c.getValue())) {
                    throw Archive.refuse("rows", c.getKey() + ": " + c.getValue() + " rows, the manifest says "
                            + manifest.counts().get(c.getKey()));
                }
            }
            quotas.check(ctx, ImportedSiteRow.kind(source), siteId);
            long auditNotCopied = counts.put(AUDIT_TABLE, 0L);
            // Inside the run, a link is its token: the site's address is known once the directory has it.
            List<SignInLink> tokens = new ArrayList<>();
            for (long account : people.invited()) {
                String username = ctx.select(ACCOUNTS.USERNAME).from(ACCOUNTS).where(ACCOUNTS.ID.eq(account))
                        .fetchOne(ACCOUNTS.USERNAME);
                tokens.add(new SignInLink(username, SignInLinks.issue(ctx, account, siteId, "FIRST_SIGN_IN", OffsetDateTime.now(clock))));
            }
            // The one entry the site's log starts with: who brought it, from which archive, and what came.
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("archiveSha256", archiveSha256);
            detail.put("sourceHost", manifest.sourceHost());
            detail.put("sourceTenantId", manifest.sourceTenantId());
            detail.put("exportedAt", manifest.exportedAt());
            detail.put("schemaVersion", manifest.schemaVersion());
            detail.put("counts", counts);
            detail.put("auditEntriesNotCopied", auditNotCopied);
            detail.put("accountsReused", people.reused());
            detail.put("accountsCreated", people.created());
            detail.put("accountsSentSignInLinks", tokens.size());
            detail.put("renamedAccounts", people.renamed());
            detail.put("cleared", cleared);
            detail.put("ignoredColumns", ignored);
            detail.put("mediaRetyped", retyped);
            audit.recordWithDetail(ctx, siteId, actor, "tenant.imported", "tenant:" + siteId, null, write(detail));
            return new Imported(siteId, "", people.renamed(), List.copyOf(cleared), counts, List.copyOf(ignored),
                    retyped, auditNotCopied, tokens);
        }

        private JsonNode tenantRow() {
            List<JsonNode> rows = new ArrayList<>();
            archive.rows(SiteTables.TENANT_ENTRY, rows::add);
            if (rows.size() != 1) {
                throw Archive.refuse("rows", "tenants.jsonl holds " + rows.size() + " rows");
            }
            ImportedSiteRow.kind(rows.getFirst());
            return rows.getFirst();
        }

        private long insertTenant(JsonNode source) {
            Map<String, JsonNode> row = ImportedSiteRow.columns(source, quotas, ignored);
            row.put("parent_id", JsonNode.createNumberNode(parent.id()));
            row.put("subdomain", JsonNode.createStringNode(label));
            String status = ImportedAccounts.text(source, "status");
            row.put("status", JsonNode.createStringNode(status == null || status.equals("MERGED") ? "ARCHIVED" : status));
            keepIfFree(row, "admin_code", "adminCode");
            keepIfFree(row, "emc_site_id", "emcSiteId");
            List<String> columns = columns("tenants", row);
            String list = quoted(columns);
            try {
                return ctx.resultQuery("INSERT INTO tenants (" + list + ") SELECT " + list
                        + " FROM jsonb_populate_record(NULL::tenants, ?::jsonb) RETURNING id",
                        write(JsonNode.createObjectNode(row))).fetchOne(0, Long.class);
            } catch (DataAccessException e) {
                if (String.valueOf(e.getMessage()).contains("tenants_label_under_parent")) {
                    throw Refusals.label("taken"); // another import or creation took it a moment ago
                }
                throw e;
            }
        }

        /** The unit code and EMC id name one site: a copy next to its original gets neither. */
        private void keepIfFree(Map<String, JsonNode> row, String column, String name) {
            JsonNode v = row.get(column);
            if (v == null || v.isNull()) {
                return;
            }
            // column is one of two names above, never input.
            boolean taken = ctx.resultQuery("SELECT EXISTS (SELECT 1 FROM tenants WHERE " + column + "::text = ?)",
                    v.coerceStringValue()).fetchOne(0, Boolean.class);
            if (taken) {
                row.put(column, JsonNode.nullNode());
                cleared.add(name);
            }
        }

        /** Logo, banner and menu may link the site's own media. */
        private void brandingLinks(JsonNode source) {
            for (String column : List.of("logo_url", "banner_url", "menu_urls")) {
                JsonNode v = source.get(column);
                if (v == null || v.isNull()) {
                    continue;
                }
                JsonNode fresh = refs.mediaLinks(v);
                if (!write(fresh).equals(write(v))) {
                    ctx.execute("UPDATE tenants t SET " + quoted(List.of(column)) + " = r." + quoted(List.of(column))
                            + " FROM jsonb_populate_record(NULL::tenants, ?::jsonb) r WHERE t.id = ?",
                            write(JsonNode.createObjectNode(Map.of(column, fresh))), siteId);
                }
            }
        }

        /** Inserts a table's rows in batches; returns how many. */
        private long insertRows(SiteTables.Table table) {
            List<String> insertable = SiteTables.insertableColumns(ctx, table.name());
            List<JsonNode> batch = new ArrayList<>();
            long[] count = {0};
            long[] chars = {0};
            if (table.name().equals(AUDIT_TABLE)) {
                archive.rows(table.entry(), row -> count[0]++);
                return count[0];
            }
            archive.sizedRows(table.entry(), (row, length) -> {
                if (count[0] == 0) {
                    // Rows of one entry share their columns (to_jsonb): the first names them all.
                    row.entries().forEach(e -> {
                        if (!insertable.contains(e.getKey())) {
                            ignored.add(table.name() + "." + e.getKey());
                        }
                    });
                }
                batch.add(JsonNode.createObjectNode(transform(table, row)));
                count[0]++;
                chars[0] += length;
                if (batch.size() == TransferPolicy.BATCH_ROWS || chars[0] >= TransferPolicy.BATCH_CHARS) {
                    flush(table.name(), insertable, batch);
                    chars[0] = 0;
                }
            });
            flush(table.name(), insertable, batch);
            return count[0];
        }

        private void flush(String table, List<String> insertable, List<JsonNode> batch) {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, JsonNode> first = fields(batch.getFirst());
            List<String> columns = insertable.stream().filter(first::containsKey).toList();
            String list = quoted(columns);
            // OVERRIDING SYSTEM VALUE: the ids were drawn from the identity sequences (IdMap).
            ctx.execute("INSERT INTO " + table + " (" + list + ") OVERRIDING SYSTEM VALUE SELECT " + list
                    + " FROM jsonb_populate_recordset(NULL::" + table + ", ?::jsonb)",
                    write(JsonNode.createArrayNode(batch)));
            batch.clear();
        }

        private Map<String, JsonNode> transform(SiteTables.Table table, JsonNode row) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (var e : row.entries()) {
                String column = e.getKey();
                JsonNode v = e.getValue();
                SiteTables.Ref ref = table.refs().get(column);
                if (column.equals("tenant_id")) {
                    continue;
                }
                if (ref == null) {
                    out.put(column, v);
                    continue;
                }
                switch (ref) {
                    case OWN_ID -> out.put(column, id(ids.get(table.ids()), v, table, column));
                    case FRESH_ID -> { }
                    case CATEGORY -> out.put(column, id(ids.get(SiteTables.Ids.CATEGORY), v, table, column));
                    case ARTICLE -> out.put(column, id(ids.get(SiteTables.Ids.ARTICLE), v, table, column));
                    case MEDIA -> out.put(column, id(ids.get(SiteTables.Ids.MEDIA), v, table, column));
                    case PROPOSAL -> out.put(column, id(ids.get(SiteTables.Ids.PROPOSAL), v, table, column));
                    case PAGE -> out.put(column, id(ids.get(SiteTables.Ids.PAGE), v, table, column));
                    case ACCOUNT -> out.put(column, account(v, table, column));
                    case PARENT_SITE -> out.put(column, JsonNode.createNumberNode(parent.id()));
                    case MEDIA_LINKS -> out.put(column, refs.mediaLinks(v));
                    case RICH_TEXT -> out.put(column, v == null || !v.isString() ? v
                            : JsonNode.createStringNode(refs.mediaLinks(HtmlPolicy.sanitise(v.getStringValue()))));
                    case STORAGE_KEY -> out.put(column, JsonNode.createStringNode(copy(v, table.name())));
                    case AUDIT_REFERENCE -> out.put(column,
                            v != null && v.isString() ? JsonNode.createStringNode(refs.audit(v.getStringValue())) : v);
                }
            }
            out.put("tenant_id", JsonNode.createNumberNode(siteId));
            if (table.refs().containsValue(SiteTables.Ref.STORAGE_KEY)) {
                measured(table, row, out);
            }
            return out;
        }

        /** A media row or variant takes what its file is, not what the archive said it is. */
        private void measured(SiteTables.Table table, JsonNode row, Map<String, JsonNode> out) {
            ArchivedMedia.Detected d = detected.get(ImportedAccounts.text(row, "storage_key"));
            if (d == null) {
                throw Archive.refuse("rows", table.name() + " row without a file");
            }
            out.put("size_bytes", JsonNode.createNumberNode(d.size()));
            out.put("width", d.width() == null ? JsonNode.nullNode() : JsonNode.createNumberNode(d.width()));
            out.put("height", d.height() == null ? JsonNode.nullNode() : JsonNode.createNumberNode(d.height()));
            if (table.name().equals("media")) {
                if (!d.contentType().equals(ImportedAccounts.text(row, "content_type"))) {
                    LOG.warn("Site import: media {} listed as {} is {}", ImportedAccounts.text(row, "storage_key"),
                            ImportedAccounts.text(row, "content_type"), d.contentType());
                    retyped++;
                }
                out.put("content_type", JsonNode.createStringNode(d.contentType()));
                out.put("kind", JsonNode.createStringNode(d.kind()));
                out.put("sha256", JsonNode.createStringNode(d.sha256()));
            }
        }

        private JsonNode id(IdMap map, JsonNode v, SiteTables.Table table, String column) {
            if (v == null || v.isNull()) {
                return JsonNode.nullNode();
            }
            Long fresh = v.isNumber() ? map.get(v.getLongValue()) : null;
            if (fresh == null) {
                throw Archive.refuse("rows", table.name() + "." + column + " names " + v.coerceStringValue()
                        + ", which the archive does not hold");
            }
            return JsonNode.createNumberNode(fresh);
        }

        private JsonNode account(JsonNode v, SiteTables.Table table, String column) {
            if (v == null || v.isNull()) {
                return JsonNode.nullNode();
            }
            Long fresh = v.isNumber() ? accounts.get(v.getLongValue()) : null;
            if (fresh == null) {
                throw Archive.refuse("rows", table.name() + "." + column + " names account " + v.coerceStringValue()
                        + ", which accounts.jsonl does not hold");
            }
            return JsonNode.createNumberNode(fresh);
        }

        /**
         * Copies the file of {@code key} into the media store under a key of the new site, once,
         * after reading what it is ({@link ArchivedMedia}): a variant must be an image.
         */
        private String copy(JsonNode v, String table) {
            String old = v == null || !v.isString() ? null : v.getStringValue();
            if (!Archive.safeKey(old)) {
                throw Archive.refuse("rows", "media key " + old);
            }
            String known = keys.get(old);
            if (known != null) {
                return known;
            }
            Matcher m = TENANT_KEY.matcher(old);
            String key = unique("t/" + siteId + "/" + (m.matches() ? m.group(1) : "imported/" + old));
            byte[] bytes;
            try (InputStream in = archive.media(old)) {
                // Never more than the cap (Archive checked the listed size; this holds whatever happens).
                bytes = in.readNBytes((int) TransferPolicy.MAX_MEDIA_ENTRY_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            detected.put(old, ArchivedMedia.detect(old, bytes, table.equals("media_variants")));
            written.add(key);
            store.put(key, bytes);
            keys.put(old, key);
            return key;
        }

        /**
         * Keys are unique per site as MediaService makes them, but a merged site holds keys of two
         * sites (t/A/… and t/B/…), which land under one prefix here: keep them apart.
         */
        private String unique(String key) {
            String candidate = key;
            int dot = key.lastIndexOf('.');
            for (int n = 2; !usedKeys.add(candidate); n++) {
                candidate = dot > key.lastIndexOf('/') ? key.substring(0, dot) + "-" + n + key.substring(dot)
                        : key + "-" + n;
            }
            return candidate;
        }

        private List<String> columns(String table, Map<String, JsonNode> row) {
            return SiteTables.insertableColumns(ctx, table).stream().filter(row::containsKey)
                    .filter(c -> !c.equals("id")).toList();
        }
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Column names come from the catalogue (intersected with the archive's), quoted all the same. */
    private static String quoted(List<String> columns) {
        return columns.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(", "));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove {} after a failed import: {}", key, e.getMessage());
        }
    }

    /** The database refusing a row (a broken key, a value its checks refuse) is the archive's fault: 422. */
    private static RuntimeException translate(RuntimeException e) {
        if (e instanceof ProblemException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("22"))) {
                LOG.warn("Site import refused: the database refused the archive's rows: {}", sql.getMessage());
                return Refusals.archive("rows");
            }
        }
        return e;
    }
}
