package vn.gov.portal.publishing;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.CATEGORIES;
import static vn.gov.portal.db.Tables.PROPOSALS;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import vn.gov.portal.db.tables.Articles;
import vn.gov.portal.infra.db.RenderedQuery;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.time.ProvinceTime;

/** What visitors may read: published articles only, of one site. */
@Singleton
public class PublishedArticles {

    /** An article as a public page shows it; listings leave the body, tags and author empty. */
    public record Published(long id, String title, String slug, String summary, String bodyHtml, String kind,
                            List<String> tags, @Nullable String featuredImage, @Nullable String featuredAlt,
                            String author, @Nullable String sourceName, @Nullable String sourceAuthor,
                            @Nullable LocalDate sourceDate, OffsetDateTime publishedAt, OffsetDateTime updatedAt,
                            @Nullable Long categoryId, String language, @Nullable Long originalId) {
        /**
         * Times as Vietnam reads them: the database answers in UTC, and the lists format the date
         * as it comes, so an article approved at 02:52 on the 8th (Vietnam) was listed as the 7th.
         */
        public Published {
            publishedAt = publishedAt == null ? null : publishedAt.atZoneSameInstant(ProvinceTime.ZONE).toOffsetDateTime();
            updatedAt = updatedAt == null ? null : updatedAt.atZoneSameInstant(ProvinceTime.ZONE).toOffsetDateTime();
        }
    }

    /** One page of a listing and the number of items in the whole listing. */
    public record Listing(List<Published> items, int total) {
    }

    /** A published language version of an article. */
    public record Version(String language, String slug) {
    }

    /**
     * Inlined, not bound: PostgreSQL can then match the partial indexes ({@code WHERE status =
     * 'PUBLISHED'}) in the generic plans of prepared statements too.
     */
    private static final Condition PUBLISHED = published(ARTICLES);
    /** Other rows of the same table, for an article's language versions (aliases are immutable). */
    private static final Articles ORIGINAL = ARTICLES.as("original");
    private static final Articles SIBLING = ARTICLES.as("sibling");
    private static final Articles TRANSLATION = ARTICLES.as("translation");
    /** The columns a listing needs; the body stays in the database. */
    private static final SelectField<?>[] LISTED = {ARTICLES.ID, ARTICLES.TITLE, ARTICLES.SLUG, ARTICLES.SUMMARY,
            ARTICLES.KIND, ARTICLES.FEATURED_IMAGE, ARTICLES.FEATURED_ALT, ARTICLES.PUBLISHED_AT, ARTICLES.UPDATED_AT,
            ARTICLES.CATEGORY_ID, ARTICLES.LANGUAGE, ARTICLES.ORIGINAL_ID};

    private final TenantDb db;

    public PublishedArticles(TenantDb db) {
        this.db = db;
    }

    public Optional<Published> bySlug(long tenantId, String language, String slug) {
        return find(tenantId, ARTICLES.LANGUAGE.eq(language).and(ARTICLES.SLUG.eq(slug)).and(PUBLISHED));
    }

    /** Any article of the site, as the public page would show it: the back office's preview. */
    public Optional<Published> preview(long tenantId, long id) {
        return find(tenantId, ARTICLES.ID.eq(id));
    }

