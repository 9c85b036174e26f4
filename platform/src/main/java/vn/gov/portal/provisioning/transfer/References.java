package vn.gov.portal.provisioning.transfer;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References held in text rather than in key columns, renumbered on import: media links in
 * bodies and branding, and the "kind:id" subjects and actors of audit entries. Ids the archive
 * does not hold (another site's media, a deleted article) are left as they were.
 */
final class References {
    /** A link to one of the site's media: {@code /media/<id>/<variant>} (MediaController), absolute or not. */
    private static final Pattern MEDIA_LINK = Pattern.compile("(/media/)(\\d+)(/[a-z])");
    /** "article:12", "media:5", "proposal:3", "account:7:HEAD", "tenant:42". */
    private static final Pattern AUDIT = Pattern.compile("^(article|media|proposal|category|account|tenant):(\\d+)");

    private final IdMap media;
    private final Map<String, IdMap> byKind;
    private final Map<Long, Long> accounts;
    private final long sourceTenant;
    private final long newTenant;

    References(IdMap media, IdMap articles, IdMap proposals, IdMap categories, Map<Long, Long> accounts,
               long sourceTenant, long newTenant) {
        this.media = media;
        this.byKind = Map.of("article", articles, "media", media, "proposal", proposals, "category", categories);
        this.accounts = accounts;
        this.sourceTenant = sourceTenant;
        this.newTenant = newTenant;
    }

    String mediaLinks(String text) {
        if (text == null || !text.contains("/media/")) {
            return text;
        }
        Matcher m = MEDIA_LINK.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            Long fresh = parse(m.group(2)) == null ? null : media.get(parse(m.group(2)));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    fresh == null ? m.group() : m.group(1) + fresh + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The same through every string of a JSON value (a revision's fields, a menu's URLs). */
    JsonNode mediaLinks(JsonNode value) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (value.isString()) {
            return JsonNode.createStringNode(mediaLinks(value.getStringValue()));
        }
        if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            value.values().forEach(v -> items.add(mediaLinks(v)));
            return JsonNode.createArrayNode(items);
        }
        if (value.isObject()) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            value.entries().forEach(e -> fields.put(e.getKey(), mediaLinks(e.getValue())));
            return JsonNode.createObjectNode(fields);
        }
        return value;
    }

    /** An audit subject or actor with the id it names renumbered, when the archive holds that row. */
    String audit(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = AUDIT.matcher(text);
        if (!m.find()) {
            return text;
        }
        Long old = parse(m.group(2));
        if (old == null) {
            return text;
        }
        Long fresh = switch (m.group(1)) {
            case "account" -> accounts.get(old);
            case "tenant" -> old == sourceTenant ? newTenant : null;
            default -> byKind.get(m.group(1)).get(old);
        };
        return fresh == null ? text : m.group(1) + ":" + fresh + text.substring(m.end());
    }

    private static Long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
