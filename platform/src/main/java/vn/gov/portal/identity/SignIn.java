package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.MEMBERSHIPS;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.gov.portal.db.tables.records.AccountsRecord;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Checks a username and password on one site: the person must exist, be active, know the
 * password, and hold a seat on this site's board, on its province's board, or the platform
 * role. Every refusal looks the same from outside, so the answer tells nobody which accounts
 * exist or where they sit.
 */
@Singleton
public class SignIn {
    private final TenantDb db;
    private final TenantDirectory directory;
    private final SignInThrottle throttle;

    public SignIn(TenantDb db, TenantDirectory directory, SignInThrottle throttle) {
        this.db = db;
        this.directory = directory;
        this.throttle = throttle;
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
    }

    public Outcome attempt(Tenant site, String rawUsername, String password, String address) {
        String username = Accounts.normaliseUsername(rawUsername);
        if (!throttle.tryAttempt(site, username, address)) {
            return new Outcome.Throttled();
        }
        AccountsRecord account = db.directory(ctx ->
                ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.USERNAME.eq(username)).fetchOne());
        boolean passwordOk = account == null ? Passwords.decoyCheck(password)
                : Passwords.matches(password, account.getPasswordHash());
        List<String> roles = passwordOk && "ACTIVE".equals(account.getStatus()) ? rolesOn(site, account) : List.of();
        if (roles.isEmpty()) {
            return new Outcome.Refused(); // the attempt stays counted
        }
        throttle.succeeded(site, username, address);
        return new Outcome.Accepted(account.getId(), username, account.getFullName(), roles);
    }

    /**
     * Sign-in on the platform host (issue 12): only the platform role counts there, never a seat
     * on any board; refusals look the same as on a site.
     */
    public Outcome attemptOnPlatform(String rawUsername, String password, String address) {
        String username = Accounts.normaliseUsername(rawUsername);
        if (!throttle.tryAttemptOnPlatform(username, address)) {
            return new Outcome.Throttled();
        }
        AccountsRecord account = db.directory(ctx ->
                ctx.selectFrom(ACCOUNTS).where(ACCOUNTS.USERNAME.eq(username)).fetchOne());
        boolean passwordOk = account == null ? Passwords.decoyCheck(password)
                : Passwords.matches(password, account.getPasswordHash());
        if (!passwordOk || !"ACTIVE".equals(account.getStatus())
                || !Role.PLATFORM_ADMIN.name().equals(account.getPlatformRole())) {
            return new Outcome.Refused();
        }
        throttle.succeededOnPlatform(username, address);
        return new Outcome.Accepted(account.getId(), username, account.getFullName(),
                List.of(Role.PLATFORM_ADMIN.name()));
    }

    /** Seats on this site, seats on its province's board (as PROVINCE_…), and the platform role. */
    List<String> rolesOn(Tenant site, AccountsRecord account) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = dir.provinceOf(site);
        Set<String> roles = new LinkedHashSet<>();
        if (Role.PLATFORM_ADMIN.name().equals(account.getPlatformRole())) {
            roles.add(Role.PLATFORM_ADMIN.name());
        }
        TenantScope scope = TenantScope.subtree(List.of(site.id(), province.id()));
        var seats = db.read(scope, ctx -> ctx.select(MEMBERSHIPS.TENANT_ID, MEMBERSHIPS.ROLE).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.ACCOUNT_ID.eq(account.getId())).fetch());
        for (var seat : seats) {
            Role role = Role.valueOf(seat.value2());
            if (seat.value1() == site.id()) {
                roles.add(role.name());
            } else {
                roles.add(role.asProvinceBoard());
            }
        }
        return new ArrayList<>(roles);
    }
}
