package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.MEMBERSHIPS;
import static vn.gov.portal.db.Tables.SECURITY_POLICIES;
import static vn.gov.portal.db.Tables.SIGN_IN_LINKS;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import vn.gov.portal.db.tables.records.AccountsRecord;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.mail.Mail;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * A person's own account: profile, password change, password reset by e-mail (by themselves, or
 * started by their site's admin), second factor, and the province's policy on who must have
 * one. Every change is written to the audit log of the site it was made on.
 */
@Singleton
public class AccountSecurity {
    /** How long a reset link works (and the mail that carries it is worth sending). */
    public static final Duration RESET_LIFETIME = Duration.ofHours(1);
    public static final String RESET_PATH = "/admin/dat-lai-mat-khau/";
    static final String RESET_MAIL = "account.password-reset";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final Set<String> HEAD_SEATS = Set.of(Role.HEAD.name(), Role.SITE_ADMIN.name(),
            Role.HEAD.asProvinceBoard(), Role.SITE_ADMIN.asProvinceBoard());

    private final TenantDb db;
    private final AuditLog audit;
    private final MailOutbox outbox;
    private final Templates templates;
    private final TenantDirectory directory;
    private final SecondFactors secondFactors;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final PasswordHashing hashing;

    private final boolean demoEnabled;
    private final DemoAccountNames demoAccounts;
    private final TenantScopes scopes;

