package vn.gov.portal.tenancy;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The platform operator's host ({@code portal.platform-host}, PORTAL_PLATFORM_HOST, default
 * {@code nentang.localhost}): not a tenant. It serves the operator's console and API only, and
 * only a platform admin signs in there. Tokens issued there carry {@link #CLAIM} as
 * their tenant, so they are good on this host and on no site, and a site's token is good here never.
 */
@Singleton
public class PlatformHost {
    /** The tenant claim of a token issued on the platform host. */
    public static final String CLAIM = "platform";
    /** What the console's routes start with; {@code /admin} on the platform host leads there. */
    public static final String CONSOLE = "/admin/nen-tang";
    private static final String ATTRIBUTE = "portal.platform";
    private final String host;

    public PlatformHost(@Value("${portal.platform-host:nentang.localhost}") String host) {
        String normalised = HostName.normalise(host);
        this.host = normalised == null ? "nentang.localhost" : normalised;
    }

    public String host() {
        return host;
    }

    /**
     * Whether a Host header names the platform host. A plain comparison, not a normalising parse,
     * so that a tenant's request pays next to nothing for it: the header's own case and port aside,
     * it must be the configured name.
     */
    public boolean matches(@Nullable String hostHeader) {
        if (hostHeader == null || hostHeader.length() < host.length()
                || !hostHeader.regionMatches(true, 0, host, 0, host.length())) {
            return false;
        }
        if (hostHeader.length() == host.length()) {
            return true;
        }
        char next = hostHeader.charAt(host.length());
        return next == ':' || next == '.' && hostHeader.length() == host.length() + 1;
    }

    /** The paths the platform host serves; everything else there is 404. */
    public static boolean serves(String path) {
        return path.startsWith(CONSOLE + "/") || path.equals(CONSOLE) || path.equals("/api/v1/provinces")
                || path.startsWith("/api/v1/provinces/") || path.equals("/api/v1/auth/token")
                || path.equals("/api/v1/auth/logout");
    }

    static void bind(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    /** Whether {@link TenantFilter} found the request on the platform host. */
    public static boolean isBound(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Boolean.class).orElse(false);
    }

    @Override
    public String toString() {
        return host.toLowerCase(Locale.ROOT);
    }
}
