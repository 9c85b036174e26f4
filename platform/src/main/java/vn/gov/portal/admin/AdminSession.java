package vn.gov.portal.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.HttpStatus;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;

/**
 * The back office's cookies: the session token (HttpOnly, SameSite=Lax, Secure under HTTPS,
 * host-only so it never reaches another site's sub-domain) and the CSRF token that every form
 * echoes back (double submit: a cross-site page can send the cookie but cannot read it).
 */
public final class AdminSession {
    static final String SESSION_COOKIE = "portal_session";
    static final String CSRF_COOKIE = "portal_csrf";
    public static final String CSRF_FIELD = "_csrf";
    public static final Duration LIFETIME = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminSession() {
    }

    public static void signIn(HttpRequest<?> request, MutableHttpResponse<?> response, String token) {
        response.cookie(Cookie.of(SESSION_COOKIE, token).httpOnly(true).sameSite(SameSite.Lax).path("/")
                .secure(RequestOrigin.secure(request)).maxAge(LIFETIME));
    }

    public static void signOut(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.cookie(Cookie.of(SESSION_COOKIE, "").httpOnly(true).sameSite(SameSite.Lax).path("/")
                .secure(RequestOrigin.secure(request)).maxAge(0));
    }

    /** The request's CSRF token, or a new one (then {@link #keepCsrf} must set it). */
    public static String csrf(HttpRequest<?> request) {
        return request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue).filter(v -> v.length() == 32)
                .orElseGet(() -> HexFormat.of().formatHex(bytes()));
    }

    public static void keepCsrf(HttpRequest<?> request, MutableHttpResponse<?> response, String token) {
        response.cookie(Cookie.of(CSRF_COOKIE, token).httpOnly(true).sameSite(SameSite.Strict).path("/admin")
                .secure(RequestOrigin.secure(request)));
    }

    /** Refuses a form whose token does not match the cookie. */
    public static void verifyCsrf(HttpRequest<?> request, String submitted) {
        String expected = request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue).orElse("");
        if (submitted == null || expected.isEmpty()
                || !MessageDigest.isEqual(expected.getBytes(), submitted.getBytes())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "admin.csrf");
        }
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
