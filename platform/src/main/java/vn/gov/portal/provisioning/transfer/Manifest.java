package vn.gov.portal.provisioning.transfer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what the archive is, where it came from, and the size and SHA-256 of
 * every other entry, so an import can refuse a damaged or altered archive before writing anything.
 *
 * @param schemaVersion  the newest migration applied at the source
 * @param schemaVersions every migration applied at the source; an import needs all of them
 * @param tenant         the site's row as it was (kind, name, branding, English name, EMC id…)
 * @param counts         rows per table, checked again after the import
 */
@Serdeable
record Manifest(String format, int formatVersion, String schemaVersion, List<String> schemaVersions,
                String exportedAt, String sourceHost, long sourceTenantId, @Nullable JsonNode tenant,
                Map<String, Long> counts, List<Entry> entries) {

    /** One entry of the archive. */
    @Serdeable
    record Entry(String name, long size, String sha256) {
    }
}