    private Optional<Published> find(long tenantId, Condition which) {
        return db.read(TenantScope.of(tenantId), ctx -> ctx
                .select(ARTICLES.ID, ARTICLES.TITLE, ARTICLES.SLUG, ARTICLES.SUMMARY, ARTICLES.BODY_HTML,
                        ARTICLES.KIND, ARTICLES.TAGS, ARTICLES.FEATURED_IMAGE, ARTICLES.FEATURED_ALT,
                        ACCOUNTS.FULL_NAME, ARTICLES.SOURCE_NAME, ARTICLES.SOURCE_AUTHOR, ARTICLES.SOURCE_DATE,
                        ARTICLES.PUBLISHED_AT, ARTICLES.UPDATED_AT, ARTICLES.CATEGORY_ID, ARTICLES.LANGUAGE,
                        ARTICLES.ORIGINAL_ID)
                .from(ARTICLES).join(ACCOUNTS).on(ACCOUNTS.ID.eq(ARTICLES.AUTHOR_ID))
                .where(ARTICLES.TENANT_ID.eq(tenantId), which)
                .fetchOptional(r -> new Published(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), List.of(r.value7()), r.value8(), r.value9(), r.value10(), r.value11(),
                        r.value12(), r.value13(), r.value14() != null ? r.value14() : r.value15(), r.value15(),
                        r.value16(), r.value17(), r.value18())));
    }

    /** An article's category, as its breadcrumb links it. */
    public record CategoryLink(long id, String slug, String name) {
    }

    /** What an article's public page shows of the site's content. */
    public record ArticlePage(Published article, @Nullable CategoryLink category, List<Version> versions,
                              List<Published> related) {
    }

    /**
     * A published article's page in one transaction and, as a rule, two queries: the article with
     * its author, category and language versions ({@link #ARTICLE_PAGE}), then the newest of its
     * category to read next ({@link #SAME_CATEGORY}); items sharing a tag only when the category has
     * too few. An uncached page view made four transactions of three round trips each before. (The
     * related items as a jOOQ multiset in the first query saved a round trip but cost more: jOOQ
     * parses the JSON and its timestamps slowly.)
     */
    public Optional<ArticlePage> page(long tenantId, String language, String slug, int relatedLimit) {
        return db.readByIndex(TenantScope.of(tenantId), ctx -> ARTICLE_PAGE
                .fetch(ctx, tenantId, language, slug).stream().findFirst()
                .map(r -> {
                    OffsetDateTime published = r.get(ARTICLES.PUBLISHED_AT);
                    Published article = new Published(r.get(ARTICLES.ID), r.get(ARTICLES.TITLE),
                            r.get(ARTICLES.SLUG), r.get(ARTICLES.SUMMARY), r.get(ARTICLES.BODY_HTML),
                            r.get(ARTICLES.KIND), List.of(r.get(ARTICLES.TAGS)), r.get(ARTICLES.FEATURED_IMAGE),
                            r.get(ARTICLES.FEATURED_ALT), r.get(ACCOUNTS.FULL_NAME), r.get(ARTICLES.SOURCE_NAME),
                            r.get(ARTICLES.SOURCE_AUTHOR), r.get(ARTICLES.SOURCE_DATE),
                            published != null ? published : r.get(ARTICLES.UPDATED_AT), r.get(ARTICLES.UPDATED_AT),
                            r.get(ARTICLES.CATEGORY_ID), r.get(ARTICLES.LANGUAGE), r.get(ARTICLES.ORIGINAL_ID));
                    CategoryLink category = r.get(CATEGORIES.SLUG) == null ? null
                            : new CategoryLink(article.categoryId(), r.get(CATEGORIES.SLUG), r.get(CATEGORIES.NAME));
                    List<Version> languages = new ArrayList<>();
                    for (String version : r.get(VERSIONS)) {
                        int colon = version.indexOf(':');
                        languages.add(new Version(version.substring(0, colon), version.substring(colon + 1)));
                    }
                    List<Published> related = new ArrayList<>(relatedLimit);
                    if (article.categoryId() != null) {
                        related.addAll(SAME_CATEGORY.fetch(ctx, tenantId, article.language(), article.categoryId(),
                                article.id(), relatedLimit).map(PublishedArticles::listed));
                    }
                    if (related.size() < relatedLimit) {
                        related.addAll(sharingATag(ctx, tenantId, article, relatedLimit - related.size()));
                    }
                    return new ArticlePage(article, category, List.copyOf(languages), List.copyOf(related));
                }));
    }

    private static final Param<Long> TENANT = DSL.param("tenant", Long.class);
    private static final Param<String> LANGUAGE = DSL.param("language", String.class);
    private static final Param<String> SLUG = DSL.param("slug", String.class);
    private static final Param<Long> CATEGORY = DSL.param("category", Long.class);
    private static final Param<Long> ARTICLE = DSL.param("article", Long.class);
    private static final Param<Integer> LIMIT = DSL.param("limit", Integer.class);

    /**
     * Every published version, as "language:slug" (neither can hold a colon: CHECKs): the
     * article itself if it is the original, else its original and the original's translations
     * (itself among them); the original's translations. One index lookup each, on the outer
     * row's plain columns: with {@code COALESCE(original_id, id)} PostgreSQL read every article
     * of the site instead.
     */
    private static final Field<String[]> VERSIONS;
    /** {@link #page}'s article, rendered once: jOOQ's rendering of it cost more than running it. */
    private static final RenderedQuery ARTICLE_PAGE;
    /** The newest of a category but one article, through the category's index (no bitmap scans). */
    private static final RenderedQuery SAME_CATEGORY = RenderedQuery.of(DSL.select(LISTED).from(ARTICLES)
            .where(ARTICLES.TENANT_ID.eq(TENANT), PUBLISHED, ARTICLES.LANGUAGE.eq(LANGUAGE),
                    ARTICLES.CATEGORY_ID.eq(CATEGORY), ARTICLES.ID.ne(ARTICLE))
            .orderBy(ARTICLES.PUBLISHED_AT.desc(), ARTICLES.ID.desc()).limit(LIMIT),
            TENANT, LANGUAGE, CATEGORY, ARTICLE, LIMIT);

    static {
        var versionsOf = DSL.select(ARTICLES.LANGUAGE, ARTICLES.SLUG).where(ARTICLES.ORIGINAL_ID.isNull())
                .unionAll(DSL.select(ORIGINAL.LANGUAGE, ORIGINAL.SLUG).from(ORIGINAL)
                        .where(ORIGINAL.TENANT_ID.eq(TENANT), published(ORIGINAL),
                                ORIGINAL.ID.eq(ARTICLES.ORIGINAL_ID)))
                .unionAll(DSL.select(SIBLING.LANGUAGE, SIBLING.SLUG).from(SIBLING)
                        .where(SIBLING.TENANT_ID.eq(TENANT), published(SIBLING),
                                SIBLING.ORIGINAL_ID.eq(ARTICLES.ORIGINAL_ID)))
                .unionAll(DSL.select(TRANSLATION.LANGUAGE, TRANSLATION.SLUG).from(TRANSLATION)
                        .where(TRANSLATION.TENANT_ID.eq(TENANT), published(TRANSLATION),
                                TRANSLATION.ORIGINAL_ID.eq(ARTICLES.ID), ARTICLES.ORIGINAL_ID.isNull()))
                .asTable("version");
        Field<String> versionLanguage = versionsOf.field(ARTICLES.LANGUAGE);
        VERSIONS = DSL.array(DSL.select(versionLanguage.concat(DSL.inline(":"))
                .concat(versionsOf.field(ARTICLES.SLUG))).from(versionsOf).orderBy(versionLanguage)).as("versions");
        ARTICLE_PAGE = RenderedQuery.of(DSL
                .select(ARTICLES.ID, ARTICLES.TITLE, ARTICLES.SLUG, ARTICLES.SUMMARY, ARTICLES.BODY_HTML,
                        ARTICLES.KIND, ARTICLES.TAGS, ARTICLES.FEATURED_IMAGE, ARTICLES.FEATURED_ALT,
                        ACCOUNTS.FULL_NAME, ARTICLES.SOURCE_NAME, ARTICLES.SOURCE_AUTHOR, ARTICLES.SOURCE_DATE,
                        ARTICLES.PUBLISHED_AT, ARTICLES.UPDATED_AT, ARTICLES.CATEGORY_ID, ARTICLES.LANGUAGE,
                        ARTICLES.ORIGINAL_ID, CATEGORIES.SLUG, CATEGORIES.NAME, VERSIONS)
                .from(ARTICLES).join(ACCOUNTS).on(ACCOUNTS.ID.eq(ARTICLES.AUTHOR_ID))
                .leftJoin(CATEGORIES).on(CATEGORIES.TENANT_ID.eq(ARTICLES.TENANT_ID),
                        CATEGORIES.ID.eq(ARTICLES.CATEGORY_ID))
                .where(ARTICLES.TENANT_ID.eq(TENANT), ARTICLES.LANGUAGE.eq(LANGUAGE), ARTICLES.SLUG.eq(SLUG),
                        PUBLISHED), TENANT, LANGUAGE, SLUG);
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

    /** The newest published articles, for home pages and feeds. */
    public List<Published> latest(long tenantId, String language, int limit) {
        return db.read(TenantScope.of(tenantId), ctx -> ctx.select(LISTED).from(ARTICLES)
                .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.LANGUAGE.eq(language), PUBLISHED)
                .orderBy(ARTICLES.PUBLISHED_AT.desc()).limit(limit)
                .fetch(PublishedArticles::listed));
    }

    /** The newest item with a picture: the home page's lead. */
    public Optional<Published> featured(long tenantId, String language) {
        return db.read(TenantScope.of(tenantId), ctx -> ctx.select(LISTED).from(ARTICLES)
                .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.LANGUAGE.eq(language), PUBLISHED,
                        ARTICLES.FEATURED_IMAGE.isNotNull())
                .orderBy(ARTICLES.PUBLISHED_AT.desc()).limit(1)
                .fetchOptional(PublishedArticles::listed));
    }

    /** The newest {@code perCategory} items of every category, in one query, keyed by category id. */
    public Map<Long, List<Published>> latestPerCategory(long tenantId, String language, int perCategory) {
        var rank = DSL.rowNumber().over(DSL.partitionBy(ARTICLES.CATEGORY_ID).orderBy(ARTICLES.PUBLISHED_AT.desc()))
                .as("rank");
        return db.read(TenantScope.of(tenantId), ctx -> {
            var ranked = ctx.select(LISTED).select(rank).from(ARTICLES)
                    .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.LANGUAGE.eq(language), PUBLISHED,
                            ARTICLES.CATEGORY_ID.isNotNull()).asTable("ranked");
            Map<Long, List<Published>> out = new LinkedHashMap<>();
            ctx.selectFrom(ranked).where(ranked.field(rank).le(perCategory))
                    .orderBy(ranked.field(ARTICLES.PUBLISHED_AT).desc())
                    .fetch(PublishedArticles::listed) // fields are found by their unqualified names
                    .forEach(p -> out.computeIfAbsent(p.categoryId(), k -> new ArrayList<>()).add(p));
            return out;
        });
    }

    public Listing inCategory(long tenantId, String language, long categoryId, int offset, int limit) {
        return listing(tenantId, ARTICLES.LANGUAGE.eq(language).and(ARTICLES.CATEGORY_ID.eq(categoryId)), offset, limit);
    }

    public Listing withTag(long tenantId, String language, String tag, int offset, int limit) {
        return listing(tenantId, ARTICLES.LANGUAGE.eq(language).and(ARTICLES.TAGS.contains(new String[] {tag})),
                offset, limit);
    }

    private Listing listing(long tenantId, Condition which, int offset, int limit) {
        var total = DSL.count().over().as("total");
        return db.read(TenantScope.of(tenantId), ctx -> {
            var rows = ctx.select(LISTED).select(total).from(ARTICLES)
                    .where(ARTICLES.TENANT_ID.eq(tenantId), PUBLISHED, which)
                    .orderBy(ARTICLES.PUBLISHED_AT.desc(), ARTICLES.ID.desc()).offset(offset).limit(limit).fetch();
            int count = rows.isEmpty() ? countOf(tenantId, which) : rows.getFirst().get(total);
            return new Listing(rows.map(PublishedArticles::listed), count);
        });
    }

    /** Past the last page the window count is gone; the pager still needs the total. */
    private int countOf(long tenantId, Condition which) {
        return db.read(TenantScope.of(tenantId), ctx -> ctx.fetchCount(ARTICLES,
                ARTICLES.TENANT_ID.eq(tenantId), PUBLISHED, which));
    }

    /**
     * Items to read next after the newest of the same category ({@link #page}): the newest
     * sharing a tag, of another category. Only when the category has too few: on its own it
     * cannot use an index that stops early (the GIN index of tags finds them all).
     */
    private static List<Published> sharingATag(DSLContext ctx, long tenantId, Published article, int limit) {
        if (article.tags().isEmpty()) {
            return List.of();
        }
        Condition otherCategory = article.categoryId() == null ? DSL.noCondition()
                : ARTICLES.CATEGORY_ID.isDistinctFrom(article.categoryId());
        return ctx.select(LISTED).from(ARTICLES)
                .where(ARTICLES.TENANT_ID.eq(tenantId), PUBLISHED, ARTICLES.LANGUAGE.eq(article.language()),
                        ARTICLES.ID.ne(article.id()), otherCategory, DSL.arrayOverlap(ARTICLES.TAGS,
                                DSL.val(article.tags().toArray(String[]::new), ARTICLES.TAGS.getDataType())))
                .orderBy(ARTICLES.PUBLISHED_AT.desc(), ARTICLES.ID.desc()).limit(limit)
                .fetch(PublishedArticles::listed);
    }

    /**
     * Every published language version of the article: the Vietnamese original and its
     * translations, which point at it by {@code original_id}.
     */
    public List<Version> versions(long tenantId, Published article) {
        long root = article.originalId() != null ? article.originalId() : article.id();
        return db.read(TenantScope.of(tenantId), ctx -> ctx.select(ARTICLES.LANGUAGE, ARTICLES.SLUG).from(ARTICLES)
                .where(ARTICLES.TENANT_ID.eq(tenantId), PUBLISHED,
                        ARTICLES.ID.eq(root).or(ARTICLES.ORIGINAL_ID.eq(root)))
                .orderBy(ARTICLES.LANGUAGE)
                .fetch(r -> new Version(r.value1(), r.value2())));
    }

    private static Condition published(Articles articles) {
        return articles.STATUS.eq(DSL.inline(ArticleStatus.PUBLISHED.name()));
    }

    private static Published listed(Record r) {
        OffsetDateTime updated = r.get(ARTICLES.UPDATED_AT);
        OffsetDateTime published = r.get(ARTICLES.PUBLISHED_AT);
        return new Published(r.get(ARTICLES.ID), r.get(ARTICLES.TITLE), r.get(ARTICLES.SLUG), r.get(ARTICLES.SUMMARY),
                "", r.get(ARTICLES.KIND), List.of(), r.get(ARTICLES.FEATURED_IMAGE), r.get(ARTICLES.FEATURED_ALT), "",
                null, null, null, published != null ? published : updated, updated, r.get(ARTICLES.CATEGORY_ID),
                r.get(ARTICLES.LANGUAGE), r.get(ARTICLES.ORIGINAL_ID));
    }
}
