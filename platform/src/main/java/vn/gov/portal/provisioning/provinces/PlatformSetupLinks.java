package vn.gov.portal.provisioning.provinces;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.PLATFORM_SETUP_LINKS;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Passwords;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.tenancy.PlatformHost;

/**
 * The first platform administrator: no account with a known password is
 * shipped. The first start with no platform admin logs a one-time link on the platform host
 * that sets one up, and {@code ops/admin} prints a new one whenever the operator needs it. A
 * link works once, for {@link #LIFETIME}; only its SHA-256 is kept.
 */
@Singleton
public class PlatformSetupLinks {
    public static final Duration LIFETIME = Duration.ofHours(24);
    public static final String PATH = PlatformHost.CONSOLE + "/khoi-tao/";
    private static final Logger LOG = LoggerFactory.getLogger(PlatformSetupLinks.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final TenantDb db;
    private final PlatformHost platform;
    private final int port;
    private final boolean logAtStart;
    private final Clock clock;

    public PlatformSetupLinks(TenantDb db, PlatformHost platform,
                              @Value("${micronaut.server.port:8080}") int port,
                              @Value("${portal.platform-setup.log-at-start:true}") boolean logAtStart,
                              Clock clock) {
        this.logAtStart = logAtStart;
        this.db = db;
        this.platform = platform;
        this.port = port;
        this.clock = clock;
    }

    public boolean anyPlatformAdmin() {
        return db.directory(ctx -> ctx.fetchExists(ACCOUNTS, ACCOUNTS.PLATFORM_ROLE.eq(Role.PLATFORM_ADMIN.name())
                .and(ACCOUNTS.STATUS.eq("ACTIVE"))));
    }

    /** Logged once per start, and only while nobody can administer the platform. */
    @EventListener
    void onStartup(StartupEvent event) {
        if (logAtStart && !anyPlatformAdmin()) {
            LOG.warn("""

                    ==========================================================================
                    No platform administrator yet. Open this one-time link (valid {} h) to set one up:
                      {}
                    (ops/admin prints a new link.)
                    ==========================================================================""",
                    LIFETIME.toHours(), issue());
        }
    }

    /** A new link, as an absolute URL on the platform host. */
    public String issue() {
        String token = token();
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.directory(ctx -> ctx.insertInto(PLATFORM_SETUP_LINKS).set(PLATFORM_SETUP_LINKS.TOKEN_SHA256, sha256(token))
                .set(PLATFORM_SETUP_LINKS.CREATED_AT, now).set(PLATFORM_SETUP_LINKS.EXPIRES_AT, now.plus(LIFETIME))
                .execute());
        // A .localhost host is a developer's machine: plain HTTP on the server's port.
        String origin = platform.host().endsWith(".localhost") ? "http://" + platform.host() + ":" + port
                : "https://" + platform.host();
        return origin + PATH + token;
    }

    public boolean valid(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{20,100}")
                && db.directory(ctx -> ctx.fetchExists(PLATFORM_SETUP_LINKS,
                PLATFORM_SETUP_LINKS.TOKEN_SHA256.eq(sha256(token)).and(PLATFORM_SETUP_LINKS.USED_AT.isNull())
                        .and(PLATFORM_SETUP_LINKS.EXPIRES_AT.gt(OffsetDateTime.now(clock)))));
    }

    /**
     * Spends the link and creates the platform admin with this password, in one transaction
     * (two tabs cannot both use it). Empty when the link no longer works; a weak password or a
     * taken username throws IllegalArgumentException with the message key.
     */
    public boolean redeem(String token, String username, String fullName, String email, String password) {
        String name = Accounts.normaliseUsername(username);
        if (!name.matches("[a-z0-9][a-z0-9._-]{2,60}")) {
            throw new IllegalArgumentException("platform.setup-username");
        }
        if (fullName == null || fullName.strip().length() < 2) {
            throw new IllegalArgumentException("platform.setup-name");
        }
        Passwords.weakness(password, name).ifPresent(w -> {
            throw new IllegalArgumentException(w);
        });
        String hash = Passwords.hash(password);
        return db.directory(ctx -> {
            int spent = ctx.update(PLATFORM_SETUP_LINKS).set(PLATFORM_SETUP_LINKS.USED_AT, OffsetDateTime.now(clock))
                    .where(PLATFORM_SETUP_LINKS.TOKEN_SHA256.eq(sha256(token)))
                    .and(PLATFORM_SETUP_LINKS.USED_AT.isNull())
                    .and(PLATFORM_SETUP_LINKS.EXPIRES_AT.gt(OffsetDateTime.now(clock))).execute();
            if (spent == 0) {
                return false;
            }
            if (ctx.fetchExists(ACCOUNTS, ACCOUNTS.USERNAME.eq(name))) {
                throw new IllegalArgumentException("platform.setup-username-taken");
            }
            long id = ctx.insertInto(ACCOUNTS).set(ACCOUNTS.USERNAME, name)
                    .set(ACCOUNTS.FULL_NAME, VietnameseText.nfc(fullName.strip()))
                    .set(ACCOUNTS.EMAIL, email == null || email.isBlank() ? null : email.strip())
                    .set(ACCOUNTS.PASSWORD_HASH, hash).set(ACCOUNTS.PLATFORM_ROLE, Role.PLATFORM_ADMIN.name())
                    .returning(ACCOUNTS.ID).fetchOne(ACCOUNTS.ID);
            ctx.update(PLATFORM_SETUP_LINKS).set(PLATFORM_SETUP_LINKS.USED_BY, id)
                    .where(PLATFORM_SETUP_LINKS.TOKEN_SHA256.eq(sha256(token))).execute();
            return true;
        });
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
