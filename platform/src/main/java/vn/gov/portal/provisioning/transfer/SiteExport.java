package vn.gov.portal.provisioning.transfer;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.media.MediaStore;
import vn.gov.portal.tenancy.Tenant;

/**
 * Writes one site's archive ({@link TransferPolicy}): its row, every row of its tables, the
 * accounts those rows name, and its media files.
 *
 * <p>The archive is spooled to a temporary file, not streamed to the client as it is read: the
 * rows are read in one REPEATABLE READ transaction (so revisions never name an article newer
 * than the article list), which then ends at disk speed rather than at the client's, and a
 * failure half-way is a clean error instead of a cut-off download. Rows and files go through
 * cursors and streams; nothing is held in memory whole.
 */
@Singleton
public class SiteExport {
    private static final Logger LOG = LoggerFactory.getLogger(SiteExport.class);

    private final TenantDb db;
    private final MediaStore store;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    public SiteExport(TenantDb db, MediaStore store, AuditLog audit, JsonMapper json, Clock clock) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A written archive: the caller streams it and deletes it. */
    public record Exported(Path file, String filename, long size) {
    }

    /**
     * The site's archive. {@code passwordHashes}: whether its accounts carry their password hashes
     * (the holder of the file could then guess passwords offline); off unless the exporter asks, and
     * recorded in the site's audit log either way. Without them, the import's new accounts are sent
     * one-time links instead.
     */
    public Exported export(Tenant site, String sourceHost, String actor, boolean passwordHashes) {
        Path file = tempFile();
        OffsetDateTime at = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        try {
            Manifest manifest;
            try (var zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
                Rows rows = db.readSnapshot(TenantScope.of(site.id()), ctx -> rows(ctx, zip, site, at, passwordHashes));
                // Files after the transaction: they never change once written (their keys are their
                // hashes), and a site's gigabytes of media should not hold a database connection.
                // JPEG, PNG, PDF, DOCX… are compressed already: stored as they are.
                zip.setLevel(Deflater.NO_COMPRESSION);
                List<Manifest.Entry> entries = new ArrayList<>(rows.entries());
                for (String key : rows.mediaKeys()) {
                    entries.add(file(zip, key, at));
                }
                Map<String, Long> counts = new LinkedHashMap<>(rows.counts());
                counts.put("files", (long) rows.mediaKeys().size());
                manifest = new Manifest(TransferPolicy.FORMAT, TransferPolicy.FORMAT_VERSION,
                        SiteTables.newest(rows.migrations()), rows.migrations(), at.toString(), sourceHost, site.id(),
                        readTree(rows.tenantRow()), counts, entries);
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                zip.putNextEntry(entry(TransferPolicy.MANIFEST, at));
                zip.write(json.writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            // Who took a copy of the site, and of its board's password hashes, is worth knowing (README:
            // exports are sensitive).
            db.write(TenantScope.of(site.id()), ctx -> {
                audit.recordWithDetail(ctx, site.id(), actor, "tenant.exported", "tenant:" + site.id(), null,
                        write(Map.of("counts", manifest.counts(), "passwordHashes", passwordHashes)));
                return null;
            });
            String name = site.subdomain() + "-" + at.toLocalDate() + ".zip";
            return new Exported(file, name, Files.size(file));
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** What the snapshot gave: the table entries written, rows per table, and what comes after it. */
    private record Rows(List<Manifest.Entry> entries, Map<String, Long> counts, List<String> mediaKeys,
                        List<String> migrations, String tenantRow) {
    }

    private Rows rows(DSLContext ctx, ZipOutputStream zip, Tenant site, OffsetDateTime at, boolean passwordHashes) {
        SiteTables.refuseUnknown(ctx);
        Map<String, List<String>> generated = SiteTables.generatedColumns(ctx);
        List<Manifest.Entry> entries = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        String tenantRow = ctx.resultQuery("SELECT to_jsonb(t)::text FROM tenants t WHERE t.id = ?", site.id())
                .fetchOne(0, String.class);
        try {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            entries.add(rows(zip, SiteTables.TENANT_ENTRY, at, List.of(tenantRow).iterator()).entry());
            for (SiteTables.Table table : SiteTables.CARRIED) {
                String sql = "SELECT (to_jsonb(x) - ?::text[])::text FROM " + table.name() + " x "
                        + "WHERE x.tenant_id = ? ORDER BY " + table.order();
                String[] leftOut = generated.getOrDefault(table.name(), List.of()).toArray(String[]::new);
                Written w = rows(zip, table.entry(), at, ctx, sql, leftOut, site.id());
                entries.add(w.entry());
                counts.put(table.name(), w.lines());
            }
            List<Object> binds = new ArrayList<>();
            List<String> leftOut = new ArrayList<>(SiteTables.ACCOUNT_COLUMNS_LEFT_OUT);
            if (!passwordHashes) {
                leftOut.add("password_hash");
            }
            binds.add(leftOut.toArray(String[]::new));
            String referenced = referencedAccounts(site.id(), binds);
            Written accounts = rows(zip, SiteTables.ACCOUNTS_ENTRY, at, ctx,
                    "SELECT (to_jsonb(a) - ?::text[])::text FROM accounts a WHERE a.id IN (" + referenced
                            + ") ORDER BY a.id", binds.toArray());
            entries.add(accounts.entry());
            counts.put("accounts", accounts.lines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> keys = ctx.fetch("SELECT storage_key FROM media WHERE tenant_id = ? UNION "
                + "SELECT storage_key FROM media_variants WHERE tenant_id = ? ORDER BY 1", site.id(), site.id())
                .getValues(0, String.class);
        return new Rows(entries, counts, keys, SiteTables.appliedMigrations(ctx), tenantRow);
    }

    /** Every account a carried row names (members, authors, reviewers, uploaders…), from the references. */
    private static String referencedAccounts(long siteId, List<Object> binds) {
        List<String> selects = new ArrayList<>();
        for (SiteTables.Table t : SiteTables.CARRIED) {
            t.refs().forEach((column, ref) -> {
                if (ref == SiteTables.Ref.ACCOUNT) {
                    selects.add("SELECT " + column + " FROM " + t.name() + " WHERE tenant_id = ?");
                    binds.add(siteId);
                }
            });
        }
        return String.join(" UNION ", selects);
    }

    /** An entry and how many rows it holds. */
    private record Written(Manifest.Entry entry, long lines) {
    }

    private Written rows(ZipOutputStream zip, String name, OffsetDateTime at, DSLContext ctx, String sql,
                         Object... binds) throws IOException {
        try (var cursor = ctx.resultQuery(sql, binds).fetchSize(TransferPolicy.FETCH_ROWS).fetchLazy()) {
            return rows(zip, name, at, cursor.stream().map(r -> r.get(0, String.class)).iterator());
        }
    }

    private Written rows(ZipOutputStream zip, String name, OffsetDateTime at, Iterator<String> lines)
            throws IOException {
        zip.putNextEntry(entry(name, at));
        Counting out = new Counting(zip);
        long count = 0;
        while (lines.hasNext()) {
            out.write(lines.next().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            count++;
        }
        zip.closeEntry();
        return new Written(out.entry(name), count);
    }

    private Manifest.Entry file(ZipOutputStream zip, String key, OffsetDateTime at) throws IOException {
        if (!Archive.safeKey(key)) {
            throw new IllegalStateException("Unexpected media key " + key);
        }
        String name = TransferPolicy.MEDIA_PREFIX + key;
        try (InputStream in = store.open(key).orElseThrow(() -> missing(key))) {
            zip.putNextEntry(entry(name, at));
            Counting out = new Counting(zip);
            in.transferTo(out);
            zip.closeEntry();
            return out.entry(name);
        }
    }

    private static ProblemException missing(String key) {
        LOG.error("Export refused: the media file {} is missing from the media store", key);
        return new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "transfer.media-missing", "media-missing");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readTree(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZipEntry entry(String name, OffsetDateTime at) {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(FileTime.from(at.toInstant()));
        return e;
    }

    /** Archives hold password hashes: readable by this process's user only. */
    static Path tempFile() {
        try {
            return Files.createTempFile("portal-site-", ".zip",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }

    /** Counts and hashes what goes into one entry, without closing the ZIP stream under it. */
    private static final class Counting extends OutputStream {
        private final OutputStream zip;
        private final DigestOutputStream digest;
        private long size;

        Counting(OutputStream zip) {
            this.zip = zip;
            try {
                this.digest = new DigestOutputStream(OutputStream.nullOutputStream(), MessageDigest.getInstance("SHA-256"));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            zip.write(b);
            digest.write(b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            zip.write(b, off, len);
            digest.write(b, off, len);
            size += len;
        }

        Manifest.Entry entry(String name) {
            return new Manifest.Entry(name, size, HexFormat.of().formatHex(digest.getMessageDigest().digest()));
        }
    }
}
