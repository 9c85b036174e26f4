package vn.gov.portal.provisioning.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Every table a site's rows live in, and how those rows point at each other: what an export
 * writes and what an import must renumber. Ids are identity columns shared by every tenant, so
 * an import gives each row a new id and follows every reference with it.
 *
 * <p>Like {@code SiteMerge}, this class must know every tenant table: {@link #refuseUnknown}
 * fails an export when a table with a {@code tenant_id} is neither carried nor deliberately
 * left out, rather than hand out an archive that silently lacks it.
 */
final class SiteTables {

    /** What a column holds, for the import. Columns not named are copied as they are. */
    enum Ref {
        /** The row's own id, renumbered; references to it follow ({@link Table#ids}). */
        OWN_ID,
        /** The row's own id, which nothing refers to: the database gives a new one. */
        FRESH_ID,
        CATEGORY, ARTICLE, MEDIA, PROPOSAL, PAGE, ACCOUNT,
        /** The site a proposal was sent to: the new site's parent. */
        PARENT_SITE,
        /** Text (or JSON) that may link the site's media as {@code /media/<id>/<variant>}. */
        MEDIA_LINKS,
        /**
         * A body shown to visitors: sanitised again against the publishing allow-list (an archive is
         * a file anyone could have edited and re-hashed), then its media links as above.
         */
        RICH_TEXT,
        /** A media store key: the file is copied under a key of the new site. */
        STORAGE_KEY,
        /**
         * Who did or what was named, as audit entries and seats write it ("article:12",
         * "account:7:sotaichinh.truongban"), renumbered where the archive holds that row.
         */
        AUDIT_REFERENCE
    }

    /** Kinds of renumbered ids, each from its table's identity sequence. */
    enum Ids {
        CATEGORY("categories"), ARTICLE("articles"), MEDIA("media"), PROPOSAL("proposals"), PAGE("pages");

        final String table;

        Ids(String table) {
            this.table = table;
        }
    }

    /**
     * A carried table: its rows are {@code WHERE tenant_id = site} (for proposals: those the site
     * sent, not those sent to it), exported in {@code order}.
     */
    record Table(String name, String order, Ids ids, Map<String, Ref> refs) {
        String entry() {
            return name + ".jsonl";
        }
    }

    /** The site's own row. */
    static final String TENANT_ENTRY = "tenants.jsonl";
    /** The people its rows name (members, authors, reviewers, uploaders). */
    static final String ACCOUNTS_ENTRY = "accounts.jsonl";

    /**
     * In import order: what a row refers to comes first (not needed for the keys, which the
     * import defers to commit, but so media links can be rewritten as bodies go by).
     */
    static final List<Table> CARRIED = List.of(
            table("categories", "id", Ids.CATEGORY, "id", Ref.OWN_ID, "parent_id", Ref.CATEGORY),
            table("media", "id", Ids.MEDIA, "id", Ref.OWN_ID, "uploaded_by", Ref.ACCOUNT,
                    "storage_key", Ref.STORAGE_KEY),
            table("media_variants", "media_id, variant", null, "media_id", Ref.MEDIA, "storage_key", Ref.STORAGE_KEY),
            table("articles", "id", Ids.ARTICLE, "id", Ref.OWN_ID, "original_id", Ref.ARTICLE,
                    "category_id", Ref.CATEGORY, "author_id", Ref.ACCOUNT, "submitted_by", Ref.ACCOUNT,
                    "reviewed_by", Ref.ACCOUNT, "pending_by", Ref.ACCOUNT, "body_html", Ref.RICH_TEXT,
                    "featured_image", Ref.MEDIA_LINKS),
            table("article_revisions", "article_id, revision", null, "article_id", Ref.ARTICLE,
                    "saved_by", Ref.ACCOUNT, "rejected_by", Ref.ACCOUNT, "body_html", Ref.RICH_TEXT,
                    "fields", Ref.MEDIA_LINKS),
            table("proposals", "id", Ids.PROPOSAL, "id", Ref.OWN_ID, "parent_id", Ref.PARENT_SITE,
                    "article_id", Ref.ARTICLE, "proposed_by", Ref.ACCOUNT, "decided_by", Ref.ACCOUNT),
            table("pages", "id", Ids.PAGE, "id", Ref.OWN_ID, "body_html", Ref.RICH_TEXT,
                    "submitted_by", Ref.ACCOUNT),
            // Every saved version of the pages (V28), approved or not: the site's record (TN Đ10.1).
            table("page_revisions", "page_id, revision", null, "page_id", Ref.PAGE, "saved_by", Ref.ACCOUNT,
                    "body_html", Ref.RICH_TEXT),
            table("ratings", "id", null, "id", Ref.FRESH_ID),
            // Review comments (V29): what the board said about an article before it went out.
            table("article_comments", "id", null, "id", Ref.FRESH_ID, "article_id", Ref.ARTICLE,
                    "author_id", Ref.ACCOUNT),
            table("memberships", "account_id, role", null, "account_id", Ref.ACCOUNT,
                    "granted_by", Ref.AUDIT_REFERENCE),
            table("audit_events", "id", null, "id", Ref.FRESH_ID, "subject", Ref.AUDIT_REFERENCE,
                    "actor", Ref.AUDIT_REFERENCE),
            // Periodic reports (V20): submitted ones are the site's record and go with it, frozen as sent.
            table("site_reports", "id", null, "id", Ref.FRESH_ID, "updated_by", Ref.ACCOUNT,
                    "submitted_by", Ref.ACCOUNT, "returned_by", Ref.ACCOUNT),
            // Royalties: the site's rates and its approved, frozen statements.
            table("royalty_rates", "effective_from", null, "set_by", Ref.AUDIT_REFERENCE),
            table("royalty_statements", "month", null, "approved_by", Ref.AUDIT_REFERENCE),
            table("royalty_lines", "month, article_id, account_id", null, "article_id", Ref.ARTICLE,
                    "account_id", Ref.ACCOUNT));

    /**
     * Tenant tables deliberately not carried: host rows are addresses on the source platform
     * (aliases and former names; the import gets the address it is given), one-time sign-in
     * links are short-lived and keep only a hash of a token that was sent to someone, and a site
     * request is the province's record of who asked for the site (its tenant_id names the site
     * the approval made), not the site's. The mail outbox is the platform's record of what it told
     * whom (and may hold a one-time link not yet sent): it stays with the platform that sent it.
     */
    static final Set<String> NOT_CARRIED = Set.of("tenant_hosts", "sign_in_links", "site_requests", "mail_outbox",
            // derived from the content, computed again for the imported site
            "oversight_items", "oversight_months", "quota_reminders",
            // the latest conformance scan, run again for the imported site the next day or on demand
            "conformance_results",
            // a province's policy on second factors (V30): the importing platform's province sets its own
            "security_policies",
            // V41: deleted sites' audit entries, kept by their province (never a component site's rows)
            "audit_archive");

    /** Account columns an archive never carries: platform-wide power and session state are not a site's. */
    static final List<String> ACCOUNT_COLUMNS_LEFT_OUT = List.of("platform_role", "sessions_valid_after");

    private SiteTables() {
    }

    static Table byEntry(String entry) {
        return CARRIED.stream().filter(t -> t.entry().equals(entry)).findFirst().orElse(null);
    }

    /** Every entry name a table of the archive may have. */
    static Set<String> tableEntries() {
        Set<String> names = new HashSet<>(Set.of(TENANT_ENTRY, ACCOUNTS_ENTRY));
        CARRIED.forEach(t -> names.add(t.entry()));
        return names;
    }

    /** Fails when a table with a tenant_id exists that this class does not know. */
    static void refuseUnknown(DSLContext ctx) {
        List<String> tables = ctx.fetch("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'""")
                .getValues(0, String.class);
        for (String table : tables) {
            boolean known = NOT_CARRIED.contains(table) || CARRIED.stream().anyMatch(t -> t.name().equals(table));
            if (!known) {
                throw new IllegalStateException("Site export does not know the tenant table " + table
                        + ": add it to SiteTables (carried, with its references, or deliberately left out)");
            }
        }
    }

    /** Columns PostgreSQL computes (the search vector): never exported, never inserted. */
    static Map<String, List<String>> generatedColumns(DSLContext ctx) {
        Map<String, List<String>> generated = new LinkedHashMap<>();
        ctx.fetch("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND is_generated = 'ALWAYS'""")
                .forEach(r -> generated.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                        .add(r.get(1, String.class)));
        return generated;
    }

    /** Columns an INSERT may name, in table order. */
    static List<String> insertableColumns(DSLContext ctx, String table) {
        return ctx.fetch("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER'
                ORDER BY ordinal_position""", table).getValues(0, String.class);
    }

    /** The migrations applied here, in the order they ran. */
    static List<String> appliedMigrations(DSLContext ctx) {
        return ctx.fetch("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank").getValues(0, String.class);
    }

    /** The newest of them by number (they may have run out of order: V40 before V10). */
    static String newest(List<String> versions) {
        return versions.stream().max(SiteTables::compareVersions).orElse("0");
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static Table table(String name, String order, Ids ids, Object... refs) {
        Map<String, Ref> map = new LinkedHashMap<>();
        for (int i = 0; i < refs.length; i += 2) {
            map.put((String) refs[i], (Ref) refs[i + 1]);
        }
        return new Table(name, order, ids, Map.copyOf(map));
    }
}
