package vn.gov.portal.provisioning;

import static vn.gov.portal.db.Tables.TENANTS;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * Merges site A into site B (the 2025 reorganisation merged communes): A's categories,
 * articles with their revisions and translations, proposals, media, pages, ratings and board
 * move to B in one transaction; A becomes MERGED, so its hosts answer 301 to B's with the path
 * kept. Where A and B both have a category of the same address, A's items join B's category;
 * where an article or page address is taken on B, A's gets A's label appended. A's audit
 * entries stay A's (the log is append-only) and B's history names the merge.
 */
@Singleton
public class SiteMerge {
    /**
     * Tables whose rows stay with A: the append-only log, links that only open A's host, the request
     * that made A, the mail sent about A (what A's people were told, like the log), the quota
     * reminders A's board received, and A's periodic reports (V20): what A's head submitted about
     * A's own figures, which the province still reads under A's name for the periods A reported
     * (B files its own, and two reports of one period could not both be B's). A's royalty rates and
     * approved statements stay A's too: they are what A's unit paid from its own budget (TN Đ21), a
     * record like the log, and B pays by its own rates from the merge on.
     */
    private static final List<String> STAYING = List.of("audit_events", "sign_in_links", "tenant_hosts",
            "site_requests", "mail_outbox", "quota_reminders", "royalty_rates", "royalty_statements",
            "royalty_lines", "site_reports",
            // V30: a province's own policy on second factors; a merged site's row (if any) is its record
            "security_policies",
            // V41: deleted sites' audit entries, the province's (a component site has none there)
            "audit_archive");
    /**
     * Facts derived from the content (the province's oversight): A's are dropped, and B's
     * are computed again from what it now holds (its conformance at the next scan).
     */
    private static final List<String> DERIVED = List.of("oversight_items", "oversight_months",
            "conformance_results");
    private final TenantDb db;
    private final TenantDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final TenantScopes scopes;

