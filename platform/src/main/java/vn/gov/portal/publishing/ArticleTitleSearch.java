package vn.gov.portal.publishing;

import static vn.gov.portal.db.Tables.ARTICLES;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import vn.gov.portal.db.tables.records.ArticlesRecord;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;

/**
 * The back office's "find an article by its title": every article of the site, however old,
 * matched in SQL ignoring marks and case the way public search folds text ({@code f_unaccent},
 * V8; "thue" finds "Thuế"), newest change first, one page at a time. It replaced a filter over
 * the newest 200 rows in memory, which could never find an older article.
 */
@Singleton
public class ArticleTitleSearch {
    private static final Field<String> FOLDED_TITLE =
            DSL.lower(DSL.function("f_unaccent", String.class, ARTICLES.TITLE));

    private final TenantDb db;

    ArticleTitleSearch(TenantDb db) {
        this.db = db;
    }

    /** One page of matches and how many there are in all. */
    public record Found(List<ArticlesRecord> items, int total) {
    }

    /**
     * The site's articles whose title holds {@code words} (blank: all), in {@code status} if
     * given; {@code page} is 1-based, {@code size} rows a page.
     */
    public Found find(long tenantId, Actor actor, @Nullable ArticleStatus status, @Nullable String words, int page,
                      int size) {
        actor.mustRead();
        String folded = words == null ? "" : VietnameseText.fold(words.strip());
        Condition where = ARTICLES.TENANT_ID.eq(tenantId)
                .and(status == null ? DSL.noCondition() : ARTICLES.STATUS.eq(status.name()))
                .and(folded.isEmpty() ? DSL.noCondition() : FOLDED_TITLE.like("%" + escapeLike(folded) + "%", '\\'));
        return db.read(TenantScope.of(tenantId), ctx -> {
            int total = ctx.fetchCount(ARTICLES, where);
            List<ArticlesRecord> items = ctx.selectFrom(ARTICLES).where(where)
                    .orderBy(ARTICLES.UPDATED_AT.desc(), ARTICLES.ID.desc())
                    .limit(size).offset((long) Math.max(0, page - 1) * size).fetch();
            return new Found(items, total);
        });
    }

    /** The words are matched as typed: a % or _ in them is a character, not a wildcard. */
    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
