package vn.gov.portal.infra.pow;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.gov.portal.infra.security.JwtSecret;
import vn.gov.portal.infra.web.ProblemException;

/**
 * A proof of work for anonymous forms, with no third-party service and nothing to click: the
 * server hands out a signed challenge, the visitor's browser (base/static/pow.js, in a Web
 * Worker) finds a nonce whose SHA-256 over {@code challenge + ":" + nonce} starts with
 * {@code difficulty} zero bits, and the form carries both back. One solution costs a browser a
 * second or two and a flood a second or two per message; it does not stop a determined sender,
 * which the per-address limits and the daily caps ({@link vn.gov.portal.infra.ratelimit.DailyCaps}) bound.
 *
 * <p>A challenge is {@code form.tenant.expires.difficulty.id.mac}: the form it is for, the site
 * that issued it, its expiry (epoch seconds), the zero bits asked, 16 random bytes, and an
 * HMAC-SHA256 of the rest under a key derived from the token key (JwtSecret), so nothing is
 * stored until it is spent; then its id is kept until it expires ({@link SpentChallenges}) and a
 * second use is refused.
 */
@Singleton
public class ProofOfWork {
    /** What a form id may be: it is part of the challenge's text. */
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final int MAX_NONCE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final int difficulty;
    private final Duration lifetime;
    private final Clock clock;
    private final SpentChallenges spent;

    public ProofOfWork(@Value("${" + JwtSecret.PROPERTY + "}") String secret,
                       @Value("${portal.pow.difficulty:16}") int difficulty,
                       @Value("${portal.pow.lifetime:10m}") Duration lifetime, Clock clock, SpentChallenges spent) {
        if (difficulty < 1 || difficulty > 32) {
            throw new IllegalArgumentException("portal.pow.difficulty must be 1 to 32 zero bits, not " + difficulty);
        }
        // Its own key: a challenge's MAC must never be usable as anything the token key signs.
        this.key = hmac(secret.getBytes(StandardCharsets.UTF_8), "portal proof-of-work v1");
        this.difficulty = difficulty;
        this.lifetime = lifetime;
        this.clock = clock;
        this.spent = spent;
    }

    /** A challenge as the form's script (or an API client) receives it. */
    @Serdeable
    public record Challenge(String challenge, int difficulty, Instant expiresAt) {
    }

    /** A fresh challenge for {@code form} on the site {@code tenantId}. */
    public Challenge issue(long tenantId, String form) {
        if (!FORM.matcher(form).matches()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        Instant expires = clock.instant().plus(lifetime);
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String payload = form + "." + tenantId + "." + expires.getEpochSecond() + "." + difficulty + "."
                + b64(id);
        return new Challenge(payload + "." + b64(hmac(key, payload)), difficulty, expires);
    }

    /**
     * Accepts the solution once, or refuses it (422, rule "pow") with what to do: a missing one
     * means the browser ran no script; a forged, foreign or wrong one is refused alike; an expired
     * or spent one asks for the form to be sent again (the script then solves a new challenge).
     */
    public void verify(long tenantId, String form, @Nullable String challenge, @Nullable String nonce) {
        if (challenge == null || challenge.isBlank() || nonce == null || nonce.isBlank()) {
            throw refusal("pow.missing");
        }
        String[] parts = challenge.strip().split("\\.");
        if (parts.length != 6) {
            throw refusal("pow.invalid");
        }
        String payload = challenge.strip().substring(0, challenge.strip().lastIndexOf('.'));
        byte[] mac;
        try {
            mac = Base64.getUrlDecoder().decode(parts[5]);
        } catch (IllegalArgumentException e) {
            throw refusal("pow.invalid");
        }
        if (!MessageDigest.isEqual(mac, hmac(key, payload))) {
            throw refusal("pow.invalid");
        }
        // Signed by us from here on: the fields are ours, so they parse.
        if (!parts[0].equals(form) || Long.parseLong(parts[1]) != tenantId) {
            throw refusal("pow.invalid"); // another form's or another site's challenge
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        if (!clock.instant().isBefore(expires)) {
            throw refusal("pow.expired");
        }
        if (nonce.length() > MAX_NONCE || !solves(challenge.strip(), nonce, Integer.parseInt(parts[3]))) {
            throw refusal("pow.invalid");
        }
        if (!spent.spend(tenantId, parts[4], Duration.between(clock.instant(), expires))) {
            throw refusal("pow.spent");
        }
    }

    /** Does SHA-256 of {@code challenge:nonce} start with {@code bits} zero bits? */
    static boolean solves(String challenge, String nonce, int bits) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (hash[i] != 0) {
                return false;
            }
        }
        int rest = bits % 8;
        return rest == 0 || (hash[whole] & 0xff) >>> (8 - rest) == 0;
    }

    private static ProblemException refusal(String key) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, key, "pow");
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
