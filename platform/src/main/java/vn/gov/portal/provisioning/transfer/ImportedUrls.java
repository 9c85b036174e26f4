package vn.gov.portal.provisioning.transfer;

import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The addresses a site's row carries (logo, banner, menu entries), checked before an import
 * stores them: they reach {@code src}, {@code href} and, for the banner, once a CSS
 * {@code url(…)}. Only what site settings could have produced passes: a path on the site
 * ("/…", never "//…", which browsers read as another host) or http(s) with a host.
 *
 * <p>Refused outright rather than cleaned: {@code javascript:}, {@code data:} and every other
 * scheme, and any character that ends or escapes a CSS string or an attribute (quotes,
 * parentheses, semicolons, backslashes, angle brackets, spaces and control characters such as
 * newlines). No address this platform writes holds one, so an archive that does was altered.
 */
final class ImportedUrls {
    /** As SiteSettingsPolicy.MAX_URL: the longest address a board may give. */
    private static final int MAX_URL = 500;
    private static final String BREAKING = "\"'()\\;<>`{}";

    private ImportedUrls() {
    }

    /** {@code value} (a string, an array of strings, or null) when every address in it is safe; refused otherwise. */
    static JsonNode check(String column, JsonNode value) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (value.isArray()) {
            value.values().forEach(v -> check(column, v));
            return value;
        }
        if (!value.isString() || !safe(value.getStringValue())) {
            throw Archive.refuse("url", "tenants." + column + " = " + value, column);
        }
        return value;
    }

    static boolean safe(String v) {
        if (v.isEmpty() || v.length() > MAX_URL) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)
                    || BREAKING.indexOf(c) >= 0) {
                return false;
            }
        }
        try {
            URI uri = new URI(v);
            if (v.startsWith("/") && !v.startsWith("//") && uri.getScheme() == null && uri.getHost() == null) {
                return true;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
