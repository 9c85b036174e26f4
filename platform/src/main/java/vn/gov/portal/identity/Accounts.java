package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.MEMBERSHIPS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jooq.DSLContext;
import vn.gov.portal.db.Tables;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Quotas;
import vn.gov.portal.tenancy.TenantKind;

/** Creating accounts and seating them on boards; every seat is recorded in the site's audit log. */
@Singleton
public class Accounts {
    private final TenantDb db;
    private final AuditLog audit;
    private final Clock clock;

    public Accounts(TenantDb db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new person, with a password that meets {@link Passwords#weakness}; returns the account id. */
    public long create(String username, String fullName, @Nullable String email, String password,
                       @Nullable Role platformRole) {
        String name = normaliseUsername(username);
        Passwords.weakness(password, name).ifPresent(w -> {
            throw new IllegalArgumentException(w);
        });
        if (platformRole != null && platformRole != Role.PLATFORM_ADMIN) {
            throw new IllegalArgumentException("Only PLATFORM_ADMIN is a platform role");
        }
        String hash = Passwords.hash(password);
        return db.directory(ctx -> ctx.insertInto(ACCOUNTS)
                .set(ACCOUNTS.USERNAME, name)
                .set(ACCOUNTS.FULL_NAME, VietnameseText.nfc(fullName))
                .set(ACCOUNTS.EMAIL, email)
                .set(ACCOUNTS.PASSWORD_HASH, hash)
                .set(ACCOUNTS.PLATFORM_ROLE, platformRole == null ? null : platformRole.name())
                .returning(ACCOUNTS.ID).fetchOne(ACCOUNTS.ID));
    }

    /** Seats an account on a site's board. */
    public void grant(long tenantId, long accountId, Role role, String grantedBy) {
        if (role == Role.PLATFORM_ADMIN) {
            throw new IllegalArgumentException("PLATFORM_ADMIN is not a board seat");
        }
        db.write(TenantScope.of(tenantId), ctx -> {
            var site = ctx.select(Tables.TENANTS.KIND, Tables.TENANTS.MEMBER_QUOTA)
                    .from(Tables.TENANTS).where(Tables.TENANTS.ID.eq(tenantId))
                    .forUpdate().fetchOne();
            int quota = Quotas.effective(TenantKind.valueOf(site.value1()),
                    null, site.value2(), null).members();
            boolean seated = ctx.fetchExists(MEMBERSHIPS, MEMBERSHIPS.TENANT_ID.eq(tenantId)
                    .and(MEMBERSHIPS.ACCOUNT_ID.eq(accountId)));
            if (!seated && members(ctx, tenantId) >= quota) {
                throw new ProblemException(HttpStatus.CONFLICT,
                        "member.quota-exceeded", "member-quota");
            }
            ctx.insertInto(MEMBERSHIPS)
                    .set(MEMBERSHIPS.TENANT_ID, tenantId)
                    .set(MEMBERSHIPS.ACCOUNT_ID, accountId)
                    .set(MEMBERSHIPS.ROLE, role.name())
                    .set(MEMBERSHIPS.GRANTED_BY, grantedBy)
                    .onConflictDoNothing()
                    .execute();
            audit.record(ctx, tenantId, grantedBy, "membership.granted", "account:" + accountId + ":" + role, null);
            return null;
        });
    }

    /** People seated on the site's board (an account with two seats counts once). */
    public static int members(DSLContext ctx, long tenantId) {
        return ctx.fetchCount(ctx.selectDistinct(MEMBERSHIPS.ACCOUNT_ID).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.TENANT_ID.eq(tenantId)));
    }

    /** Ends every session of the account now: tokens issued before are refused from here on. */
    public void endSessions(long accountId) {
        db.directory(ctx -> ctx.update(ACCOUNTS)
                .set(ACCOUNTS.SESSIONS_VALID_AFTER, OffsetDateTime.now(clock))
                .set(ACCOUNTS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(ACCOUNTS.ID.eq(accountId)).execute());
    }

    /** Usernames are compared in lower case, NFC: "Sotaichinh.TruongBan" is "sotaichinh.truongban". */
    public static String normaliseUsername(String username) {
        return VietnameseText.nfc(username == null ? "" : username).toLowerCase(Locale.ROOT);
    }
}
