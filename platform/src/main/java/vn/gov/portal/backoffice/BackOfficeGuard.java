package vn.gov.portal.backoffice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.gov.portal.infra.web.ErrorPages;
import vn.gov.portal.tenancy.TenantFilter;

/**
 * The walls every back-office request passes, in one place rather than in each controller:
 * writes from a foreign origin are refused, forms get their session-bound CSRF token
 * ({@link CsrfTokens}), and every answer carries a strict Content-Security-Policy.
 */
@ServerFilter("/admin/**")
public class BackOfficeGuard implements Ordered {
    /**
     * No inline script or style, nothing from another host, no framing, no form posting away.
     * DO NOT add 'unsafe-inline' to script-src: it would turn an injected script into a
     * working one, which is what this header is for. The editor sets styles from its script
     * (CSSOM), which style-src does not govern; templates use classes, never style="".
     * img-src allows data: for images pasted into the editor before they are uploaded.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /**
     * No address of ours ever goes to another site. Not "no-referrer": under it browsers post our
     * own forms with "Origin: null" (and over plain HTTP without Sec-Fetch-Site), which would leave
     * the origin check nothing to compare.
     */
    static final String REFERRER_POLICY = "same-origin";
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final CsrfTokens tokens;
    private final ErrorPages errors;

    BackOfficeGuard(CsrfTokens tokens, ErrorPages errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        // After the site is bound (the refusal page names it), before security reads the session.
        return TenantFilter.ORDER + 1;
    }

    @RequestFilter
    public @Nullable HttpResponse<?> guard(HttpRequest<?> request) {
        tokens.attachTo(request);
        if (WRITES.contains(request.getMethod()) && !sameOrigin(request)) {
            return errors.respond(request, HttpStatus.FORBIDDEN, "admin.cross-origin", Map.of());
        }
        return null;
    }

    @ResponseFilter
    public void addHeaders(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", REFERRER_POLICY);
    }

    /**
     * Whether a write comes from a page of this very host. The Origin header says so; where a
     * browser sends none, Sec-Fetch-Site does; a client that sends neither (an old browser, a
     * script) passes, and its form still needs the session-bound CSRF token. Only the host name
     * is compared, not the scheme or port: behind the reverse proxy the Host header often lacks
     * the port the visitor used, and a sibling sub-domain, the attacker this stops, always has
     * another name.
     *
     * <p>"Origin: null" (a page under {@code Referrer-Policy: no-referrer}, a sandboxed frame, a
     * privacy redirect) says nothing, so Sec-Fetch-Site decides; without it the write is refused.
     */
    static boolean sameOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (origin != null && !origin.strip().equals("null")) {
            return host(origin).equals(hostHeader(request));
        }
        if (site == null) {
            return origin == null;
        }
        return site.equals("same-origin") || site.equals("none");
    }

    private static String host(String origin) {
        try {
            String host = URI.create(origin.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return ""; // junk: foreign
        }
    }

    private static String hostHeader(HttpRequest<?> request) {
        String host = request.getHeaders().get("Host");
        if (host == null || host.isBlank()) {
            return "\0"; // never equal to an origin's host
        }
        host = host.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
