package vn.gov.portal.provisioning.transfer;

import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.settings.SiteSettingsPolicy;

/**
 * What an archive's {@code tenants.jsonl} row may set of the new site: an allow-list, not the
 * row as it came. The rest (quotas, which are the province's decision here; columns of a newer or
 * altered schema) is left out and named, so the importer sees what was not taken.
 */
final class ImportedSiteRow {
    /** Columns that describe the site's place on the source platform, not the site: replaced, without a note. */
    private static final Set<String> PLACE = Set.of("id", "parent_id", "subdomain", "base_domains", "preset_id",
            "merged_into_id", "updated_at", "status");
    /** What the site is and how it looks; addresses among them pass {@link ImportedUrls}. */
    static final Set<String> SITE_COLUMNS = Set.of("kind", "name", "english_name", "short_name", "admin_code",
            "emc_site_id", "theme", "languages", "offered_languages", "live", "created_at", "logo_url", "banner_url",
            "primary_color", "menu_labels", "menu_urls", "home_blocks", "footer_agency", "footer_responsible",
            "footer_address", "footer_phone", "footer_email", "footer_fax", "footer_licence");
    private static final Set<String> URL_COLUMNS = Set.of("logo_url", "banner_url", "menu_urls");
    /** Language codes become path prefixes and hreflang values: two or three letters, nothing else. */
    private static final Set<String> LANGUAGE_COLUMNS = Set.of("languages", "offered_languages");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");

    private ImportedSiteRow() {
    }

    /** The site's kind: a component site's, never a province's (an archive cannot make a province). */
    static TenantKind kind(JsonNode source) {
        String kind = ImportedAccounts.text(source, "kind");
        for (TenantKind k : TenantKind.values()) {
            if (k != TenantKind.PROVINCE && k.name().equals(kind)) {
                return k;
            }
        }
        throw Archive.refuse("kind", "the archive holds a " + kind);
    }

    /**
     * The allowed columns of {@code source}, checked, with the importer's quotas; every other column
     * with a value goes into {@code ignored} as {@code tenants.<column>}.
     */
    static Map<String, JsonNode> columns(JsonNode source, ImportQuotas quotas, Set<String> ignored) {
        Map<String, JsonNode> row = new LinkedHashMap<>();
        source.entries().forEach(e -> {
            String column = e.getKey();
            JsonNode v = e.getValue();
            if (SITE_COLUMNS.contains(column)) {
                row.put(column, URL_COLUMNS.contains(column) ? ImportedUrls.check(column, v)
                        : LANGUAGE_COLUMNS.contains(column) ? languages(column, v) : v);
            } else if (!PLACE.contains(column) && v != null && !v.isNull()) {
                ignored.add("tenants." + column);
            }
        });
        // A theme this platform does not have would fail every page: the kind's own instead.
        String theme = ImportedAccounts.text(source, "theme");
        if (theme == null || !SiteSettingsPolicy.HOME_BLOCKS.containsKey(theme)) {
            row.put("theme", JsonNode.createStringNode(kind(source).defaultTheme()));
        }
        if (quotas.storageBytes() != null) {
            row.put("storage_quota_bytes", JsonNode.createNumberNode(quotas.storageBytes()));
        }
        if (quotas.members() != null) {
            row.put("member_quota", JsonNode.createNumberNode(quotas.members()));
        }
        return row;
    }

    private static JsonNode languages(String column, JsonNode value) {
        if (value != null && value.isArray()) {
            for (JsonNode v : value.values()) {
                if (!v.isString() || !LANGUAGE.matcher(v.getStringValue()).matches()) {
                    throw Archive.refuse("rows", "tenants." + column + " holds " + v);
                }
            }
        }
        return value;
    }
}
