package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.MEMBERSHIPS;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import vn.gov.portal.db.tables.records.AccountsRecord;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.ratelimit.RateLimits;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * Checks a username and password on one site: the person must exist, be active, know the
 * password, and hold a seat on this site's board, on its province's board, or the platform
 * role. Every refusal looks the same from outside, so the answer tells nobody which accounts
 * exist or where they sit.
 */
@Singleton
public class SignIn {
    private final TenantDb db;
    private final SignInThrottle throttle;
    private final SecondFactors secondFactors;
    private final AccountSecurity security;
    private final RateLimits limits;
    private final PasswordHashing hashing;
    private final TenantScopes scopes;

    public SignIn(TenantDb db, TenantScopes scopes, SignInThrottle throttle, SecondFactors secondFactors,
                  AccountSecurity security, RateLimits limits, PasswordHashing hashing) {
        this.scopes = scopes;
        this.hashing = hashing;
        this.db = db;
        this.throttle = throttle;
        this.secondFactors = secondFactors;
        this.security = security;
        this.limits = limits;
    }

    /** What a sign-in attempt came to. */
    public sealed interface Outcome {
        /** Signed in, with the roles this person holds on this site. */
        record Accepted(long accountId, String username, String fullName, List<String> roles) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        /** Too many failures lately; nothing was checked. */
        record Throttled() implements Outcome {
        }

        /**
         * No capacity to check a password just now ({@link PasswordHashing}); nothing was checked
         * or counted. Answered 503 with Retry-After {@link PasswordHashing#RETRY_AFTER_SECONDS}.
         */
        record Busy() implements Outcome {
        }

        /**
         * The password was right, but the account has a second factor and no code came with it.
         * The attempt stays counted as a failure until a code completes it, so this answer is no
         * faster way to test passwords than the refusal.
         */
        record SecondFactorNeeded() implements Outcome {
        }
    }

    /** A sign-in with the password alone (an account with a second factor is asked for its code). */
    public Outcome attempt(Tenant site, String rawUsername, String password, String address) {
        return attempt(site, rawUsername, password, null, null, address);
    }

