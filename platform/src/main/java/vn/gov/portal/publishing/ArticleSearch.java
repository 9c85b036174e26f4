package vn.gov.portal.publishing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;

/**
 * Full-text search over published articles of one site or a province's subtree: marks and case
 * ignored for matching ("phan dinh phung" finds "Phan Đình Phùng"), words adjacent in the
 * query rank higher when adjacent in the text, and items containing the query exactly as typed,
 * marks included, rank first ("thuế" above "thuê").
 */
@Singleton
public class ArticleSearch {
    public static final int MAX_RESULTS = 50;
    private final TenantDb db;

    public ArticleSearch(TenantDb db) {
        this.db = db;
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
        return db.read(TenantScope.subtree(tenantIds), ctx -> ctx.resultQuery("""
                SELECT tenant_id, id, title, slug, summary, body_html, published_at FROM (
                  SELECT a.*,
                         ts_rank(search_vector, phraseto_tsquery('simple', lower(f_unaccent({0})))) * 2
                         + ts_rank(search_vector, plainto_tsquery('simple', lower(f_unaccent({0}))))
                         + CASE WHEN position({1} in lower(title || ' ' || summary || ' ' || body_html)) > 0
                                THEN 1 ELSE 0 END AS score
                  FROM articles a
                  WHERE a.tenant_id = ANY ({2}) AND a.status = 'PUBLISHED' AND a.language = {3}
                    AND a.search_vector @@ plainto_tsquery('simple', lower(f_unaccent({0})))
                    AND ({4}::date IS NULL OR a.published_at >= {4}::date)
                    AND ({5}::date IS NULL OR a.published_at < {5}::date + 1)
                    AND ({7}::bigint IS NULL OR a.category_id = {7}::bigint)
                ) ranked
                ORDER BY score DESC, published_at DESC
                LIMIT {6}""",
                DSL.val(q), DSL.val(exact), DSL.val(ids), DSL.val(language), DSL.val(from, LocalDate.class),
                DSL.val(to, LocalDate.class), DSL.inline(MAX_RESULTS), DSL.val(categoryId, Long.class))
                .fetch(r -> new Hit(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, String.class), r.get(5, String.class),
                        r.get(6, OffsetDateTime.class))));
    }
}
