package vn.gov.portal.site;

import io.micronaut.core.annotation.Nullable;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The national EMC tracking snippet (TT 22/2023) every public page of a site carries with the
 * site's own id, and the Content-Security-Policy that lets exactly that snippet run. The snippet
 * is inline, as the ministry publishes it and as its checkers look for it; the policy allows
 * it by hash, so no other inline script can run. Policies are built once per site id.
 */
public final class EmcScript {
    public static final String ORIGIN = "https://f-emc.ngsp.gov.vn";
    private static final Map<Long, String> POLICIES = new ConcurrentHashMap<>();
    private static final Map<Long, AsciiString> ASCII_POLICIES = new ConcurrentHashMap<>();
    private static final String BASE_POLICY = "default-src 'self'; img-src 'self' data: https:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'; connect-src 'self' " + ORIGIN + "; script-src 'self' " + ORIGIN;

    private static final AsciiString ASCII_BASE = new AsciiString(BASE_POLICY);

    private EmcScript() {
    }

    /** The snippet's text for one site, exactly as the page carries it. */
    public static String snippet(long siteId) {
        return "var _govaq=window._govaq||[];_govaq.push(['trackPageView']);_govaq.push(['enableLinkTracking']);"
                + "(function(){_govaq.push(['setTrackerUrl','" + ORIGIN + "/tracking']);"
                + "_govaq.push(['setSiteId','" + siteId + "']);var d=document,g=d.createElement('script'),"
                + "s=d.getElementsByTagName('script')[0];g.type='text/javascript';g.async=true;g.defer=true;"
                + "g.src='" + ORIGIN + "/embed/gov-tracking.min.js';s.parentNode.insertBefore(g,s);})();";
    }

    /** The page's policy: ours plus the EMC host, and this site's snippet by its hash. */
    public static String policy(@Nullable Long siteId) {
        if (siteId == null) {
            return BASE_POLICY;
        }
        return POLICIES.computeIfAbsent(siteId, id -> BASE_POLICY + " 'sha256-" + sha256(snippet(id)) + "'");
    }

    /** The same policy as a header value Netty writes in one copy (SitePages). */
    static AsciiString asciiPolicy(@Nullable Long siteId) {
        return siteId == null ? ASCII_BASE : ASCII_POLICIES.computeIfAbsent(siteId, id -> new AsciiString(policy(id)));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