    public AccountSecurity(TenantDb db, AuditLog audit, MailOutbox outbox, Templates templates,
                           TenantDirectory directory, SecondFactors secondFactors, SignInThrottle throttle,
                           Clock clock, PasswordHashing hashing,
                           @Value("${portal.demo.enabled:false}") boolean demoEnabled,
                           DemoAccountNames demoAccounts, TenantScopes scopes) {
        this.demoAccounts = demoAccounts;
        this.scopes = scopes;
        this.hashing = hashing;
        this.demoEnabled = demoEnabled;
        this.db = db;
        this.audit = audit;
        this.outbox = outbox;
        this.templates = templates;
        this.directory = directory;
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Serdeable
    public record Profile(long accountId, String username, String fullName, @Nullable String email,
                          @Nullable String phone, boolean secondFactor, int recoveryCodesLeft) {
    }

    @Serdeable
    public record ProfileChange(@Nullable String fullName, @Nullable String email, @Nullable String phone) {
    }

    /** Who did it, on which site: the audit entry's actor and tenant. */
    public record Caller(long tenantId, long accountId, String username) {
        String label() {
            return "account:" + accountId + ":" + username;
        }
    }

    // ------------------------------------------------------------------------------ profile

    public Profile profile(long accountId) {
        AccountsRecord a = account(accountId);
        boolean on = secondFactors.enabled(accountId);
        return new Profile(a.getId(), a.getUsername(), a.getFullName(), a.getEmail(), a.getPhone(), on,
                on ? secondFactors.recoveryCodesLeft(accountId) : 0);
    }

    public Profile updateProfile(Caller caller, ProfileChange change) {
        String name = VietnameseText.nfc(change.fullName() == null ? "" : change.fullName()).strip();
        if (name.length() < 2 || name.length() > 200) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "account.invalid-name");
        }
        String email = blankToNull(change.email());
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "account.invalid-email");
        }
        String phone = blankToNull(change.phone());
        if (phone != null && !phone.matches("[0-9 +().-]{6,20}")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "account.invalid-phone");
        }
        db.write(TenantScope.of(caller.tenantId()), ctx -> {
            ctx.update(ACCOUNTS).set(ACCOUNTS.FULL_NAME, name)
                    .set(ACCOUNTS.EMAIL, email == null ? null : email.toLowerCase(Locale.ROOT))
                    .set(ACCOUNTS.PHONE, phone)
                    .set(ACCOUNTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(ACCOUNTS.ID.eq(caller.accountId())).execute();
            audit.record(ctx, caller.tenantId(), caller.label(), "account.profile_updated",
                    "account:" + caller.accountId(), null);
            return null;
        });
        return profile(caller.accountId());
    }

    // ------------------------------------------------------------------------------ password

    /**
     * Changes the caller's password: the current one must be right (counted by the sign-in
     * throttle, so this is no back door for guessing it), the new one must meet
     * {@link Passwords#weakness}. Every session of the account ends; the caller is given a new one
     * by the controller.
     */
    public void changePassword(Tenant site, Caller caller, String current, String next, String address) {
        if (!throttle.tryAttempt(site, caller.username(), address).allowed()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "auth.throttled");
        }
        AccountsRecord a = account(caller.accountId());
        boolean currentOk;
        try {
            currentOk = current != null && hashing.matches(current, a.getPasswordHash());
        } catch (PasswordHashing.Busy busy) {
            throttle.notChecked(site, caller.username(), address);
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "auth.busy");
        }
        if (!currentOk) {
            record(caller.tenantId(), caller.label(), "account.password_change_refused", null);
            throw new ProblemException(HttpStatus.FORBIDDEN, "account.wrong-password");
        }
        throttle.succeeded(site, caller.username(), address);
        Passwords.weakness(next, a.getUsername()).ifPresent(w -> {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, w);
        });
        String hash;
        try {
            if (hashing.matches(next, a.getPasswordHash())) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "account.same-password");
            }
            hash = hashing.hash(next);
        } catch (PasswordHashing.Busy busy) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "auth.busy");
        }
        db.write(TenantScope.of(caller.tenantId()), ctx -> {
            setPassword(ctx, caller.accountId(), hash);
            audit.record(ctx, caller.tenantId(), caller.label(), "account.password_changed",
                    "account:" + caller.accountId(), null);
            return null;
        });
    }

    /** The password, and the end of every session issued before now. */
    private void setPassword(DSLContext ctx, long accountId, String hash) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ctx.update(ACCOUNTS).set(ACCOUNTS.PASSWORD_HASH, hash)
                .set(ACCOUNTS.SESSIONS_VALID_AFTER, now)
                .set(ACCOUNTS.UPDATED_AT, now)
                .where(ACCOUNTS.ID.eq(accountId)).execute();
    }

    // ------------------------------------------------------------------------------ reset

    /**
     * A reset asked for on the sign-in page: when {@code login} (a username, or an e-mail
     * address) names an active person who holds a seat reachable from this site and has an
     * address, they are mailed a link to this site ({@code linkOrigin}: its scheme, host and port). Nothing about the outcome is returned: the
     * caller answers the same either way.
     */
    public void requestReset(Tenant site, String linkOrigin, String login) {
        String wanted = login == null ? "" : VietnameseText.nfc(login).strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || wanted.length() > 200) {
            return;
        }
        List<AccountsRecord> found = db.directory(ctx -> ctx.selectFrom(ACCOUNTS)
                .where(wanted.contains("@") ? DSL.lower(ACCOUNTS.EMAIL).eq(wanted)
                        : ACCOUNTS.USERNAME.eq(wanted))
                .and(ACCOUNTS.STATUS.eq(AccountStatus.ACTIVE.name())).and(ACCOUNTS.EMAIL.isNotNull()).fetch());
        for (AccountsRecord a : found) {
            if (seatedOn(site, a.getId())) {
                db.write(TenantScope.of(site.id()), ctx -> {
                    mailResetLink(ctx, site, linkOrigin, a);
                    audit.record(ctx, site.id(), "account:" + a.getId() + ":" + a.getUsername(),
                            "account.password_reset_requested", "account:" + a.getId(), null);
                    return null;
                });
            }
        }
    }

    /** A reset a site admin starts for a member of their board: the member is mailed the link. */
    public MailOutbox.Queued resetForMember(Tenant site, String linkOrigin, String actorLabel,
                                            Set<String> callerRoles, long memberId) {
        Permission.RESET_MEMBER_PASSWORDS.mustSeats(callerRoles);
        return db.write(TenantScope.of(site.id()), ctx -> {
            boolean sits = ctx.fetchExists(MEMBERSHIPS, MEMBERSHIPS.TENANT_ID.eq(site.id()),
                    MEMBERSHIPS.ACCOUNT_ID.eq(memberId));
            AccountsRecord a = sits ? ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(memberId))
                    .and(ACCOUNTS.STATUS.eq(AccountStatus.ACTIVE.name())).fetchOne() : null;
            if (a == null) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "member.not-found");
            }
            if (a.getEmail() == null) {
                throw new ProblemException(HttpStatus.CONFLICT, "account.no-email");
            }
            MailOutbox.Queued queued = mailResetLink(ctx, site, linkOrigin, a);
            audit.record(ctx, site.id(), actorLabel, "account.password_reset_started", "account:" + memberId, null);
            return queued;
        });
    }

    /**
     * Issues a reset link (voiding every other unused link of the account, so only the newest
     * works) and writes its mail, in the caller's transaction.
     */
    private MailOutbox.Queued mailResetLink(DSLContext ctx, Tenant site, String linkOrigin,
                                            AccountsRecord a) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime expires = now.plus(RESET_LIFETIME);
        ctx.update(SIGN_IN_LINKS).set(SIGN_IN_LINKS.USED_AT, now)
                .where(SIGN_IN_LINKS.ACCOUNT_ID.eq(a.getId())).and(SIGN_IN_LINKS.USED_AT.isNull()).execute();
        String token = SignInLinks.newToken();
        ctx.insertInto(SIGN_IN_LINKS)
                .set(SIGN_IN_LINKS.TOKEN_SHA256, SecondFactors.sha256(token))
                .set(SIGN_IN_LINKS.ACCOUNT_ID, a.getId())
                .set(SIGN_IN_LINKS.TENANT_ID, site.id())
                .set(SIGN_IN_LINKS.PURPOSE, "RESET")
                .set(SIGN_IN_LINKS.CREATED_AT, now)
                .set(SIGN_IN_LINKS.EXPIRES_AT, expires)
                .execute();
        String link = linkOrigin + RESET_PATH + token;
        String body = text("mail.password-reset.body", a.getFullName(), site.name(), a.getUsername(), link,
                WHEN.format(expires.atZoneSameInstant(ProvinceTime.ZONE)));
        return outbox.enqueue(ctx, Mail.of(site.id(), RESET_MAIL, a.getEmail(),
                text("mail.password-reset.subject", site.name()), body).secret(expires));
    }

    /** Who a reset link lets set a password: the link is unused, unexpired, a reset, and this site's. */
    public Optional<SignInLinks.Holder> resetHolder(String token, long tenantId) {
        return db.directory(ctx -> findReset(ctx, token, tenantId, false));
    }

    /**
     * Uses a reset link: the new password (which must meet {@link Passwords#weakness}) is set,
     * the link and any other are spent, and every session of the account ends.
     */
    public SignInLinks.Holder redeemReset(String token, long tenantId, String password) {
        return db.write(TenantScope.of(tenantId), ctx -> {
            SignInLinks.Holder holder = findReset(ctx, token, tenantId, true)
                    .orElseThrow(() -> new ProblemException(HttpStatus.GONE, "link.invalid"));
            Passwords.weakness(password, holder.username()).ifPresent(w -> {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, w);
            });
            setPassword(ctx, holder.accountId(), Passwords.hash(password));
            ctx.update(SIGN_IN_LINKS).set(SIGN_IN_LINKS.USED_AT, OffsetDateTime.now(clock))
                    .where(SIGN_IN_LINKS.ACCOUNT_ID.eq(holder.accountId())).and(SIGN_IN_LINKS.USED_AT.isNull())
                    .execute();
            audit.record(ctx, tenantId, "account:" + holder.accountId() + ":" + holder.username(),
                    "account.password_reset", "account:" + holder.accountId(), null);
            return holder;
        });
    }

    private Optional<SignInLinks.Holder> findReset(DSLContext ctx, String token, long tenantId, boolean lock) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var query = ctx.select(ACCOUNTS.ID, ACCOUNTS.USERNAME, ACCOUNTS.FULL_NAME, SIGN_IN_LINKS.TENANT_ID)
                .from(SIGN_IN_LINKS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(SIGN_IN_LINKS.ACCOUNT_ID))
                .where(SIGN_IN_LINKS.TOKEN_SHA256.eq(SecondFactors.sha256(token)))
                .and(SIGN_IN_LINKS.TENANT_ID.eq(tenantId))
                .and(SIGN_IN_LINKS.PURPOSE.eq("RESET"))
                .and(SIGN_IN_LINKS.USED_AT.isNull())
                .and(SIGN_IN_LINKS.EXPIRES_AT.gt(now))
                .and(ACCOUNTS.STATUS.eq(AccountStatus.ACTIVE.name()));
        var row = lock ? query.forUpdate().of(SIGN_IN_LINKS).fetchOne() : query.fetchOne();
        return Optional.ofNullable(row).map(r -> new SignInLinks.Holder(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    // ------------------------------------------------------------------------------ second factor

    public SecondFactors.Enrolment startSecondFactor(Caller caller) {
        String issuer = directory.snapshot().provinceOf(directory.snapshot().byId(caller.tenantId())).name();
        return secondFactors.start(caller.accountId(), issuer, caller.username());
    }

    /** Confirms enrolment with a first code; the recovery codes, shown this once. */
    public List<String> confirmSecondFactor(Caller caller, String code) {
        return db.write(TenantScope.of(caller.tenantId()), ctx -> {
            List<String> codes = secondFactors.confirm(ctx, caller.accountId(), code);
            audit.record(ctx, caller.tenantId(), caller.label(), "account.second_factor_enabled",
                    "account:" + caller.accountId(), null);
            return codes;
        });
    }

    /** Turns the second factor off: needs a code (TOTP or recovery) or the password. */
    public void disableSecondFactor(Caller caller, @Nullable String code, @Nullable String recoveryCode,
                                    @Nullable String password) {
        AccountsRecord a = account(caller.accountId());
        boolean byPassword;
        try {
            byPassword = password != null && !password.isEmpty() && hashing.matches(password, a.getPasswordHash());
        } catch (PasswordHashing.Busy busy) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "auth.busy");
        }
        db.write(TenantScope.of(caller.tenantId()), ctx -> {
            if (!byPassword && !secondFactors.verify(ctx, caller.accountId(), code, recoveryCode)) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "second-factor.proof-needed");
            }
            secondFactors.remove(ctx, caller.accountId());
            audit.record(ctx, caller.tenantId(), caller.label(), "account.second_factor_disabled",
                    "account:" + caller.accountId(), null);
            return null;
        });
    }

    /**
     * Whether a person signing in with these roles must have a second factor before acting:
     * PLATFORM_ADMIN always; heads and site admins (of the site or of its province) when the
     * province asks for it.
     */
    public boolean secondFactorRequired(Tenant site, List<String> roles) {
        if (roles.contains(Role.PLATFORM_ADMIN.name())) {
            return true;
        }
        return roles.stream().anyMatch(HEAD_SEATS::contains) && policy(directory.snapshot().provinceOf(site))
                .requireSecondFactorForHeads();
    }

    /**
     * True when this sign-in must enrol a second factor before anything else: it is required and
     * the account has none. The demo's own accounts on a {@code .localhost} host are let through,
     * so the README's commands keep working with its password alone.
     */
    public boolean mustEnrol(Tenant site, String baseDomain, long accountId, String username, List<String> roles) {
        if (exemptDemo(baseDomain, username)) {
            return false;
        }
        return secondFactorRequired(site, roles) && !secondFactors.enabled(accountId);
    }

    /**
     * The same for a platform admin on the platform host: always required, so true
     * whenever the account has none, the demo's accounts on a {@code .localhost} platform host aside.
     * Read live on every console request, so enrolling takes effect without a new session.
     */
    public boolean mustEnrolOnPlatform(String platformHost, long accountId, String username) {
        return !exemptDemo(platformHost, username) && !secondFactors.enabled(accountId);
    }

    /**
     * The demo's own accounts (known passwords, README) need no second factor, so its commands keep
     * working: only while the demo is on (it runs on {@code .localhost} domains alone, DemoDomains)
     * and only on hosts that can never be a public site, the reserved {@code .localhost} and
     * {@code .test} names (RFC 6761), where the tests' fixture provinces live too. An account
     * named like a demo account on a deployment without the demo gets no exemption.
     */
    private boolean exemptDemo(String host, String username) {
        return demoEnabled && (host.endsWith(".localhost") || host.endsWith(".test"))
                && demoAccounts.isDemoAccount(username);
    }

    /**
     * Starts a platform admin's enrolment; the issuer the app shows is the platform host, so the
     * operator tells a test platform from the live one. No audit entry: the platform host has no
     * site, so no audit log (as for its sign-ins); the console's controller logs it instead.
     */
    public SecondFactors.Enrolment startSecondFactorOnPlatform(String platformHost, long accountId, String username) {
        return secondFactors.start(accountId, platformHost, username);
    }

    /** Confirms a platform admin's enrolment with a first code; the recovery codes, shown this once. */
    public List<String> confirmSecondFactorOnPlatform(long accountId, @Nullable String code) {
        return db.directory(ctx -> secondFactors.confirm(ctx, accountId, code));
    }

    // ------------------------------------------------------------------------------ policy

    @Serdeable
    public record Policy(boolean requireSecondFactorForHeads) {
    }

    public Policy policy(Tenant province) {
        Boolean required = db.read(TenantScope.of(province.id()), ctx -> ctx
                .select(SECURITY_POLICIES.REQUIRE_SECOND_FACTOR_FOR_HEADS).from(SECURITY_POLICIES)
                .where(SECURITY_POLICIES.TENANT_ID.eq(province.id())).fetchOne(0, Boolean.class));
        return new Policy(Boolean.TRUE.equals(required));
    }

    /** The province's head sets its policy, on the province's own host. */
    public Policy setPolicy(Tenant site, String actorLabel, Set<String> callerRoles, Policy policy) {
        mayReadPolicy(site, callerRoles, true);
        db.write(TenantScope.of(site.id()), ctx -> {
            ctx.insertInto(SECURITY_POLICIES)
                    .set(SECURITY_POLICIES.TENANT_ID, site.id())
                    .set(SECURITY_POLICIES.REQUIRE_SECOND_FACTOR_FOR_HEADS, policy.requireSecondFactorForHeads())
                    .set(SECURITY_POLICIES.UPDATED_BY, actorLabel)
                    .onConflict(SECURITY_POLICIES.TENANT_ID).doUpdate()
                    .set(SECURITY_POLICIES.REQUIRE_SECOND_FACTOR_FOR_HEADS, policy.requireSecondFactorForHeads())
                    .set(SECURITY_POLICIES.UPDATED_BY, actorLabel)
                    .set(SECURITY_POLICIES.UPDATED_AT, OffsetDateTime.now(clock))
                    .execute();
            audit.recordWithDetail(ctx, site.id(), actorLabel, "security.policy_updated", "tenant:" + site.id(), null,
                    "{\"requireSecondFactorForHeads\":" + policy.requireSecondFactorForHeads() + "}");
            return null;
        });
        return policy(site);
    }

    /** Only on a province's host; the head sets it, the head and the site admin read it. */
    public void mayReadPolicy(Tenant site, Set<String> callerRoles, boolean write) {
        if (!site.isProvince()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "security-policy.province-only");
        }
        (write ? Permission.SET_SECURITY_POLICY : Permission.READ_SECURITY_POLICY).must(callerRoles, site);
    }

    // ------------------------------------------------------------------------------ helpers

    /** An entry in the site's audit log, in a transaction of its own (sign-ins, refusals, sign-outs). */
    public void record(long tenantId, String actor, String action, @Nullable String subject) {
        db.write(TenantScope.of(tenantId), ctx -> {
            audit.record(ctx, tenantId, actor, action, subject, null);
            return null;
        });
    }

    /** True when the account has a seat on this site, on its province's board, or the platform role. */
    private boolean seatedOn(Tenant site, long accountId) {
        boolean seat = db.read(scopes.siteAndProvince(site), ctx -> ctx.fetchExists(
                MEMBERSHIPS, MEMBERSHIPS.ACCOUNT_ID.eq(accountId)));
        return seat || db.directory(ctx -> ctx.fetchExists(ACCOUNTS, ACCOUNTS.ID.eq(accountId)
                .and(ACCOUNTS.PLATFORM_ROLE.eq(Role.PLATFORM_ADMIN.name()))));
    }

    private AccountsRecord account(long accountId) {
        AccountsRecord a = db.directory(ctx -> ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.ID.eq(accountId)).fetchOne());
        if (a == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        return a;
    }

    private String text(String key, Object... args) {
        return templates.message(Templates.VIETNAMESE, key, args);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
