package vn.gov.portal.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;
import java.util.Map;
import vn.gov.portal.infra.web.ErrorPages;
import vn.gov.portal.infra.web.HealthController;
import vn.gov.portal.infra.web.RequestOrigin;

/**
 * The first wall: every request is bound to the site its Host names, or answered here.
 * The tenant never comes from a parameter, a cookie or a body.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class TenantFilter implements Ordered {
    /** Filters that need the site run after this one. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final HostResolver resolver;
    private final ErrorPages errors;
    private final TenantDirectory directory;
    private final PlatformHost platform;

    public TenantFilter(HostResolver resolver, ErrorPages errors, TenantDirectory directory, PlatformHost platform) {
        this.resolver = resolver;
        this.errors = errors;
        this.directory = directory;
        this.platform = platform;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    public @Nullable HttpResponse<?> bindTenant(HttpRequest<?> request) {
        String path = request.getPath();
        if (HealthController.isHealthPath(path) || path.startsWith("/assets/") || path.startsWith("/vendor/")) {
            return null; // the same on every host
        }
        String hostHeader = request.getHeaders().get("Host");
        if (platform.matches(hostHeader)) {
            return platformRequest(request, path);
        }
        return switch (resolver.resolve(hostHeader)) {
            case Resolution.Found found when found.tenant().status() == TenantStatus.ARCHIVED && changes(request) ->
                    errors.respond(request, HttpStatus.CONFLICT, "error.archived.detail", Map.of());
            case Resolution.Found found -> {
                String code = LanguagePrefix.of(path);
                if (code == null || !found.language().equals("vi")) {
                    CurrentSite.bind(request, found);
                    yield null;
                }
                if (directory.snapshot().languagesOf(found.tenant()).contains(code) && !code.equals("vi")) {
                    CurrentSite.bind(request, found.inLanguage(code));
                    yield null;
                }
                // /fr/… on a site that offers no French: the Vietnamese site, not a blank page.
                CurrentSite.bind(request, found);
                yield LanguagePrefix.isLanguage(code)
                        ? errors.respond(request, HttpStatus.NOT_FOUND, "error.language-not-offered.detail", Map.of())
                        : null;
            }
            case Resolution.Moved moved -> HttpResponse.status(HttpStatus.MOVED_PERMANENTLY)
                    .header("Location", RequestOrigin.scheme(request) + "://" + moved.host() + HostName.portSuffix(hostHeader)
                            + request.getUri().getRawPath()
                            + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery()))
                    .header("Cache-Control", "public, max-age=86400");
            case Resolution.Suspended s -> errors.respond(request, HttpStatus.SERVICE_UNAVAILABLE,
                            "error.suspended.detail", Map.of("site", s.tenant(), "province", s.province()))
                    .header("Retry-After", "3600");
            case Resolution.Unknown u -> wwwOrUnknown(request, hostHeader);
            case Resolution.BadHost b -> errors.respond(request, HttpStatus.BAD_REQUEST, "error.bad-host.detail",
                    Map.of());
        };
    }

    /**
     * The operator's host is no tenant: its console and API are all it serves, and
     * the back office's usual addresses there lead into the console.
     */
    private @Nullable HttpResponse<?> platformRequest(HttpRequest<?> request, String path) {
        if (PlatformHost.serves(path)) {
            PlatformHost.bind(request);
            return null;
        }
        if (path.equals("/") || path.equals("/admin") || path.equals("/admin/")) {
            return HttpResponse.seeOther(URI.create(PlatformHost.CONSOLE));
        }
        if (path.equals("/admin/dang-nhap")) {
            return HttpResponse.seeOther(URI.create(PlatformHost.CONSOLE + "/dang-nhap"));
        }
        return errors.respond(request, HttpStatus.NOT_FOUND, null, Map.of());
    }

    /**
     * {@code www.<any host of a site>} answers 301 to the bare host, path and query kept:
     * looked at only when the host matched nothing, so the hot path of the sites is unchanged.
     */
    private HttpResponse<?> wwwOrUnknown(HttpRequest<?> request, String hostHeader) {
        String host = HostName.normalise(hostHeader);
        if (host != null && host.startsWith("www.")
                && !(resolver.resolve(host.substring(4)) instanceof Resolution.Unknown)) {
            return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY)
                    .header("Location", RequestOrigin.scheme(request) + "://" + host.substring(4)
                            + HostName.portSuffix(hostHeader) + request.getUri().getRawPath()
                            + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery()))
                    .header("Cache-Control", "public, max-age=86400");
        }
        return errors.respond(request, HttpStatus.NOT_FOUND, "error.unknown-host.detail", Map.of());
    }

    /**
     * Whether a request would change an archived site (read-only): any write but
     * signing in and out, which change nothing of the site's.
     */
    private static boolean changes(HttpRequest<?> request) {
        String method = request.getMethodName();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return false;
        }
        String path = request.getPath();
        return !(path.equals("/admin/dang-nhap") || path.equals("/admin/dang-xuat") || path.startsWith("/api/v1/auth/"));
    }
}
