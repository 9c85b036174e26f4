package vn.gov.portal.provisioning.transfer;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.web.ProblemException;

/**
 * An uploaded archive, checked whole before anything is written: a ZIP, a manifest of a format
 * and schema this platform reads, no entry that is not listed, and every listed entry present
 * with its size and SHA-256. ZipFile itself verifies no checksum of stored entries, so the
 * manifest's SHA-256 is what catches a changed byte.
 */
final class Archive implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Archive.class);
    /** Media keys as MediaService makes them ({@code t/<id>/<year>/<month>/<hash>[-variant].<ext>}), or alike. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private final ZipFile zip;
    private final Manifest manifest;
    private final JsonMapper json;
    private final Set<String> listed;

    private Archive(ZipFile zip, Manifest manifest, JsonMapper json) {
        this.zip = zip;
        this.manifest = manifest;
        this.json = json;
        this.listed = manifest.entries().stream().map(Manifest.Entry::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Opens and checks {@code file}; refuses (422, naming the rule) what cannot be imported as it is. */
    static Archive open(Path file, Collection<String> migrationsHere, JsonMapper json) {
        ZipDirectory.check(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw refuse("not-zip", "not a ZIP: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new Archive(zip, check(zip, file, migrationsHere, json), json);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static Manifest check(ZipFile zip, Path file, Collection<String> migrationsHere, JsonMapper json) {
        Map<String, ZipEntry> present = new HashMap<>();
        if (zip.size() > TransferPolicy.MAX_ENTRIES) {
            throw refuse("too-many-entries", zip.size() + " entries", TransferPolicy.MAX_ENTRIES);
        }
        var all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (present.put(e.getName(), e) != null || !nameAllowed(e.getName())) {
                throw refuse("entry-name", "entry " + e.getName());
            }
            // The ZIP's own directory may lie (verify reads no further than the manifest lists),
            // but when it admits to a bomb there is no need to read on.
            refuseOversized(e.getName(), e.getSize());
        }
        ZipEntry m = present.get(TransferPolicy.MANIFEST);
        if (m == null) {
            throw refuse("manifest", "no manifest.json");
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(m)) {
            byte[] bytes = in.readNBytes((int) TransferPolicy.MAX_MANIFEST_BYTES + 1);
            if (bytes.length > TransferPolicy.MAX_MANIFEST_BYTES) {
                throw refuse("manifest", "manifest.json too large");
            }
            manifest = json.readValue(bytes, Manifest.class);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw refuse("manifest", "manifest.json unreadable: " + e.getMessage());
        }
        if (manifest == null || !TransferPolicy.FORMAT.equals(manifest.format()) || manifest.entries() == null
                || manifest.counts() == null || manifest.schemaVersions() == null) {
            throw refuse("manifest", "manifest.json is not a site export's");
        }
        if (manifest.formatVersion() != TransferPolicy.FORMAT_VERSION) {
            throw refuse("format", "format version " + manifest.formatVersion());
        }
        // An older archive is fine (columns it lacks take their defaults); one from a schema with
        // migrations this platform has not run may hold what it cannot store.
        var unknown = manifest.schemaVersions().stream().filter(v -> !migrationsHere.contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw refuse("schema", "migrations not applied here: " + unknown);
        }
        if (manifest.entries().size() > TransferPolicy.MAX_ENTRIES) {
            throw refuse("too-many-entries", manifest.entries().size() + " listed", TransferPolicy.MAX_ENTRIES);
        }
        long declared = 0;
        Map<String, Manifest.Entry> listed = new HashMap<>();
        for (Manifest.Entry e : manifest.entries()) {
            if (e == null || e.name() == null || e.sha256() == null || e.size() < 0
                    || listed.put(e.name(), e) != null || e.name().equals(TransferPolicy.MANIFEST)) {
                throw refuse("manifest", "bad entry list");
            }
            refuseOversized(e.name(), e.size());
            declared += e.size();
        }
        if (declared > TransferPolicy.MAX_UNPACKED_BYTES) {
            throw refuse("too-large", "declares " + declared + " bytes unpacked, above the absolute cap");
        }
        long limit;
        try {
            limit = Files.size(file) * TransferPolicy.MAX_EXPANSION + TransferPolicy.MAX_MANIFEST_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (declared > limit) {
            throw refuse("too-large", "declares " + declared + " bytes unpacked");
        }
        for (String name : present.keySet()) {
            if (!name.equals(TransferPolicy.MANIFEST) && !listed.containsKey(name)) {
                throw refuse("unlisted-entry", name);
            }
        }
        for (String name : SiteTables.tableEntries()) {
            if (!listed.containsKey(name)) {
                throw refuse("missing-entry", name);
            }
        }
        for (Manifest.Entry e : listed.values()) {
            ZipEntry z = present.get(e.name());
            if (z == null) {
                throw refuse("missing-entry", e.name());
            }
            verify(zip, z, e);
        }
        return manifest;
    }

    /** Reads the entry through SHA-256, never past its declared size. */
    private static void verify(ZipFile zip, ZipEntry z, Manifest.Entry e) {
        MessageDigest sha = sha256();
        long size = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = zip.getInputStream(z)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                size += n;
                if (size > e.size()) {
                    throw refuse("checksum", e.name() + " is longer than listed");
                }
                sha.update(buf, 0, n);
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof ProblemException p) {
                throw p;
            }
            // A damaged deflate stream fails here, before its checksum could.
            throw refuse("checksum", e.name() + " unreadable: " + ex.getMessage());
        }
        if (size != e.size() || !HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(e.sha256())) {
            throw refuse("checksum", e.name() + " differs from its SHA-256 in the manifest");
        }
    }

    /** One entry above its cap ({@link TransferPolicy}): media files, and a table's rows, each have theirs. */
    private static void refuseOversized(String name, long size) {
        long cap = name.startsWith(TransferPolicy.MEDIA_PREFIX) ? TransferPolicy.MAX_MEDIA_ENTRY_BYTES
                : name.equals(TransferPolicy.MANIFEST) ? TransferPolicy.MAX_MANIFEST_BYTES
                : TransferPolicy.MAX_TABLE_ENTRY_BYTES;
        if (size > cap) {
            throw refuse("entry-too-large", name + " unpacks to " + size + " bytes", name, cap / (1024 * 1024));
        }
    }

    Manifest manifest() {
        return manifest;
    }

    boolean has(String name) {
        return listed.contains(name);
    }

    /** Each row of a JSON-lines entry, in order. */
    void rows(String entry, Consumer<JsonNode> each) {
        sizedRows(entry, (row, chars) -> each.accept(row));
    }

    /** Each row with the length of its line, for batching by size. */
    void sizedRows(String entry, ObjIntConsumer<JsonNode> each) {
        ZipEntry z = zip.getEntry(entry);
        try (var reader = new BufferedReader(new InputStreamReader(zip.getInputStream(z), StandardCharsets.UTF_8))) {
            int line = 0;
            for (String text; (text = boundedLine(reader, entry, line + 1)) != null; ) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = json.readValue(text, JsonNode.class);
                } catch (IOException e) {
                    throw refuse("rows", entry + " line " + line + " is not JSON");
                }
                if (row == null || !row.isObject()) {
                    throw refuse("rows", entry + " line " + line + " is not an object");
                }
                each.accept(row, text.length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next line, or null at the end; refused once it passes {@link TransferPolicy#MAX_LINE_CHARS}
     * (BufferedReader.readLine would hold a line of gigabytes whole before anyone could look at it).
     */
    private static String boundedLine(BufferedReader reader, String entry, int number) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = reader.read()) != -1; ) {
            if (c == '\n') {
                return line.toString();
            }
            if (line.length() == TransferPolicy.MAX_LINE_CHARS) {
                throw refuse("line-too-long", entry + " line " + number, entry, number,
                        TransferPolicy.MAX_LINE_CHARS / (1024 * 1024));
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    /** A media file's bytes; the caller closes the stream. */
    InputStream media(String key) {
        ZipEntry z = zip.getEntry(TransferPolicy.MEDIA_PREFIX + key);
        if (z == null || !has(z.getName())) {
            throw refuse("missing-entry", TransferPolicy.MEDIA_PREFIX + key);
        }
        try {
            return zip.getInputStream(z);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A storage key that is a plain relative path: no "..", no leading slash, no odd characters. */
    static boolean safeKey(String key) {
        return key != null && key.length() <= 500 && KEY.matcher(key).matches() && !key.contains("..");
    }

    private static boolean nameAllowed(String name) {
        return name.equals(TransferPolicy.MANIFEST) || SiteTables.tableEntries().contains(name)
                || (name.startsWith(TransferPolicy.MEDIA_PREFIX)
                && safeKey(name.substring(TransferPolicy.MEDIA_PREFIX.length())));
    }

    /** Logs why ({@code why}, for the operator) and answers with the rule ({@code args}: the message's values). */
    static ProblemException refuse(String rule, String why, Object... args) {
        LOG.warn("Site import refused ({}): {}", rule, why);
        return Refusals.archive(rule, args);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was read from it that matters
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }
}
