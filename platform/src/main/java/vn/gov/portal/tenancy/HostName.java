package vn.gov.portal.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a Host header into the name we match on: lower case, port and trailing dot gone.
 * Anything that is not a DNS host name (RFC 1123 labels; browsers send IDNs as punycode)
 * is refused, so junk never reaches the directory or the caches.
 */
public final class HostName {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}$");

    private HostName() {
    }

    /** The normalised host, or null when the header is not a valid host name. */
    public static @Nullable String normalise(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        var port = PORT.matcher(h);
        if (port.find()) {
            if (Integer.parseInt(port.group().substring(1)) > 65535) {
                return null;
            }
            h = h.substring(0, port.start());
        }
        h = h.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || h.length() > 253) {
            return null;
        }
        for (String label : h.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return h;
    }

    /** The ":port" part of a Host header, or "" when it has none. */
    public static String portSuffix(@Nullable String header) {
        if (header == null) {
            return "";
        }
        var port = PORT.matcher(header.trim());
        return port.find() ? port.group() : "";
    }
}
