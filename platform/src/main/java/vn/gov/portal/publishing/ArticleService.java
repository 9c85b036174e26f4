package vn.gov.portal.publishing;

import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.ARTICLE_REVISIONS;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import vn.gov.portal.db.tables.records.ArticlesRecord;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;

/**
 * The editorial workflow of one site's articles. Each use case is one transaction in the
 * site's scope that writes the article, a revision when content changed, and an audit entry;
 * after the commit a {@link ContentChanged} tells the page caches.
 *
 * <p>Articles are a jOOQ-record aggregate rather than a Micronaut Data entity: their key is
 * (tenant_id, id), so every foreign key carries the tenant, which Micronaut Data's composite
 * ids make clumsy.
 */
@Singleton
public class ArticleService {
    private static final Set<String> KINDS = Set.of("NEWS", "EVENT", "LAW_DISSEMINATION", "ANNOUNCEMENT");

    private final TenantDb db;
    private final AuditLog audit;
    private final ApplicationEventPublisher<ContentChanged> events;

    public ArticleService(TenantDb db, AuditLog audit, ApplicationEventPublisher<ContentChanged> events) {
        this.db = db;
        this.audit = audit;
        this.events = events;
    }

    public ArticlesRecord create(long tenantId, Actor actor, ArticleInput in) {
        actor.mustWrite();
        ArticlesRecord saved = db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = ctx.newRecord(ARTICLES);
            a.setTenantId(tenantId);
            a.setAuthorId(actor.accountId());
            apply(in, a, true);
            checkCategory(ctx, tenantId, a);
            a.setSlug(uniqueSlug(ctx, tenantId, a.getLanguage(), Slugs.of(a.getTitle()), null));
            a.setStatus(ArticleStatus.DRAFT.name());
            a.setRevision(1);
            a.store();
            revision(ctx, a, actor, "created");
            audit.record(ctx, tenantId, actor.label(), "article.created", "article:" + a.getId(), null);
            return a;
        });
        return saved;
    }

    public ArticlesRecord update(long tenantId, Actor actor, long id, ArticleInput in) {
        actor.mustWrite();
        ArticlesRecord saved = db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = loadForUpdate(ctx, tenantId, id);
            ArticleStatus status = ArticleStatus.valueOf(a.getStatus());
            if (status == ArticleStatus.ARCHIVED
                    || (status != ArticleStatus.DRAFT && status != ArticleStatus.PENDING
                    && !actor.has(Role.HEAD, Role.DEPUTY_HEAD))) {
                throw new ProblemException(HttpStatus.CONFLICT, "article.not-editable");
            }
            apply(in, a, false);
            checkCategory(ctx, tenantId, a);
            a.setRevision(a.getRevision() + 1);
            a.setUpdatedAt(OffsetDateTime.now());
            a.store();
            revision(ctx, a, actor, "saved");
            audit.record(ctx, tenantId, actor.label(), "article.saved", "article:" + id, null);
            return a;
        });
        changed(tenantId);
        return saved;
    }

    public ArticlesRecord submit(long tenantId, Actor actor, long id) {
        actor.mustWrite();
        return transition(tenantId, actor, id, "article.submitted", a -> {
            expect(a, ArticleStatus.DRAFT);
            a.setStatus(ArticleStatus.PENDING.name());
            a.setSubmittedBy(actor.accountId());
            a.setSubmittedAt(OffsetDateTime.now());
            a.setReviewReason(null);
        });
    }

    /**
     * Publishes now, or at {@code publishAt}. Four eyes: nobody approves what they submitted,
     * except the head, by force, with a written reason that the audit log keeps.
     */
    public ArticlesRecord approve(long tenantId, Actor actor, long id, @Nullable OffsetDateTime publishAt,
                                  @Nullable String forceReason) {
        actor.mustReview();
        String reason = VietnameseText.nfc(forceReason);
        return transition(tenantId, actor, id, reason == null || reason.isEmpty() ? "article.approved"
                : "article.force_approved", a -> {
            expect(a, ArticleStatus.PENDING);
            if (a.getSubmittedBy() != null && a.getSubmittedBy() == actor.accountId()) {
                if (reason == null || reason.isEmpty()) {
                    throw new ProblemException(HttpStatus.FORBIDDEN, "article.four-eyes");
                }
                if (!actor.has(Role.HEAD)) {
                    throw new ProblemException(HttpStatus.FORBIDDEN, "article.force-head-only");
                }
                a.setForcedReason(reason);
            }
            a.setReviewedBy(actor.accountId());
            a.setReviewedAt(OffsetDateTime.now());
            if (publishAt != null && publishAt.isAfter(OffsetDateTime.now())) {
                a.setStatus(ArticleStatus.SCHEDULED.name());
                a.setPublishAt(publishAt);
            } else {
                a.setStatus(ArticleStatus.PUBLISHED.name());
                a.setPublishedAt(OffsetDateTime.now());
            }
        });
    }

    public ArticlesRecord reject(long tenantId, Actor actor, long id, @Nullable String reason) {
        actor.mustReview();
        String why = VietnameseText.nfc(reason);
        if (why == null || why.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "article.reason-required");
        }
        return transition(tenantId, actor, id, "article.rejected", a -> {
            expect(a, ArticleStatus.PENDING);
            a.setStatus(ArticleStatus.DRAFT.name());
            a.setReviewedBy(actor.accountId());
            a.setReviewedAt(OffsetDateTime.now());
            a.setReviewReason(why);
        });
    }

    public ArticlesRecord unpublish(long tenantId, Actor actor, long id) {
        actor.mustReview();
        return transition(tenantId, actor, id, "article.unpublished", a -> {
            expect(a, ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED);
            a.setStatus(ArticleStatus.DRAFT.name());
            a.setPublishAt(null);
            a.setPublishedAt(null);
        });
    }

    /** Takes an article out of use for good: kept with its history, shown to nobody. */
    public ArticlesRecord archive(long tenantId, Actor actor, long id) {
        actor.mustReview();
        return transition(tenantId, actor, id, "article.archived", a -> {
            expect(a, ArticleStatus.DRAFT, ArticleStatus.PENDING, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED);
            a.setStatus(ArticleStatus.ARCHIVED.name());
            a.setPublishAt(null);
        });
    }

    /** The scheduler's step for one due item; false when another node got there first. */
    boolean publishDue(long tenantId, long id) {
        int updated = db.write(TenantScope.of(tenantId), ctx -> {
            int n = ctx.update(ARTICLES)
                    .set(ARTICLES.STATUS, ArticleStatus.PUBLISHED.name())
                    .set(ARTICLES.PUBLISHED_AT, OffsetDateTime.now())
                    .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.ID.eq(id),
                            ARTICLES.STATUS.eq(ArticleStatus.SCHEDULED.name()),
                            ARTICLES.PUBLISH_AT.le(OffsetDateTime.now()))
                    .execute();
            if (n == 1) {
                audit.record(ctx, tenantId, "system:scheduler", "article.published_on_schedule", "article:" + id,
                        null);
            }
            return n;
        });
        if (updated == 1) {
            events.publishEvent(new ContentChanged(tenantId));
        }
        return updated == 1;
    }

    public ArticlesRecord get(long tenantId, Actor actor, long id) {
        actor.mustRead();
        return db.read(TenantScope.of(tenantId), ctx -> load(ctx, tenantId, id));
    }

    public List<ArticlesRecord> list(long tenantId, Actor actor, @Nullable String status) {
        actor.mustRead();
        return db.read(TenantScope.of(tenantId), ctx -> ctx.selectFrom(ARTICLES)
                .where(ARTICLES.TENANT_ID.eq(tenantId))
                .and(status == null ? org.jooq.impl.DSL.noCondition() : ARTICLES.STATUS.eq(status))
                .orderBy(ARTICLES.UPDATED_AT.desc()).limit(200).fetch());
    }

    /** Revisions, newest first. */
    public List<RevisionView> revisions(long tenantId, Actor actor, long id) {
        actor.mustRead();
        return db.read(TenantScope.of(tenantId), ctx -> {
            load(ctx, tenantId, id);
            return ctx.selectFrom(ARTICLE_REVISIONS)
                    .where(ARTICLE_REVISIONS.TENANT_ID.eq(tenantId), ARTICLE_REVISIONS.ARTICLE_ID.eq(id))
                    .orderBy(ARTICLE_REVISIONS.REVISION.desc())
                    .fetch(r -> new RevisionView(r.getRevision(), r.getSavedBy(), r.getSavedAt(), r.getNote(),
                            r.getTitle(), r.getSummary(), r.getBodyHtml()));
        });
    }

    /** Brings an old revision's text back, as a new revision: history is never rewritten. */
    public ArticlesRecord restore(long tenantId, Actor actor, long id, int revision) {
        actor.mustWrite();
        ArticlesRecord saved = db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = loadForUpdate(ctx, tenantId, id);
            var old = ctx.selectFrom(ARTICLE_REVISIONS).where(ARTICLE_REVISIONS.TENANT_ID.eq(tenantId),
                    ARTICLE_REVISIONS.ARTICLE_ID.eq(id), ARTICLE_REVISIONS.REVISION.eq(revision)).fetchOne();
            if (old == null) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "article.revision-not-found");
            }
            a.setTitle(old.getTitle());
            a.setSummary(old.getSummary());
            a.setBodyHtml(old.getBodyHtml());
            a.setRevision(a.getRevision() + 1);
            a.setUpdatedAt(OffsetDateTime.now());
            a.store();
            revision(ctx, a, actor, "restored from revision " + revision);
            audit.record(ctx, tenantId, actor.label(), "article.restored", "article:" + id + ":" + revision, null);
            return a;
        });
        changed(tenantId);
        return saved;
    }

    /** A revision as the history shows it. */
    @io.micronaut.serde.annotation.Serdeable
    public record RevisionView(int revision, long savedBy, OffsetDateTime savedAt, @Nullable String note,
                               String title, String summary, String bodyHtml) {
    }

    // ---------------------------------------------------------------------------------

    private ArticlesRecord transition(long tenantId, Actor actor, long id, String action,
                                      java.util.function.Consumer<ArticlesRecord> step) {
        ArticlesRecord saved = db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = loadForUpdate(ctx, tenantId, id);
            step.accept(a);
            a.setUpdatedAt(OffsetDateTime.now());
            a.store();
            String detail = a.getForcedReason() != null && action.endsWith("force_approved")
                    ? "article:" + id + " reason: " + a.getForcedReason() : "article:" + id;
            audit.record(ctx, tenantId, actor.label(), action, detail, null);
            return a;
        });
        changed(tenantId);
        return saved;
    }

    private void changed(long tenantId) {
        events.publishEvent(new ContentChanged(tenantId));
    }

    /** The in-tenant accessor: "does not exist" and "not yours" are the same 404. */
    private static ArticlesRecord load(DSLContext ctx, long tenantId, long id) {
        ArticlesRecord a = ctx.selectFrom(ARTICLES).where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.ID.eq(id))
                .fetchOne();
        if (a == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "article.not-found");
        }
        return a;
    }

    /** The same, locking the row: concurrent reviews of one article run one after the other. */
    private static ArticlesRecord loadForUpdate(DSLContext ctx, long tenantId, long id) {
        ArticlesRecord a = ctx.selectFrom(ARTICLES).where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.ID.eq(id))
                .forUpdate().fetchOne();
        if (a == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "article.not-found");
        }
        return a;
    }

    private static void expect(ArticlesRecord a, ArticleStatus... allowed) {
        if (Arrays.stream(allowed).noneMatch(s -> s.name().equals(a.getStatus()))) {
            throw new ProblemException(HttpStatus.CONFLICT, "article.wrong-state");
        }
    }

    /** Copies what was sent onto the record, normalised and checked; create demands a title. */
    private static void apply(ArticleInput in, ArticlesRecord a, boolean creating) {
        String title = VietnameseText.nfc(in.title());
        if (title != null || creating) {
            if (title == null || title.isEmpty() || title.length() > 300) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "article.title-invalid");
            }
            a.setTitle(title);
        }
        if (in.summary() != null || creating) {
            String summary = VietnameseText.nfc(in.summary() == null ? "" : in.summary());
            if (summary.length() > 2000) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "article.summary-too-long");
            }
            a.setSummary(summary);
        }
        if (in.bodyHtml() != null || creating) {
            a.setBodyHtml(HtmlPolicy.sanitise(VietnameseText.nfc(in.bodyHtml() == null ? "" : in.bodyHtml())));
        }
        if (in.kind() != null || creating) {
            String kind = in.kind() == null ? "NEWS" : in.kind();
            if (!KINDS.contains(kind)) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "article.kind-invalid");
            }
            a.setKind(kind);
        }
        if (creating) {
            String lang = in.language() == null ? "vi" : in.language();
            if (!lang.matches("[a-z]{2}")) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "article.language-invalid");
            }
            a.setLanguage(lang);
            a.setOriginalId(in.originalId());
        }
        if (in.featuredImage() != null) {
            String alt = VietnameseText.nfc(in.featuredAlt());
            if (alt == null || alt.isEmpty()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "article.alt-required");
            }
            a.setFeaturedImage(in.featuredImage());
            a.setFeaturedAlt(alt);
        }
        if (in.categoryId() != null) {
            a.setCategoryId(in.categoryId());
        }
        if (creating && in.tags() == null) {
            a.setTags(new String[0]);
        }
        if (in.tags() != null) {
            a.setTags(in.tags().stream().map(VietnameseText::nfc).filter(t -> t != null && !t.isEmpty())
                    .distinct().limit(20).toArray(String[]::new));
        }
        if (in.sourceName() != null) {
            a.setSourceName(VietnameseText.nfc(in.sourceName()));
            a.setSourceAuthor(VietnameseText.nfc(in.sourceAuthor()));
            a.setSourceDate(in.sourceDate());
        }
        if (in.eventAt() != null) {
            a.setEventAt(in.eventAt());
        }
    }

    /** A category must be one of this site's: the composite key would refuse it anyway, but with a 500. */
    private static void checkCategory(DSLContext ctx, long tenantId, ArticlesRecord a) {
        if (a.getCategoryId() != null && !Categories.belongs(ctx, tenantId, a.getCategoryId())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "article.category-invalid");
        }
    }

    private static String uniqueSlug(DSLContext ctx, long tenantId, String language, String base, @Nullable Long self) {
        String slug = base;
        for (int n = 2; ctx.fetchExists(ARTICLES, ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.LANGUAGE.eq(language),
                ARTICLES.SLUG.eq(slug), self == null ? org.jooq.impl.DSL.noCondition() : ARTICLES.ID.ne(self)); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static void revision(DSLContext ctx, ArticlesRecord a, Actor actor, String note) {
        ctx.insertInto(ARTICLE_REVISIONS)
                .set(ARTICLE_REVISIONS.TENANT_ID, a.getTenantId())
                .set(ARTICLE_REVISIONS.ARTICLE_ID, a.getId())
                .set(ARTICLE_REVISIONS.REVISION, a.getRevision())
                .set(ARTICLE_REVISIONS.SAVED_BY, actor.accountId())
                .set(ARTICLE_REVISIONS.NOTE, note)
                .set(ARTICLE_REVISIONS.TITLE, a.getTitle())
                .set(ARTICLE_REVISIONS.SUMMARY, a.getSummary())
                .set(ARTICLE_REVISIONS.BODY_HTML, a.getBodyHtml())
                .set(ARTICLE_REVISIONS.FIELDS, JSONB.valueOf("{}"))
                .execute();
    }
}
