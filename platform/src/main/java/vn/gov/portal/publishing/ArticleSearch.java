package vn.gov.portal.publishing;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * Full-text search over published articles of one site or a province's subtree: marks and case
 * ignored for matching ("phan dinh phung" finds "Phan Đình Phùng"), words adjacent in the
 * query rank higher when adjacent in the text, and items containing the query exactly as typed,
 * marks included and case ignored, rank first ("thuế" above "thuê", "THUẾ" too).
 *
 * <p>Ranking reads each candidate's search vector and text, and folded Vietnamese syllables are
 * common: "năm", "thuế" or "hội nghị" match a third of all articles or more. So only the newest
 * {@value #RANKED_CANDIDATES} matches are ranked; a query matching fewer is ranked whole, and a
 * broader one shows the best of its newest matches.
 *
 * <p>Finding those newest matches across a province is the costly part (ops/bench/RESULTS.md,
 * "Search", 200 sites, 100,000 articles). Through the GIN index PostgreSQL visits every match to
 * sort them by date (11,000 rows for "Tân Cương"); walking articles newest first reads each
 * one's search vector until enough match, which is quick for common words and endless for rare
 * ones. PostgreSQL cannot choose well between the two here: it sees neither how many sites the
 * wall lets through nor how the words spread over time. So a search of several sites looks back
 * in windows of time ({@link #WINDOW_DAYS}) and stops at the first that completes the count: the
 * first window (the last three days, some 800 articles of 200 sites) is walked, which finishes
 * common words at once; the second is walked too when the first was rich in matches, else it goes
 * through the index, as every later one does, visiting only its own matches. Every step is
 * bounded by its window, and the result is exactly the newest matches, as one query over
 * everything would give. A single site's search is one statement: its share of the
 * index is small. Both ways need ts_match_vq to be LEAKPROOF under row-level security (V40), and
 * each statement is planned for its own words.
 *
 * <p>Only the page's results carry text back, and only the start of each body
 * ({@value #BODY_PREFIX} characters): enough for the snippet around the first match in nearly
 * every item, and a bound on the work of the "as typed" bonus, which looks at the title, the
 * summary and that start of the body.
 */
@Singleton
public class ArticleSearch {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleSearch.class);
    public static final int MAX_RESULTS = 50;
    /** Matches ranked at most, newest first: bounds the work of a broad query (see above). */
    static final int RANKED_CANDIDATES = 200;
    /**
     * Where each window of a search of several sites ends, in days before now; one more window
     * reaches back from the last to the oldest item. Each is five times the one before, so the
     * window that completes the count holds a few times the matches needed, not all of them.
     */
    static final int[] WINDOW_DAYS = {3, 15, 75, 365};
    /** Characters of each result's body returned for its snippet and read for the bonus. */
    static final int BODY_PREFIX = 2_000;
    /** {0} the words; the scope {1} (tenant ids), {2} language; the visitor's {3} from, {4} to, {5} category. */
    private static final String MATCHING = """
            SELECT tenant_id, id FROM articles
            WHERE tenant_id = ANY ({1}) AND status = 'PUBLISHED' AND language = {2}
              AND search_vector @@ plainto_tsquery('simple', lower(f_unaccent({0})))
              AND ({3}::date IS NULL OR published_at >= {3}::date)
              AND ({4}::date IS NULL OR published_at < {4}::date + 1)
              AND ({5}::bigint IS NULL OR category_id = {5}::bigint)
            """;
    private final TenantDb db;
    private final Clock clock;
    private final TenantScopes scopes;

    public ArticleSearch(TenantDb db, Clock clock,
                         TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.clock = clock;
    }

    /** Says at start when search cannot use its index (V40 could not mark ts_match_vq LEAKPROOF). */
    @EventListener
    void onStartup(StartupEvent event) {
        Boolean leakproof = db.directory(ctx -> ctx.fetchValue(DSL.field(
                "(SELECT proleakproof FROM pg_proc WHERE oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure)",
                Boolean.class)));
        if (!Boolean.TRUE.equals(leakproof)) {
            LOG.warn("ts_match_vq is not LEAKPROOF in this database: under row-level security every search scans "
                    + "all articles. As a superuser run: ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) "
                    + "LEAKPROOF (see V40__search_under_row_level_security.sql)");
        }
    }

    /** One result, with what the snippet needs: {@code bodyStart} is the first {@value #BODY_PREFIX} characters. */
    public record Hit(long tenantId, long id, String title, String slug, String summary, String bodyStart,
                      OffsetDateTime publishedAt) {
    }

    /**
     * Which plans the next statements may use, for the rest of the transaction: "walk" an index
     * in order (no bitmap), go through the "index" (bitmap, no ordered walk), or "any".
     */
    private static void plans(DSLContext ctx, String which) {
        ctx.execute("SELECT set_config('enable_bitmapscan', {0}, true), set_config('enable_indexscan', {1}, true)",
                DSL.inline(which.equals("walk") ? "off" : "on"), DSL.inline(which.equals("index") ? "off" : "on"));
    }

    /**
     * Whether window {@code w} lies wholly outside the visitor's dates, by more than a day either
     * side (the database's clock and time zone decide the exact edges): not worth a statement.
     */
    static boolean outside(OffsetDateTime now, int w, @Nullable LocalDate from, @Nullable LocalDate to) {
        boolean hasStart = w < WINDOW_DAYS.length;
        boolean hasEnd = w > 0;
        return (to != null && hasStart
                        && now.minusDays(WINDOW_DAYS[w]).toLocalDate().isAfter(to.plusDays(1)))
                || (from != null && hasEnd
                        && now.minusDays(WINDOW_DAYS[w - 1]).toLocalDate().isBefore(from.minusDays(1)));
    }

    /** {@code categoryId}, when given, belongs to the single site in {@code tenantIds}. */
    public List<Hit> search(List<Long> tenantIds, String language, String query, @Nullable LocalDate from,
                            @Nullable LocalDate to, @Nullable Long categoryId) {
        String q = query.strip();
        if (q.isEmpty() || tenantIds.isEmpty()) {
            return List.of();
        }
        Object[] params = {DSL.val(q), DSL.val(tenantIds.toArray(Long[]::new)), DSL.val(language),
                DSL.val(from, LocalDate.class), DSL.val(to, LocalDate.class), DSL.val(categoryId, Long.class)};
        return db.read(scopes.sitesOfOneProvince(tenantIds), ctx -> {
            ctx.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            // Never a scan of all articles: behind the wall the planner takes the scope for 5 % of
            // the rows (V10) and may find one cheaper than it is.
            ctx.execute("SET LOCAL enable_seqscan = off");
            List<Long> tenants = new ArrayList<>();
            List<Long> articles = new ArrayList<>();
            int windows = tenantIds.size() == 1 ? 0 : WINDOW_DAYS.length;
            // Newest first, window after window (now() is the transaction's start, so they meet
            // exactly), until RANKED_CANDIDATES are found; one window, unbounded, for one site.
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
            for (int w = 0; w <= windows && articles.size() < RANKED_CANDIDATES; w++) {
                if (windows > 0 && outside(now, w, from, to)) {
                    continue;
                }
                String window = (w < windows ? " AND published_at >= now() - interval '" + WINDOW_DAYS[w] + " days'" : "")
                        + (w > 0 ? " AND published_at < now() - interval '" + WINDOW_DAYS[w - 1] + " days'" : "");
                if (windows > 0) {
                    // Walk the first window; walk the second too when the first promises it more
                    // than twice the matches still needed; go through the index for the rest.
                    int need = RANKED_CANDIDATES - articles.size();
                    boolean walk = w == 0 || (w == 1 && (long) articles.size() * (WINDOW_DAYS[1] - WINDOW_DAYS[0])
                            >= 2L * need * WINDOW_DAYS[0]);
                    plans(ctx, walk ? "walk" : "index");
                }
                ctx.resultQuery(MATCHING + window + " ORDER BY published_at DESC LIMIT "
                                + (RANKED_CANDIDATES - articles.size()), params)
                        .forEach(r -> {
                            tenants.add(r.get(0, Long.class));
                            articles.add(r.get(1, Long.class));
                        });
            }
            if (articles.isEmpty()) {
                return List.<Hit>of();
            }
            if (windows > 0) {
                plans(ctx, "any");
            }
            // The bonus compares in Unicode lower case (f_lower, V10): lower() under the C locale
            // left "THUẾ" as "thuẾ". Status is read again: the item may have been withdrawn since.
            return ctx.resultQuery("""
                SELECT a.tenant_id, a.id, a.title, a.slug, a.summary, substr(a.body_html, 1, {4}), a.published_at
                FROM unnest({1}::bigint[], {2}::bigint[]) AS c (tenant_id, id)
                JOIN articles a ON a.tenant_id = c.tenant_id AND a.id = c.id
                WHERE a.status = 'PUBLISHED'
                ORDER BY ts_rank(a.search_vector, phraseto_tsquery('simple', lower(f_unaccent({0})))) * 2
                         + ts_rank(a.search_vector, plainto_tsquery('simple', lower(f_unaccent({0}))))
                         + CASE WHEN position(f_lower({0}) in
                                     f_lower(a.title || ' ' || a.summary || ' ' || substr(a.body_html, 1, {4}))) > 0
                                THEN 1 ELSE 0 END DESC,
                         a.published_at DESC
                LIMIT {3}""",
                    DSL.val(q), DSL.val(tenants.toArray(Long[]::new)), DSL.val(articles.toArray(Long[]::new)),
                    DSL.inline(MAX_RESULTS), DSL.inline(BODY_PREFIX))
                    .fetch(r -> new Hit(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class),
                            r.get(3, String.class), r.get(4, String.class), r.get(5, String.class),
                            r.get(6, OffsetDateTime.class)));
        });
    }
}
