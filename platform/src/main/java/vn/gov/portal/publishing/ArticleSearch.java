package vn.gov.portal.publishing;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;

/**
 * Full-text search over published articles of one site or a province's subtree: marks and case
 * ignored for matching ("phan dinh phung" finds "Phan Đình Phùng"), words adjacent in the
 * query rank higher when adjacent in the text, and items containing the query exactly as typed,
 * marks included, rank first ("thuế" above "thuê").
 *
 * <p>Ranking reads each candidate's search vector and text, about 25 µs a row, and folded
 * Vietnamese syllables are common: "năm", "thuế" or "hội nghị" match a third of all articles or
 * more. So only the newest {@value #RANKED_CANDIDATES} matches are ranked; a query matching
 * fewer is ranked whole, exactly as before, and a broader one shows the best of its newest
 * matches. PostgreSQL reaches them through the GIN index (few matches) or by walking published
 * articles newest first (many), which needs ts_match_vq to be LEAKPROOF under row-level
 * security (V40); each search is planned for its own words (a generic plan cannot tell the two
 * cases apart).
 */
@Singleton
public class ArticleSearch {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleSearch.class);
    public static final int MAX_RESULTS = 50;
    /** Matches ranked at most, newest first: bounds the work of a broad query (see above). */
    static final int RANKED_CANDIDATES = 200;
    private final TenantDb db;

    public ArticleSearch(TenantDb db) {
        this.db = db;
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

    /** One result, with what the snippet needs. */
    public record Hit(long tenantId, long id, String title, String slug, String summary, String bodyHtml,
                      OffsetDateTime publishedAt) {
    }

    /** {@code categoryId}, when given, belongs to the single site in {@code tenantIds}. */
    public List<Hit> search(List<Long> tenantIds, String language, String query, @Nullable LocalDate from,
                            @Nullable LocalDate to, @Nullable Long categoryId) {
        String q = query.strip();
        if (q.isEmpty() || tenantIds.isEmpty()) {
            return List.of();
        }
        String exact = q.toLowerCase(Locale.forLanguageTag("vi"));
        Long[] ids = tenantIds.toArray(Long[]::new);
        return db.read(TenantScope.subtree(tenantIds), ctx -> {
            ctx.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            return ctx.resultQuery("""
                SELECT a.tenant_id, a.id, a.title, a.slug, a.summary, a.body_html, a.published_at
                FROM (
                  SELECT tenant_id, id FROM articles
                  WHERE tenant_id = ANY ({2}) AND status = 'PUBLISHED' AND language = {3}
                    AND search_vector @@ plainto_tsquery('simple', lower(f_unaccent({0})))
                    AND ({4}::date IS NULL OR published_at >= {4}::date)
                    AND ({5}::date IS NULL OR published_at < {5}::date + 1)
                    AND ({8}::bigint IS NULL OR category_id = {8}::bigint)
                  ORDER BY published_at DESC
                  LIMIT {7}
                ) newest
                JOIN articles a ON a.tenant_id = newest.tenant_id AND a.id = newest.id
                ORDER BY ts_rank(a.search_vector, phraseto_tsquery('simple', lower(f_unaccent({0})))) * 2
                         + ts_rank(a.search_vector, plainto_tsquery('simple', lower(f_unaccent({0}))))
                         + CASE WHEN position({1} in lower(a.title || ' ' || a.summary || ' ' || a.body_html)) > 0
                                THEN 1 ELSE 0 END DESC,
                         a.published_at DESC
                LIMIT {6}""",
                DSL.val(q), DSL.val(exact), DSL.val(ids), DSL.val(language), DSL.val(from, LocalDate.class),
                DSL.val(to, LocalDate.class), DSL.inline(MAX_RESULTS), DSL.inline(RANKED_CANDIDATES),
                DSL.val(categoryId, Long.class))
                .fetch(r -> new Hit(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, String.class), r.get(5, String.class),
                        r.get(6, OffsetDateTime.class)));
        });
    }
}