    public SiteMerge(TenantDb db, TenantDirectory directory, AuditLog audit, Clock clock,
                     TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** What moved. */
    @Serdeable
    public record Moved(long from, long into, int articles, int revisions, int media, int pages, int members,
                        int categoriesJoined) {
    }

    /** What merging A would move, counted before anything moves: the console asks to confirm it. */
    public record Moving(int articles, int revisions, int media, int pages, int members, int categories) {
    }

    Moving moving(Tenant a) {
        return db.read(TenantScope.of(a.id()), ctx -> new Moving(
                count(ctx, "SELECT count(*) FROM articles WHERE tenant_id = ?", a.id()),
                count(ctx, "SELECT count(*) FROM article_revisions WHERE tenant_id = ?", a.id()),
                count(ctx, "SELECT count(*) FROM media WHERE tenant_id = ?", a.id()),
                count(ctx, "SELECT count(*) FROM pages WHERE tenant_id = ?", a.id()),
                count(ctx, "SELECT count(DISTINCT account_id) FROM memberships WHERE tenant_id = ?", a.id()),
                count(ctx, "SELECT count(*) FROM categories WHERE tenant_id = ?", a.id())));
    }

    private static int count(DSLContext ctx, String sql, long tenantId) {
        return ctx.fetchValue(sql, tenantId) instanceof Number n ? n.intValue() : 0;
    }

    Moved merge(Tenant a, Tenant b, String actor) {
        Moved moved = db.provision((ctx, enter) -> {
            enter.accept(scopes.mergingSites(a, b));
            lockBoth(ctx, a.id(), b.id());
            db.longRunning(ctx); // moves every row of a site in one transaction
            // Keys between a site's rows are checked at commit (V11), after everything moved.
            ctx.execute("SET CONSTRAINTS ALL DEFERRED");
            long from = a.id();
            long into = b.id();
            String suffix = a.subdomain();
            for (String derived : DERIVED) {
                ctx.execute("DELETE FROM " + derived + " WHERE tenant_id = ?", from);
            }

            // Categories with the same address on both: A's items and sub-categories join B's.
            int joined = ctx.execute("""
                    WITH pairs AS (
                      SELECT ca.id AS a_id, cb.id AS b_id FROM categories ca
                      JOIN categories cb ON cb.tenant_id = ? AND cb.slug = ca.slug
                      WHERE ca.tenant_id = ?),
                    items AS (
                      UPDATE articles SET category_id = pairs.b_id FROM pairs
                      WHERE articles.tenant_id = ? AND articles.category_id = pairs.a_id),
                    subs AS (
                      UPDATE categories SET parent_id = pairs.b_id FROM pairs
                      WHERE categories.tenant_id = ? AND categories.parent_id = pairs.a_id)
                    DELETE FROM categories USING pairs WHERE categories.id = pairs.a_id""", into, from, from, from);
            ctx.execute("UPDATE categories SET tenant_id = ? WHERE tenant_id = ?", into, from);

            // Mandatory pages both have (ND 224 Đ9): B keeps one of each. A written page replaces B's
            // placeholder; A's placeholder goes where B has the page; where both wrote it, B's stays
            // the mandatory one and A's text stays as an ordinary page (renamed just below). A placeholder
            // that goes takes its unapproved drafts with it (page_revisions, V28); every other revision moves.
            ctx.execute("""
                    DELETE FROM pages b USING pages a
                    WHERE b.tenant_id = ? AND b.placeholder AND a.tenant_id = ? AND NOT a.placeholder
                      AND a.language = b.language AND a.mandatory_key = b.mandatory_key""", into, from);
            ctx.execute("""
                    DELETE FROM pages a USING pages b
                    WHERE a.tenant_id = ? AND a.placeholder AND b.tenant_id = ?
                      AND b.language = a.language AND b.mandatory_key = a.mandatory_key""", from, into);
            ctx.execute("""
                    UPDATE pages a SET mandatory_key = NULL FROM pages b
                    WHERE a.tenant_id = ? AND b.tenant_id = ?
                      AND b.language = a.language AND b.mandatory_key = a.mandatory_key""", from, into);
            // Addresses taken on B: A's keep their words, with A's label after them.
            renameTaken(ctx, "articles", 120, from, into, suffix);
            renameTaken(ctx, "pages", 200, from, into, suffix);
            int articles = ctx.execute("UPDATE articles SET tenant_id = ? WHERE tenant_id = ?", into, from);
            int revisions = ctx.execute("UPDATE article_revisions SET tenant_id = ? WHERE tenant_id = ?", into, from);
            ctx.execute("UPDATE proposals SET tenant_id = ? WHERE tenant_id = ?", into, from);
            int media = ctx.execute("UPDATE media SET tenant_id = ? WHERE tenant_id = ?", into, from);
            ctx.execute("UPDATE media_variants SET tenant_id = ? WHERE tenant_id = ?", into, from);
            int pages = ctx.execute("UPDATE pages SET tenant_id = ? WHERE tenant_id = ?", into, from);
            ctx.execute("UPDATE page_revisions SET tenant_id = ? WHERE tenant_id = ?", into, from);
            ctx.execute("UPDATE ratings SET tenant_id = ? WHERE tenant_id = ?", into, from);
            ctx.execute("UPDATE article_comments SET tenant_id = ? WHERE tenant_id = ?", into, from);
            int members = ctx.execute("""
                    INSERT INTO memberships (tenant_id, account_id, role, granted_at, granted_by)
                    SELECT ?, account_id, role, granted_at, granted_by FROM memberships WHERE tenant_id = ?
                    ON CONFLICT DO NOTHING""", into, from);
            ctx.execute("DELETE FROM memberships WHERE tenant_id = ?", from);
            refuseLeftovers(ctx, from);

            ctx.update(TENANTS).set(TENANTS.STATUS, TenantStatus.MERGED.name()).set(TENANTS.MERGED_INTO_ID, into)
                    .set(TENANTS.UPDATED_AT, OffsetDateTime.now(clock)).where(TENANTS.ID.eq(from)).execute();
            String detail = "{\"from\":" + from + ",\"into\":" + into + ",\"articles\":" + articles + "}";
            audit.recordWithDetail(ctx, from, actor, "tenant.merged_into", "tenant:" + into, null, detail);
            audit.recordWithDetail(ctx, into, actor, "tenant.merged_from", "tenant:" + from, null, detail);
            return new Moved(from, into, articles, revisions, media, pages, members, joined);
        });
        directory.reload();
        return moved;
    }

    /**
     * Locks both sites' rows until the merge commits, always in the order of their ids, so two
     * merges naming the same sites (A into B and B into A, or A into B twice) queue instead of
     * deadlocking; then checks again what the caller checked on a snapshot, which the merge that
     * went first may since have changed. Without it both could pass and each site end up merged
     * into the other.
     */
    private static void lockBoth(DSLContext ctx, long a, long b) {
        var rows = ctx.select(TENANTS.ID, TENANTS.STATUS).from(TENANTS).where(TENANTS.ID.in(a, b))
                .orderBy(TENANTS.ID).forUpdate().fetch();
        if (rows.size() != 2 || rows.stream().anyMatch(r -> TenantStatus.valueOf(r.value2()) == TenantStatus.MERGED)) {
            throw new ProblemException(HttpStatus.CONFLICT, "tenant.merged", "merged");
        }
    }

    /** Gives A's rows whose (language, slug) B already uses the address "slug-label". */
    private static void renameTaken(DSLContext ctx, String table, int maxLength, long from, long into, String suffix) {
        ctx.execute("UPDATE " + table + " x SET slug = rtrim(left(x.slug, ? - length(?) - 1), '-') || '-' || ? "
                + "WHERE x.tenant_id = ? AND EXISTS (SELECT 1 FROM " + table + " y "
                + "WHERE y.tenant_id = ? AND y.language = x.language AND y.slug = x.slug)",
                maxLength, suffix, suffix, from, into);
    }

    /**
     * A table added later that this class does not know would keep rows for a site that no
     * longer serves: refuse the whole merge, naming the table, rather than strand them.
     */
    private static void refuseLeftovers(DSLContext ctx, long from) {
        var tables = ctx.fetch("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'""")
                .getValues(0, String.class);
        for (String table : tables) {
            if (STAYING.contains(table)) {
                continue;
            }
            boolean left = ctx.fetchExists(ctx.selectOne().from(DSL.table(DSL.name(table)))
                    .where(DSL.field(DSL.name("tenant_id")).eq(from)));
            if (left) {
                throw new IllegalStateException("Merge does not know how to move the rows of table " + table);
            }
        }
    }
}