    /**
     * A sign-in; {@code totp} or {@code recoveryCode} complete it for an account with a second
     * factor (a recovery code works once). Sign-ins, refusals and lockouts go to the site's audit log.
     */
    public Outcome attempt(Tenant site, String rawUsername, String password, @Nullable String totp,
                           @Nullable String recoveryCode, String address) {
        String username = Accounts.normaliseUsername(rawUsername);
        SignInThrottle.Verdict verdict = throttle.tryAttempt(site, username, address);
        if (!verdict.allowed()) {
            recordLockout(site, verdict, username, address);
            return new Outcome.Throttled();
        }
        AccountsRecord account = db.directory(ctx ->
                ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.USERNAME.eq(username)).fetchOne());
        boolean passwordOk;
        try {
            passwordOk = check(account, password);
        } catch (PasswordHashing.Busy busy) {
            throttle.notChecked(site, username, address);
            return new Outcome.Busy();
        }
        List<String> roles = passwordOk && AccountStatus.ACTIVE.is(account.getStatus()) ? rolesOn(site, account) : List.of();
        if (roles.isEmpty()) {
            security.record(site.id(), "anonymous", "auth.refused", subject(username));
            return new Outcome.Refused(); // the attempt stays counted
        }
        if (secondFactors.enabled(account.getId())) {
            boolean noCode = (totp == null || totp.isBlank()) && (recoveryCode == null || recoveryCode.isBlank());
            if (noCode) {
                return new Outcome.SecondFactorNeeded(); // stays counted until a code completes it
            }
            if (!secondFactors.verify(account.getId(), totp, recoveryCode)) {
                security.record(site.id(), label(account), "auth.second_factor_refused", null);
                return new Outcome.Refused();
            }
            if (totp == null || totp.isBlank()) {
                security.record(site.id(), label(account), "auth.recovery_code_used", null);
            }
        }
        throttle.succeeded(site, username, address);
        security.record(site.id(), label(account), "auth.signed_in", null);
        return new Outcome.Accepted(account.getId(), username, account.getFullName(), roles);
    }

    /**
     * One hash, whether or not the account exists: a decoy for an unknown name, so both take as
     * long and ask the hashing pool once.
     */
    private boolean check(@Nullable AccountsRecord account, String password) {
        return account == null ? hashing.decoyCheck(password) : hashing.matches(password, account.getPasswordHash());
    }

    /**
     * A refused attempt in the site's audit log, once per subject, kind and window: a locked
     * account (or an address) hammered on must not flood the log.
     */
    private void recordLockout(Tenant site, SignInThrottle.Verdict verdict, String username, String address) {
        String action = switch (verdict) {
            case LOCKED_AT_ADDRESS -> "auth.locked_out";
            case LOCKED_EVERYWHERE -> "auth.locked_out_everywhere";
            case ADDRESS_LIMITED -> "auth.address_throttled";
            case ALLOWED -> throw new IllegalArgumentException("not a lockout");
        };
        String subject = verdict == SignInThrottle.Verdict.ADDRESS_LIMITED
                ? "address:" + RequestOrigin.rateLimitKey(address) : subject(username);
        if (limits.tryConsume(site.id(), "signin-lockout-audit", action + ":" + subject,
                new RateLimits.Limit(1, SignInThrottle.WINDOW))) {
            security.record(site.id(), "anonymous", action, subject);
        }
    }

    private static String label(AccountsRecord account) {
        return "account:" + account.getId() + ":" + account.getUsername();
    }

    /** What was typed as a username, as the audit entry's subject: bounded, since anyone may type it. */
    private static String subject(String username) {
        return "username:" + (username.length() > 64 ? username.substring(0, 64) : username);
    }

    /** {@link #rolesOn(Tenant, AccountsRecord)} of an account by id (empty when it is not active). */
    public List<String> rolesOn(Tenant site, long accountId) {
        AccountsRecord account = db.directory(ctx -> ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(accountId))
                .and(ACCOUNTS.STATUS.eq(AccountStatus.ACTIVE.name())).fetchOne());
        return account == null ? List.of() : rolesOn(site, account);
    }

    /**
     * Sign-in on the platform host: only the platform role counts there, never a seat
     * on any board; refusals look the same as on a site.
     */
    public Outcome attemptOnPlatform(String rawUsername, String password, @Nullable String totp,
                                     @Nullable String recoveryCode, String address) {
        String username = Accounts.normaliseUsername(rawUsername);
        if (!throttle.tryAttemptOnPlatform(username, address).allowed()) {
            return new Outcome.Throttled();
        }
        AccountsRecord account = db.directory(ctx ->
                ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.USERNAME.eq(username)).fetchOne());
        boolean passwordOk;
        try {
            passwordOk = check(account, password);
        } catch (PasswordHashing.Busy busy) {
            throttle.notCheckedOnPlatform(username, address);
            return new Outcome.Busy();
        }
        if (!passwordOk || !AccountStatus.ACTIVE.is(account.getStatus())
                || !Role.PLATFORM_ADMIN.name().equals(account.getPlatformRole())) {
            return new Outcome.Refused();
        }
        // The operator's second factor, as on a site (the audit log is a site's, so none is written here).
        if (secondFactors.enabled(account.getId())) {
            if ((totp == null || totp.isBlank()) && (recoveryCode == null || recoveryCode.isBlank())) {
                return new Outcome.SecondFactorNeeded();
            }
            if (!secondFactors.verify(account.getId(), totp, recoveryCode)) {
                return new Outcome.Refused();
            }
        }
        throttle.succeededOnPlatform(username, address);
        return new Outcome.Accepted(account.getId(), username, account.getFullName(),
                List.of(Role.PLATFORM_ADMIN.name()));
    }

    /**
     * Seats on this site, seats on its province's board (as PROVINCE_…), the platform role, and
     * what they imply: the same rule every later request applies ({@link LiveSeats#roles}).
     */
    List<String> rolesOn(Tenant site, AccountsRecord account) {
        TenantScope scope = scopes.siteAndProvince(site);
        var seats = db.read(scope, ctx -> ctx.select(MEMBERSHIPS.TENANT_ID, MEMBERSHIPS.ROLE).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.ACCOUNT_ID.eq(account.getId())).fetch(r -> new LiveSeats.Seat(r.value1(), r.value2())));
        return LiveSeats.roles(site.id(), account.getPlatformRole(), seats);
    }
}
