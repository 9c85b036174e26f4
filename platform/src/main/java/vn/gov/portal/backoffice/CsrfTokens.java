package vn.gov.portal.backoffice;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.gov.portal.infra.security.JwtSecret;

/**
 * Derives a form's CSRF token from the cookie it must travel with: HMAC-SHA256 under a key of
 * the server's. Nobody without the key can make the token that matches a cookie, so a cookie
 * planted by a sibling sub-domain, or a token lifted from another session, does not pass.
 *
 * <p>The key is derived from the token-signing secret (JWT_SECRET, the same on every node),
 * under a label of its own, so the raw signing key is never used for a second purpose and every
 * node derives the same tokens.
 */
@Singleton
public class CsrfTokens {
    private static final String ATTRIBUTE = "portal.csrf.tokens";
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    CsrfTokens(@Value("${" + JwtSecret.PROPERTY + "}") String secret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                "portal back-office CSRF key v1"), ALGORITHM);
    }

    /** The token of forms shown to the holder of this session cookie. */
    String forSession(String sessionToken) {
        return encode(hmac(key, "session\n" + sessionToken));
    }

    /** The token of forms shown before sign-in, to the holder of this pre-session cookie. */
    String forPreSession(String preSession) {
        return encode(hmac(key, "pre-session\n" + preSession));
    }

    /** Makes the tokens reachable from {@link AdminSession}'s static helpers for this request. */
    void attachTo(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    static CsrfTokens of(HttpRequest<?> request) {
        // Fails closed: a back-office route outside BackOfficeGuard's paths checks no token at all.
        return request.getAttribute(ATTRIBUTE, CsrfTokens.class)
                .orElseThrow(() -> new IllegalStateException("CSRF tokens asked for outside /admin"));
    }

    private static String encode(byte[] mac) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
