package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.SIGN_IN_LINKS;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.jooq.DSLContext;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.text.VietnameseText;

/**
 * One-time links to set a password: how the head of a new site's board gets in (TN Đ14.5: the
 * site is handed over with a working board). A link works once, for {@link #LIFETIME}, on
 * the site it was made for; only its SHA-256 is stored.
 */
@Singleton
public class SignInLinks {
    public static final Duration LIFETIME = Duration.ofHours(72);
    public static final String PATH = "/admin/kich-hoat/";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The password of an account whose link is not used yet: the hash of random bytes that are
     * thrown away at once. One per process rather than per account, because Argon2 is slow on
     * purpose and a bulk file creates a hundred heads; nobody can know the secret either way.
     */
    private static final String UNUSABLE_PASSWORD = Passwords.hash(token());
    private final TenantDb db;
    private final Clock clock;

    public SignInLinks(TenantDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Who a valid link lets in. */
    public record Holder(long accountId, String username, String fullName, long tenantId) {
    }

    /**
     * A board member invited by e-mail, inside the transaction that creates their site: the
     * account gets an unusable password ({@link #UNUSABLE_PASSWORD}) until the link is used.
     * A username already taken gets a number ("soyte.truongban2").
     */
    public static long invite(DSLContext ctx, String username, String fullName, @Nullable String email) {
        String base = Accounts.normaliseUsername(username);
        String name = base;
        for (int n = 2; ctx.fetchExists(ACCOUNTS, ACCOUNTS.USERNAME.eq(name)); n++) {
            name = base + n;
        }
        return ctx.insertInto(ACCOUNTS)
                .set(ACCOUNTS.USERNAME, name)
                .set(ACCOUNTS.FULL_NAME, VietnameseText.nfc(fullName))
                .set(ACCOUNTS.EMAIL, email)
                .set(ACCOUNTS.PASSWORD_HASH, UNUSABLE_PASSWORD)
                .returning(ACCOUNTS.ID).fetchOne(ACCOUNTS.ID);
    }

    /** Issues a link token for the account on a site, in the caller's transaction. */
    public static String issue(DSLContext ctx, long accountId, long tenantId, String purpose, OffsetDateTime now) {
        String token = token();

        ctx.insertInto(SIGN_IN_LINKS)
                .set(SIGN_IN_LINKS.TOKEN_SHA256, sha256(token))
                .set(SIGN_IN_LINKS.ACCOUNT_ID, accountId)
                .set(SIGN_IN_LINKS.TENANT_ID, tenantId)
                .set(SIGN_IN_LINKS.PURPOSE, purpose)
                .set(SIGN_IN_LINKS.CREATED_AT, now)
                .set(SIGN_IN_LINKS.EXPIRES_AT, now.plus(LIFETIME))
                .execute();
        return token;
    }

    /** The holder of a link that is unused, unexpired and made for this site; empty otherwise. */
    public Optional<Holder> check(String token, long tenantId) {
        return db.directory(ctx -> find(ctx, token, tenantId, false));
    }

    /**
     * Uses the link: sets the password (which must meet {@link Passwords#weakness}) and spends
     * the link, in one transaction, so two tabs cannot both use it.
     */
    public Holder redeem(String token, long tenantId, String password) {
        return db.directory(ctx -> {
            Holder holder = find(ctx, token, tenantId, true)
                    .orElseThrow(() -> new IllegalStateException("link.invalid"));
            Passwords.weakness(password, holder.username()).ifPresent(w -> {
                throw new IllegalArgumentException(w);
            });
            ctx.update(ACCOUNTS).set(ACCOUNTS.PASSWORD_HASH, Passwords.hash(password))
                    .set(ACCOUNTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(ACCOUNTS.ID.eq(holder.accountId())).execute();
            ctx.update(SIGN_IN_LINKS).set(SIGN_IN_LINKS.USED_AT, OffsetDateTime.now(clock))
                    .where(SIGN_IN_LINKS.TOKEN_SHA256.eq(sha256(token))).execute();
            return holder;
        });
    }

    private Optional<Holder> find(DSLContext ctx, String token, long tenantId, boolean lock) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        var query = ctx.select(ACCOUNTS.ID, ACCOUNTS.USERNAME, ACCOUNTS.FULL_NAME, SIGN_IN_LINKS.TENANT_ID)
                .from(SIGN_IN_LINKS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(SIGN_IN_LINKS.ACCOUNT_ID))
                .where(SIGN_IN_LINKS.TOKEN_SHA256.eq(sha256(token)))
                .and(SIGN_IN_LINKS.TENANT_ID.eq(tenantId))
                // A reset link (AccountSecurity) opens only the reset page, which ends every session.
                .and(SIGN_IN_LINKS.PURPOSE.eq("FIRST_SIGN_IN"))
                .and(SIGN_IN_LINKS.USED_AT.isNull())
                .and(SIGN_IN_LINKS.EXPIRES_AT.gt(OffsetDateTime.now(clock)))
                .and(ACCOUNTS.STATUS.eq(AccountStatus.ACTIVE.name()));
        var row = lock ? query.forUpdate().of(SIGN_IN_LINKS).fetchOne() : query.fetchOne();
        return Optional.ofNullable(row).map(r -> new Holder(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** A fresh random link token (256 bits, URL-safe): the password reset's links are made the same way. */
    public static String newToken() {
        return token();
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
