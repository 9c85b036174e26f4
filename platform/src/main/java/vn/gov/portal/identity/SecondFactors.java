package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNT_RECOVERY_CODES;
import static vn.gov.portal.db.Tables.ACCOUNT_SECOND_FACTORS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.web.ProblemException;

/**
 * A person's second factor: a TOTP secret ({@link Totp}) and ten recovery codes. Enrolment is
 * two steps (the secret is shown once, and counts only once a first code proves the app has it),
 * so a half-finished enrolment never locks anyone out. These are platform tables (V30): a second
 * factor is the person's, on every site they sit on.
 */
@Singleton
public class SecondFactors {
    public static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Recovery codes avoid letters read alike (0/O, 1/I/L). */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private final TenantDb db;
    private final Clock clock;

    public SecondFactors(TenantDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What enrolment shows once: the secret for typing, and the URI for a QR code or a paste. */
    @Serdeable
    public record Enrolment(String secret, String otpauthUri) {
    }

    /** True when the account has a confirmed second factor: sign-in asks for a code. */
    public boolean enabled(long accountId) {
        return db.directory(ctx -> ctx.fetchExists(ACCOUNT_SECOND_FACTORS,
                ACCOUNT_SECOND_FACTORS.ACCOUNT_ID.eq(accountId).and(ACCOUNT_SECOND_FACTORS.CONFIRMED_AT.isNotNull())));
    }

    /** Starts (or restarts) enrolment with a new secret; refused while a confirmed one is on. */
    public Enrolment start(long accountId, String issuer, String username) {
        byte[] secret = Totp.newSecret();
        db.directory(ctx -> {
            var current = ctx.selectFrom(ACCOUNT_SECOND_FACTORS)
                    .where(ACCOUNT_SECOND_FACTORS.ACCOUNT_ID.eq(accountId)).forUpdate().fetchOne();
            if (current != null && current.getConfirmedAt() != null) {
                throw new ProblemException(HttpStatus.CONFLICT, "second-factor.already-on");
            }
            ctx.insertInto(ACCOUNT_SECOND_FACTORS)
                    .set(ACCOUNT_SECOND_FACTORS.ACCOUNT_ID, accountId)
                    .set(ACCOUNT_SECOND_FACTORS.SECRET, secret)
                    .onConflict(ACCOUNT_SECOND_FACTORS.ACCOUNT_ID).doUpdate()
                    .set(ACCOUNT_SECOND_FACTORS.SECRET, secret)
                    .set(ACCOUNT_SECOND_FACTORS.LAST_STEP, (Long) null)
                    .set(ACCOUNT_SECOND_FACTORS.CREATED_AT, OffsetDateTime.now(clock))
                    .execute();
            return null;
        });
        return new Enrolment(Totp.base32(secret), Totp.uri(issuer, username, secret));
    }

    /**
     * Confirms enrolment with a first code from the app, in the caller's transaction; returns
     * the recovery codes, in the clear this once (only their hashes are kept).
     */
    public List<String> confirm(DSLContext ctx, long accountId, String code) {
        var pending = ctx.selectFrom(ACCOUNT_SECOND_FACTORS)
                .where(ACCOUNT_SECOND_FACTORS.ACCOUNT_ID.eq(accountId)).forUpdate().fetchOne();
        if (pending == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "second-factor.not-started");
        }
        if (pending.getConfirmedAt() != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "second-factor.already-on");
        }
        var step = Totp.verify(pending.getSecret(), code, clock.instant(), null);
        if (step.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "second-factor.wrong-code");
        }
        pending.setConfirmedAt(OffsetDateTime.now(clock));
        pending.setLastStep(step.getAsLong());
        pending.store();
        ctx.deleteFrom(ACCOUNT_RECOVERY_CODES).where(ACCOUNT_RECOVERY_CODES.ACCOUNT_ID.eq(accountId)).execute();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = recoveryCode();
            codes.add(c);
            ctx.insertInto(ACCOUNT_RECOVERY_CODES)
                    .set(ACCOUNT_RECOVERY_CODES.ACCOUNT_ID, accountId)
                    .set(ACCOUNT_RECOVERY_CODES.CODE_SHA256, sha256(normalise(c)))
                    .execute();
        }
        return codes;
    }

    /**
     * Checks a TOTP code or a recovery code for a sign-in or a change, in the caller's
     * transaction, and spends it: the TOTP step cannot be used again, the recovery code is
     * marked used. False when neither is good.
     */
    public boolean verify(DSLContext ctx, long accountId, @Nullable String totp, @Nullable String recoveryCode) {
        var factor = ctx.selectFrom(ACCOUNT_SECOND_FACTORS)
                .where(ACCOUNT_SECOND_FACTORS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_SECOND_FACTORS.CONFIRMED_AT.isNotNull()).forUpdate().fetchOne();
        if (factor == null) {
            return false;
        }
        if (totp != null && !totp.isBlank()) {
            var step = Totp.verify(factor.getSecret(), totp, clock.instant(), factor.getLastStep());
            if (step.isPresent()) {
                factor.setLastStep(step.getAsLong());
                factor.store();
                return true;
            }
            return false;
        }
        if (recoveryCode != null && !recoveryCode.isBlank()) {
            return ctx.update(ACCOUNT_RECOVERY_CODES).set(ACCOUNT_RECOVERY_CODES.USED_AT, OffsetDateTime.now(clock))
                    .where(ACCOUNT_RECOVERY_CODES.ACCOUNT_ID.eq(accountId))
                    .and(ACCOUNT_RECOVERY_CODES.CODE_SHA256.eq(sha256(normalise(recoveryCode))))
                    .and(ACCOUNT_RECOVERY_CODES.USED_AT.isNull())
                    .execute() == 1;
        }
        return false;
    }

    /** The same, in a transaction of its own. */
    public boolean verify(long accountId, @Nullable String totp, @Nullable String recoveryCode) {
        return db.directory(ctx -> verify(ctx, accountId, totp, recoveryCode));
    }

    /** Recovery codes not used yet. */
    public int recoveryCodesLeft(long accountId) {
        return db.directory(ctx -> ctx.fetchCount(ACCOUNT_RECOVERY_CODES,
                ACCOUNT_RECOVERY_CODES.ACCOUNT_ID.eq(accountId).and(ACCOUNT_RECOVERY_CODES.USED_AT.isNull())));
    }

    /** Removes the second factor and its codes, in the caller's transaction. */
    public void remove(DSLContext ctx, long accountId) {
        ctx.deleteFrom(ACCOUNT_RECOVERY_CODES).where(ACCOUNT_RECOVERY_CODES.ACCOUNT_ID.eq(accountId)).execute();
        ctx.deleteFrom(ACCOUNT_SECOND_FACTORS).where(ACCOUNT_SECOND_FACTORS.ACCOUNT_ID.eq(accountId)).execute();
    }

    private static String recoveryCode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                s.append('-');
            }
            s.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return s.toString();
    }

    /** "abcde fghij" and "ABCDE-FGHIJ" are the same code: people retype them from paper. */
    private static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
