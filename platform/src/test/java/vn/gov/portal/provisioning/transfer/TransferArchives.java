package vn.gov.portal.provisioning.transfer;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An exported archive taken apart and put together again, as someone editing it would: an entry
 * changed, rows edited, and the manifest's size and SHA-256 recomputed so only the import's own
 * checks stand between the edit and the database.
 */
final class TransferArchives {
    private final JsonMapper json;

    TransferArchives(JsonMapper json) {
        this.json = json;
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The archive with entry {@code name} changed and the manifest re-hashed for it. */
    byte[] reHashed(byte[] zip, String name, UnaryOperator<byte[]> change) {
        Map<String, byte[]> entries = unzip(zip);
        byte[] changed = change.apply(entries.get(name));
        entries.put(name, changed);
        JsonNode manifest = read(entries.get("manifest.json"));
        Map<String, JsonNode> top = new LinkedHashMap<>();
        manifest.entries().forEach(e -> top.put(e.getKey(), e.getValue()));
        List<JsonNode> listed = new ArrayList<>();
        for (JsonNode e : manifest.get("entries").values()) {
            listed.add(!e.get("name").getStringValue().equals(name) ? e : JsonNode.createObjectNode(Map.of(
                    "name", JsonNode.createStringNode(name),
                    "size", JsonNode.createNumberNode((long) changed.length),
                    "sha256", JsonNode.createStringNode(sha256(changed)))));
        }
        top.put("entries", JsonNode.createArrayNode(listed));
        try {
            entries.put("manifest.json", json.writeValueAsBytes(JsonNode.createObjectNode(top)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip(entries);
    }

    /** The archive with each row of a table edited in place (a map of its columns), re-hashed. */
    byte[] editRows(byte[] zip, String entry, Consumer<Map<String, JsonNode>> edit) {
        return reHashed(zip, entry, bytes -> {
            StringBuilder out = new StringBuilder();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, JsonNode> row = new LinkedHashMap<>();
                read(line.getBytes(StandardCharsets.UTF_8)).entries().forEach(e -> row.put(e.getKey(), e.getValue()));
                edit.accept(row);
                try {
                    out.append(json.writeValueAsString(JsonNode.createObjectNode(row))).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    JsonNode read(byte[] bytes) {
        try {
            return json.readValue(bytes, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
