package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.MEMBERSHIPS;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.ProblemException;

/**
 * A site's board, managed by its SITE_ADMIN (quản trị nội dung): who sits on it, and the
 * handover when someone leaves (TB Đ12.5, BG Đ17): their seat ends, their unfinished articles
 * pass to a colleague, their sessions end, in one step that the audit log records.
 */
@Singleton
public class Members {
    private final TenantDb db;
    private final Accounts accounts;
    private final AuditLog audit;

    public Members(TenantDb db, Accounts accounts, AuditLog audit) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Serdeable
    public record Member(long accountId, String username, String fullName, List<String> roles) {
    }

    public List<Member> list(long tenantId, java.util.Set<String> callerRoles) {
        mustManage(callerRoles, true);
        return db.read(TenantScope.of(tenantId), ctx -> {
            var rows = ctx.select(ACCOUNTS.ID, ACCOUNTS.USERNAME, ACCOUNTS.FULL_NAME, MEMBERSHIPS.ROLE)
                    .from(MEMBERSHIPS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(MEMBERSHIPS.ACCOUNT_ID))
                    .where(MEMBERSHIPS.TENANT_ID.eq(tenantId)).orderBy(ACCOUNTS.USERNAME).fetch();
            Map<Long, List<org.jooq.Record4<Long, String, String, String>>> byAccount = rows.stream()
                    .collect(Collectors.groupingBy(r -> r.value1(), java.util.LinkedHashMap::new, Collectors.toList()));
            return byAccount.values().stream().map(rs -> new Member(rs.getFirst().value1(), rs.getFirst().value2(),
                    rs.getFirst().value3(), rs.stream().map(r -> r.value4()).toList())).toList();
        });
    }

    /** Ends {@code leaving}'s seats on this site and gives their drafts and pending items to {@code to}. */
    public int handOver(long tenantId, String actorLabel, java.util.Set<String> callerRoles, long leaving, long to) {
        mustManage(callerRoles, false);
        if (leaving == to) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "member.handover-self");
        }
        int moved = db.write(TenantScope.of(tenantId), ctx -> {
            boolean leavingSits = ctx.fetchExists(MEMBERSHIPS, MEMBERSHIPS.TENANT_ID.eq(tenantId),
                    MEMBERSHIPS.ACCOUNT_ID.eq(leaving));
            boolean receiverSits = ctx.fetchExists(MEMBERSHIPS, MEMBERSHIPS.TENANT_ID.eq(tenantId),
                    MEMBERSHIPS.ACCOUNT_ID.eq(to));
            if (!leavingSits || !receiverSits) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "member.not-found");
            }
            int n = ctx.update(ARTICLES).set(ARTICLES.AUTHOR_ID, to)
                    .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.AUTHOR_ID.eq(leaving),
                            ARTICLES.STATUS.in("DRAFT", "PENDING"))
                    .execute();
            ctx.deleteFrom(MEMBERSHIPS).where(MEMBERSHIPS.TENANT_ID.eq(tenantId), MEMBERSHIPS.ACCOUNT_ID.eq(leaving))
                    .execute();
            audit.record(ctx, tenantId, actorLabel, "member.handed_over",
                    "account:" + leaving + " -> account:" + to + " articles:" + n, null);
            return n;
        });
        accounts.endSessions(leaving);
        return moved;
    }

    private static void mustManage(java.util.Set<String> roles, boolean headMayRead) {
        boolean ok = roles.contains(Role.SITE_ADMIN.name()) || roles.contains(Role.PLATFORM_ADMIN.name())
                || (headMayRead && roles.contains(Role.HEAD.name()));
        if (!ok) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "member.forbidden");
        }
    }
}
