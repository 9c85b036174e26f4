package vn.gov.portal.publishing;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.PROPOSALS;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;

/** What visitors may read: published articles only, of one site. */
@Singleton
public class PublishedArticles {
    /** An article as a public page shows it. */
    public record Published(long id, String title, String slug, String summary, String bodyHtml, String kind,
                            List<String> tags, @Nullable String featuredImage, @Nullable String featuredAlt,
                            String author, @Nullable String sourceName, @Nullable String sourceAuthor,
                            @Nullable LocalDate sourceDate, OffsetDateTime publishedAt, OffsetDateTime updatedAt) {
    }

    private final TenantDb db;

    public PublishedArticles(TenantDb db) {
        this.db = db;
    }

    public Optional<Published> bySlug(long tenantId, String language, String slug) {
        return find(tenantId, ARTICLES.LANGUAGE.eq(language).and(ARTICLES.SLUG.eq(slug))
                .and(ARTICLES.STATUS.eq(ArticleStatus.PUBLISHED.name())));
    }

    /** Any article of the site, as the public page would show it: the back office's preview. */
    public Optional<Published> preview(long tenantId, long id) {
        return find(tenantId, ARTICLES.ID.eq(id));
    }

    private Optional<Published> find(long tenantId, org.jooq.Condition which) {
        return db.read(TenantScope.of(tenantId), ctx -> ctx
                .select(ARTICLES.ID, ARTICLES.TITLE, ARTICLES.SLUG, ARTICLES.SUMMARY, ARTICLES.BODY_HTML,
                        ARTICLES.KIND, ARTICLES.TAGS, ARTICLES.FEATURED_IMAGE, ARTICLES.FEATURED_ALT,
                        ACCOUNTS.FULL_NAME, ARTICLES.SOURCE_NAME, ARTICLES.SOURCE_AUTHOR, ARTICLES.SOURCE_DATE,
                        ARTICLES.PUBLISHED_AT, ARTICLES.UPDATED_AT)
                .from(ARTICLES).join(ACCOUNTS).on(ACCOUNTS.ID.eq(ARTICLES.AUTHOR_ID))
                .where(ARTICLES.TENANT_ID.eq(tenantId), which)
                .fetchOptional(r -> new Published(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), List.of(r.value7()), r.value8(), r.value9(), r.value10(), r.value11(),
                        r.value12(), r.value13(), r.value14() != null ? r.value14() : r.value15(), r.value15())));
    }

    /** An item a component site provided, as the parent portal lists it. */
    public record Provided(String title, String summary, String slug, long fromTenant, OffsetDateTime acceptedAt) {
    }

    /** Items the parent accepted from its component sites, newest first (TN Đ7.3). */
    public List<Provided> providedTo(long parentId, int limit) {
        return db.read(TenantScope.of(parentId), ctx -> ctx.selectFrom(PROPOSALS)
                .where(PROPOSALS.PARENT_ID.eq(parentId), PROPOSALS.STATUS.eq("ACCEPTED"))
                .orderBy(PROPOSALS.DECIDED_AT.desc()).limit(limit)
                .fetch(p -> new Provided(p.getTitle(), p.getSummary(), p.getSlug(), p.getTenantId(),
                        p.getDecidedAt())));
    }

    /** The newest published articles, for home pages. */
    public List<Published> latest(long tenantId, String language, int limit) {
        return db.read(TenantScope.of(tenantId), ctx -> ctx
                .select(ARTICLES.ID, ARTICLES.TITLE, ARTICLES.SLUG, ARTICLES.SUMMARY, ARTICLES.KIND,
                        ARTICLES.PUBLISHED_AT, ARTICLES.UPDATED_AT)
                .from(ARTICLES)
                .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.LANGUAGE.eq(language),
                        ARTICLES.STATUS.eq(ArticleStatus.PUBLISHED.name()))
                .orderBy(ARTICLES.PUBLISHED_AT.desc()).limit(limit)
                .fetch(r -> new Published(r.value1(), r.value2(), r.value3(), r.value4(), "", r.value5(), List.of(),
                        null, null, "", null, null, null, r.value6(), r.value7())));
    }
}
