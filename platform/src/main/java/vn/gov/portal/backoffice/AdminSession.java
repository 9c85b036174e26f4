package vn.gov.portal.backoffice;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;

/**
 * The back office's cookies and its CSRF token.
 *
 * <p>The session cookie holds the session token (HttpOnly, SameSite=Lax, host-only). The CSRF
 * token every form echoes back is not a cookie of its own: it is derived from the session
 * cookie with a server-held key ({@link CsrfTokens}), so a token from another session, or a
 * cookie+field pair that a sibling sub-domain planted, does not pass. Before sign-in (the login
 * and password-reset forms) it is derived the same way from a random pre-session cookie.
 *
 * <p>Cookie names: over HTTPS both cookies carry the {@code __Host-} prefix, so the browser
 * itself refuses one set with a Domain (by a sibling host) or a path, or over plain HTTP. Over
 * plain HTTP (the demo and the tests on *.localhost) browsers refuse {@code __Host-} and Secure
 * cookies, so the plain names are used there; the binding to the session is what holds then.
 * The name is chosen per request from {@link RequestOrigin#secure}, for writing and reading
 * alike: over HTTPS a plain-named cookie (which anyone on a sibling host could set) is ignored.
 */
public final class AdminSession {
    static final String SESSION_COOKIE = "portal_session";
    static final String PRE_SESSION_COOKIE = "portal_presession";
    /** The browser accepts a cookie so named only from this very host, over HTTPS, with Path=/. */
    static final String HOST_PREFIX = "__Host-";
    public static final String CSRF_FIELD = "_csrf";
    public static final Duration LIFETIME = Duration.ofHours(8);
    private static final String NEW_PRE_SESSION = "portal.csrf.new-pre-session";
    private static final String NEW_SESSION = "portal.csrf.new-session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminSession() {
    }

    /** The session cookie's name for this request: {@code __Host-} prefixed over HTTPS. */
    static String sessionCookie(HttpRequest<?> request) {
        return named(request, SESSION_COOKIE);
    }

    static String preSessionCookie(HttpRequest<?> request) {
        return named(request, PRE_SESSION_COOKIE);
    }

    private static String named(HttpRequest<?> request, String name) {
        return RequestOrigin.secure(request) ? HOST_PREFIX + name : name;
    }

    /** The session token the request's cookie carries, if any. */
    static Optional<String> sessionToken(HttpRequest<?> request) {
        return cookie(request, sessionCookie(request));
    }

    public static void signIn(HttpRequest<?> request, MutableHttpResponse<?> response, String token) {
        continueAs(request, token);
        response.cookie(cookie(request, SESSION_COOKIE, token).httpOnly(true).sameSite(SameSite.Lax)
                .maxAge(LIFETIME));
    }

    public static void signOut(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.cookie(cookie(request, SESSION_COOKIE, "").httpOnly(true).sameSite(SameSite.Lax).maxAge(0));
    }

    /**
     * Says that the page this request renders belongs to a session it starts (a new token after
     * a password change or a second factor turned on): its forms must carry that session's CSRF
     * token, since the browser will send the new cookie with them, not the old one.
     */
    public static void continueAs(HttpRequest<?> request, String token) {
        request.setAttribute(NEW_SESSION, token);
    }

    /**
     * The request's CSRF token: bound to its session cookie or, before sign-in, to its
     * pre-session cookie; a new pre-session is made when there is neither (then
     * {@link #keepCsrf} must set its cookie).
     */
    public static String csrf(HttpRequest<?> request) {
        CsrfTokens tokens = CsrfTokens.of(request);
        Optional<String> session = request.getAttribute(NEW_SESSION, String.class).or(() -> sessionToken(request));
        if (session.isPresent()) {
            return tokens.forSession(session.get());
        }
        String preSession = cookie(request, preSessionCookie(request)).filter(v -> v.length() == 32)
                .or(() -> request.getAttribute(NEW_PRE_SESSION, String.class))
                .orElseGet(() -> {
                    String made = HexFormat.of().formatHex(bytes());
                    request.setAttribute(NEW_PRE_SESSION, made);
                    return made;
                });
        return tokens.forPreSession(preSession);
    }

    /** Sets the pre-session cookie that {@link #csrf} made for this request, if it made one. */
    public static void keepCsrf(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(NEW_PRE_SESSION, String.class).ifPresent(value -> response.cookie(
                cookie(request, PRE_SESSION_COOKIE, value).httpOnly(true).sameSite(SameSite.Strict)));
    }

    /** Refuses a form whose token is not the one bound to this request's session (or pre-session). */
    public static void verifyCsrf(HttpRequest<?> request, String submitted) {
        CsrfTokens tokens = CsrfTokens.of(request);
        Optional<String> session = sessionToken(request);
        String expected = session.map(tokens::forSession)
                .or(() -> cookie(request, preSessionCookie(request)).filter(v -> v.length() == 32)
                        .map(tokens::forPreSession))
                .orElse("");
        if (submitted == null || expected.isEmpty() || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "admin.csrf");
        }
    }

    private static Optional<String> cookie(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isEmpty());
    }

    /** A cookie of ours: host-only (no Domain), Path=/ (as {@code __Host-} requires), Secure under HTTPS. */
    private static Cookie cookie(HttpRequest<?> request, String name, String value) {
        return Cookie.of(named(request, name), value).path("/").secure(RequestOrigin.secure(request));
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
