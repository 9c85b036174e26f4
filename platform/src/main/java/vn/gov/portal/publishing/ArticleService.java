package vn.gov.portal.publishing;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.ARTICLE_REVISIONS;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import vn.gov.portal.db.tables.records.ArticleRevisionsRecord;
import vn.gov.portal.db.tables.records.ArticlesRecord;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.ContentChanged;

/**
 * The editorial workflow of one site's articles. Each use case is one transaction in the
 * site's scope that writes the article, a revision when content changed, and an audit entry;
 * after the commit a {@link ContentChanged} tells the page caches and the oversight facts. A
 * change proposed for, or returned on, a live item announces nothing: the row they read is as it was.
 *
 * <p>The {@code articles} row is always the version visitors may see once it is live. An edit or
 * a restore of a PUBLISHED or SCHEDULED item never touches it: it becomes the item's pending
 * change, the newest revision named by {@code pending_revision}, which a reviewer approves
 * (copied onto the row) or sends back (kept in the history with the reason).
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
    private final JsonMapper json;
    private final Clock clock;

    public ArticleService(TenantDb db, AuditLog audit, ApplicationEventPublisher<ContentChanged> events,
                          JsonMapper json, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
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
            revision(ctx, a, a.getRevision(), actor, "created");
            audit.record(ctx, tenantId, actor.label(), "article.created", "article:" + a.getId(), null);
            return a;
        });
        return saved;
    }

    /**
     * Saves an edit. A draft or a submitted item is edited in place, each save a revision. A
     * PUBLISHED or SCHEDULED item is never changed here, whoever edits it: the edit becomes its
     * pending change (a newer revision, built on the pending one if there is one) and visitors
     * keep the approved version until a reviewer approves it (no contributor changes a
     * live article without review).
     */
    public ArticlesRecord update(long tenantId, Actor actor, long id, ArticleInput in) {
        actor.mustWrite();
        ArticlesRecord saved = db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = loadForUpdate(ctx, tenantId, id);
            if (ArticleStatus.ARCHIVED.name().equals(a.getStatus())) {
                throw new ProblemException(HttpStatus.CONFLICT, "article.not-editable");
            }
            if (isLive(a)) {
                ArticlesRecord change = pendingState(ctx, a);
                apply(in, change, false);
                checkCategory(ctx, tenantId, change);
                propose(ctx, a, change, actor, "saved, pending review", "article.change_proposed");
                return a;
            }
            apply(in, a, false);
            checkCategory(ctx, tenantId, a);
            a.setRevision(nextRevision(ctx, a));
            a.setUpdatedAt(OffsetDateTime.now(clock));
            a.store();
            revision(ctx, a, a.getRevision(), actor, "saved");
            audit.record(ctx, tenantId, actor.label(), "article.saved", "article:" + id, null);
            return a;
        });
        announceUnlessPending(tenantId, saved);
        return saved;
    }

    public ArticlesRecord submit(long tenantId, Actor actor, long id) {
        actor.mustWrite();
        return transition(tenantId, actor, id, "article.submitted", a -> {
            expect(a, ArticleStatus.DRAFT);
            a.setStatus(ArticleStatus.PENDING.name());
            a.setSubmittedBy(actor.accountId());
            a.setSubmittedAt(OffsetDateTime.now(clock));
            a.setReviewReason(null);
        });
    }

    /**
     * Publishes now, or at {@code publishAt}; or, for a live item with a pending change, puts
     * that change on the public page. Four eyes: nobody approves what they submitted or wrote,
     * except the head, by force, with a written reason that the audit log keeps.
     *
     * <p>{@code expectedRevision} names the revision the reviewer read; 409 if the item moved on
     * since. It is required for a pending change (what goes public must be what was read) and
     * optional for a first publication, so API clients written before it keep working.
     */
    public ArticlesRecord approve(long tenantId, Actor actor, long id, @Nullable OffsetDateTime publishAt,
                                  @Nullable String forceReason, @Nullable Integer expectedRevision) {
        actor.mustReview();
        String reason = VietnameseText.nfc(forceReason);
        boolean forced = reason != null && !reason.isEmpty();
        if (hasPendingChange(tenantId, id)) {
            return approveChange(tenantId, actor, id, forced ? reason : null, expectedRevision);
        }
        return transition(tenantId, actor, id, forced ? "article.force_approved" : "article.approved", a -> {
            expect(a, ArticleStatus.PENDING);
            expectRevision(a.getRevision(), expectedRevision, false);
            if (a.getSubmittedBy() != null && a.getSubmittedBy() == actor.accountId()) {
                if (!forced) {
                    throw new ProblemException(HttpStatus.FORBIDDEN, "article.four-eyes");
                }
                actor.must(Permission.FORCE_APPROVE);
                a.setForcedReason(reason);
            }
            a.setReviewedBy(actor.accountId());
            a.setReviewedAt(OffsetDateTime.now(clock));
            if (publishAt != null && publishAt.isAfter(OffsetDateTime.now(clock))) {
                a.setStatus(ArticleStatus.SCHEDULED.name());
                a.setPublishAt(publishAt);
            } else {
                a.setStatus(ArticleStatus.PUBLISHED.name());
                a.setPublishedAt(OffsetDateTime.now(clock));
            }
        });
    }

    /** A first publication by a caller that names no revision (the demo seed). */
    public ArticlesRecord approve(long tenantId, Actor actor, long id, @Nullable OffsetDateTime publishAt,
                                  @Nullable String forceReason) {
        return approve(tenantId, actor, id, publishAt, forceReason, null);
    }

    /** Copies the pending revision, exactly as stored and read, onto the public row. */
    private ArticlesRecord approveChange(long tenantId, Actor actor, long id, @Nullable String reason,
                                         @Nullable Integer expectedRevision) {
        ArticlesRecord saved = db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = loadForUpdate(ctx, tenantId, id);
            if (a.getPendingRevision() == null || !isLive(a)) {
                throw new ProblemException(HttpStatus.CONFLICT, "article.wrong-state");
            }
            expectRevision(a.getPendingRevision(), expectedRevision, true);
            // Everyone who wrote a part of the change, not only its last writer: nobody approves their own words.
            if (changeAuthors(ctx, a).contains(actor.accountId())) {
                if (reason == null) {
                    throw new ProblemException(HttpStatus.FORBIDDEN, "article.four-eyes");
                }
                actor.must(Permission.FORCE_APPROVE);
            }
            ArticleRevisionsRecord pending = revisionRecord(ctx, a, a.getPendingRevision());
            overlay(a, pending);
            a.setRevision(pending.getRevision());
            clearPending(a);
            a.setReviewedBy(actor.accountId());
            a.setReviewedAt(OffsetDateTime.now(clock));
            a.setReviewReason(null);
            if (reason != null) {
                a.setForcedReason(reason);
            }
            a.setUpdatedAt(OffsetDateTime.now(clock));
            a.store();
            String subject = "article:" + id + ":" + pending.getRevision();
            audit.record(ctx, tenantId, actor.label(),
                    reason == null ? "article.change_approved" : "article.change_force_approved",
                    reason == null ? subject : subject + " reason: " + reason, null);
            return a;
        });
        changed(tenantId);
        return saved;
    }

    /**
     * Sends back a submitted item (to draft) or a live item's pending change: that revision stays
     * in the history with who refused it and why, and the public version stays as it was.
     */
    public ArticlesRecord reject(long tenantId, Actor actor, long id, @Nullable String reason,
                                 @Nullable Integer expectedRevision) {
        actor.mustReview();
        String why = VietnameseText.nfc(reason);
        if (why == null || why.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "article.reason-required");
        }
        if (!hasPendingChange(tenantId, id)) {
            return transition(tenantId, actor, id, "article.rejected", a -> {
                expect(a, ArticleStatus.PENDING);
                expectRevision(a.getRevision(), expectedRevision, false);
                a.setStatus(ArticleStatus.DRAFT.name());
                a.setReviewedBy(actor.accountId());
                a.setReviewedAt(OffsetDateTime.now(clock));
                a.setReviewReason(why);
            });
        }
        return db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = loadForUpdate(ctx, tenantId, id);
            if (a.getPendingRevision() == null) {
                throw new ProblemException(HttpStatus.CONFLICT, "article.wrong-state");
            }
            expectRevision(a.getPendingRevision(), expectedRevision, true);
            int rejected = a.getPendingRevision();
            ctx.update(ARTICLE_REVISIONS)
                    .set(ARTICLE_REVISIONS.REJECTED_BY, actor.accountId())
                    .set(ARTICLE_REVISIONS.REJECTED_AT, OffsetDateTime.now(clock))
                    .set(ARTICLE_REVISIONS.REJECTED_REASON, why)
                    .where(ARTICLE_REVISIONS.TENANT_ID.eq(tenantId), ARTICLE_REVISIONS.ARTICLE_ID.eq(id),
                            ARTICLE_REVISIONS.REVISION.eq(rejected))
                    .execute();
            clearPending(a);
            a.setReviewedBy(actor.accountId());
            a.setReviewedAt(OffsetDateTime.now(clock));
            a.setReviewReason(why);
            a.setUpdatedAt(OffsetDateTime.now(clock));
            a.store();
            audit.record(ctx, tenantId, actor.label(), "article.change_rejected", "article:" + id + ":" + rejected,
                    null);
            return a;
        });
    }

    /**
     * The article as its next edit starts from: for a live item with a pending change, that
     * change (a detached record, never stored); otherwise the article itself.
     */
    public ArticlesRecord forEditing(long tenantId, Actor actor, long id) {
        actor.mustWrite();
        return db.read(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = load(ctx, tenantId, id);
            return isLive(a) ? pendingState(ctx, a) : a;
        });
    }

    /** The pending change of a live item against its public version, as the reviewer reads it. */
    public PendingChange pending(long tenantId, Actor actor, long id) {
        actor.mustRead();
        return db.read(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = load(ctx, tenantId, id);
            if (a.getPendingRevision() == null) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "article.no-pending-change");
            }
            ArticleRevisionsRecord r = revisionRecord(ctx, a, a.getPendingRevision());
            String byName = ctx.select(ACCOUNTS.FULL_NAME).from(ACCOUNTS).where(ACCOUNTS.ID.eq(a.getPendingBy()))
                    .fetchOne(ACCOUNTS.FULL_NAME);
            return new PendingChange(r.getRevision(), a.getRevision(), a.getPendingBy(), byName, a.getPendingAt(),
                    r.getTitle(), r.getSummary(), r.getBodyHtml(),
                    RevisionDiff.words(a.getTitle(), r.getTitle()),
                    RevisionDiff.words(a.getSummary() + " " + a.getBodyHtml(), r.getSummary() + " " + r.getBodyHtml()));
        });
    }

    /** A live item's pending change, with what it changes against the public version marked. */
    @Serdeable
    public record PendingChange(int revision, int publicRevision, long pendingBy, @Nullable String pendingByName,
                                OffsetDateTime pendingAt, String title, String summary, String bodyHtml,
                                List<RevisionDiff.Part> titleDiff, List<RevisionDiff.Part> bodyDiff) {
    }

    public ArticlesRecord unpublish(long tenantId, Actor actor, long id) {
        actor.mustReview();
        ArticlesRecord saved = db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = loadForUpdate(ctx, tenantId, id);
            expect(a, ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED);
            if (a.getPendingRevision() != null) {
                // Off the public site, the newest text is an ordinary draft again: the work goes on from it.
                overlay(a, revisionRecord(ctx, a, a.getPendingRevision()));
                a.setRevision(a.getPendingRevision());
                clearPending(a);
            }
            a.setStatus(ArticleStatus.DRAFT.name());
            a.setPublishAt(null);
            a.setPublishedAt(null);
            a.setUpdatedAt(OffsetDateTime.now(clock));
            a.store();
            audit.record(ctx, tenantId, actor.label(), "article.unpublished", "article:" + id, null);
            return a;
        });
        changed(tenantId);
        return saved;
    }

    /** Takes an article out of use for good: kept with its history, shown to nobody. */
    public ArticlesRecord archive(long tenantId, Actor actor, long id) {
        actor.mustReview();
        return transition(tenantId, actor, id, "article.archived", a -> {
            expect(a, ArticleStatus.DRAFT, ArticleStatus.PENDING, ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED);
            a.setStatus(ArticleStatus.ARCHIVED.name());
            a.setPublishAt(null);
            // A pending change dies with the item; its revision stays in the history.
            clearPending(a);
        });
    }

    /** The scheduler's step for one due item; false when another node got there first. */
    boolean publishDue(long tenantId, long id) {
        int updated = db.write(TenantScope.of(tenantId), ctx -> {
            int n = ctx.update(ARTICLES)
                    .set(ARTICLES.STATUS, ArticleStatus.PUBLISHED.name())
                    .set(ARTICLES.PUBLISHED_AT, OffsetDateTime.now(clock))
                    .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.ID.eq(id),
                            ARTICLES.STATUS.eq(ArticleStatus.SCHEDULED.name()),
                            ARTICLES.PUBLISH_AT.le(OffsetDateTime.now(clock)))
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
                .and(status == null ? DSL.noCondition() : ARTICLES.STATUS.eq(status))
                .orderBy(ARTICLES.UPDATED_AT.desc()).limit(200).fetch());
    }

    /** The translations of one Vietnamese original, any status. */
    public List<ArticlesRecord> translations(long tenantId, Actor actor, long originalId) {
        actor.mustRead();
        return db.read(TenantScope.of(tenantId), ctx -> ctx.selectFrom(ARTICLES)
                .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.ORIGINAL_ID.eq(originalId))
                .orderBy(ARTICLES.LANGUAGE).fetch());
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
                            r.getTitle(), r.getSummary(), r.getBodyHtml(), r.getRejectedReason()));
        });
    }

    /**
     * Brings an old revision's text back, as a new revision: history is never rewritten. On a
     * live item that new revision is a pending change like any edit (restoring a refused text
     * must not put it on the public page).
     */
    public ArticlesRecord restore(long tenantId, Actor actor, long id, int revision) {
        actor.mustWrite();
        ArticlesRecord saved = db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = loadForUpdate(ctx, tenantId, id);
            if (ArticleStatus.ARCHIVED.name().equals(a.getStatus())) {
                throw new ProblemException(HttpStatus.CONFLICT, "article.not-editable");
            }
            var old = ctx.selectFrom(ARTICLE_REVISIONS).where(ARTICLE_REVISIONS.TENANT_ID.eq(tenantId),
                    ARTICLE_REVISIONS.ARTICLE_ID.eq(id), ARTICLE_REVISIONS.REVISION.eq(revision)).fetchOne();
            if (old == null) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "article.revision-not-found");
            }
            ArticlesRecord target = isLive(a) ? pendingState(ctx, a) : a;
            target.setTitle(old.getTitle());
            target.setSummary(old.getSummary());
            target.setBodyHtml(old.getBodyHtml());
            if (isLive(a)) {
                propose(ctx, a, target, actor, "restored from revision " + revision + ", pending review",
                        "article.change_proposed");
                return a;
            }
            a.setRevision(nextRevision(ctx, a));
            a.setUpdatedAt(OffsetDateTime.now(clock));
            a.store();
            revision(ctx, a, a.getRevision(), actor, "restored from revision " + revision);
            audit.record(ctx, tenantId, actor.label(), "article.restored", "article:" + id + ":" + revision, null);
            return a;
        });
        announceUnlessPending(tenantId, saved);
        return saved;
    }

    /** A revision as the history shows it; a pending change sent back carries the reason. */
    @Serdeable
    public record RevisionView(int revision, long savedBy, OffsetDateTime savedAt, @Nullable String note,
                               String title, String summary, String bodyHtml, @Nullable String rejectedReason) {
    }

    // ---------------------------------------------------------------------------------

    private ArticlesRecord transition(long tenantId, Actor actor, long id, String action,
                                      Consumer<ArticlesRecord> step) {
        ArticlesRecord saved = db.write(TenantScope.of(tenantId), ctx -> {
            ArticlesRecord a = loadForUpdate(ctx, tenantId, id);
            step.accept(a);
            a.setUpdatedAt(OffsetDateTime.now(clock));
            a.store();
            String detail = a.getForcedReason() != null && action.endsWith("force_approved")
                    ? "article:" + id + " reason: " + a.getForcedReason() : "article:" + id;
            audit.record(ctx, tenantId, actor.label(), action, detail, null);
            return a;
        });
        changed(tenantId);
        return saved;
    }

    /**
     * An in-place save is announced as before (the oversight facts read drafts' titles and event
     * times too); a proposed change of a live item is not: nothing anyone reads from the row changed.
     */
    private void announceUnlessPending(long tenantId, ArticlesRecord saved) {
        if (!isLive(saved)) {
            changed(tenantId);
        }
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
                ARTICLES.SLUG.eq(slug), self == null ? DSL.noCondition() : ARTICLES.ID.ne(self)); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private void revision(DSLContext ctx, ArticlesRecord a, int number, Actor actor, String note) {
        ctx.insertInto(ARTICLE_REVISIONS)
                .set(ARTICLE_REVISIONS.TENANT_ID, a.getTenantId())
                .set(ARTICLE_REVISIONS.ARTICLE_ID, a.getId())
                .set(ARTICLE_REVISIONS.REVISION, number)
                .set(ARTICLE_REVISIONS.SAVED_BY, actor.accountId())
                .set(ARTICLE_REVISIONS.NOTE, note)
                .set(ARTICLE_REVISIONS.TITLE, a.getTitle())
                .set(ARTICLE_REVISIONS.SUMMARY, a.getSummary())
                .set(ARTICLE_REVISIONS.BODY_HTML, a.getBodyHtml())
                .set(ARTICLE_REVISIONS.FIELDS, JSONB.valueOf(fieldsOf(a)))
                .execute();
    }

    // ------------------------------------------------------------------ pending changes

    /** PUBLISHED or SCHEDULED: its row is (or is about to be) what visitors see. */
    private static boolean isLive(ArticlesRecord a) {
        return ArticleStatus.PUBLISHED.name().equals(a.getStatus())
                || ArticleStatus.SCHEDULED.name().equals(a.getStatus());
    }

    private boolean hasPendingChange(long tenantId, long id) {
        return db.read(TenantScope.of(tenantId), ctx -> load(ctx, tenantId, id)).getPendingRevision() != null;
    }

    /** Revision numbers only grow: a refused change keeps its number, so the next is after the highest. */
    private static int nextRevision(DSLContext ctx, ArticlesRecord a) {
        Integer max = ctx.select(DSL.max(ARTICLE_REVISIONS.REVISION)).from(ARTICLE_REVISIONS)
                .where(ARTICLE_REVISIONS.TENANT_ID.eq(a.getTenantId()), ARTICLE_REVISIONS.ARTICLE_ID.eq(a.getId()))
                .fetchOne(0, Integer.class);
        return Math.max(max == null ? 0 : max, a.getRevision()) + 1;
    }

    /**
     * A detached copy of the live item as its pending change has it (the public version when
     * there is none): a further edit builds on what is pending, and the row is never touched.
     */
    private ArticlesRecord pendingState(DSLContext ctx, ArticlesRecord a) {
        ArticlesRecord copy = a.into(ARTICLES);
        if (a.getPendingRevision() != null) {
            overlay(copy, revisionRecord(ctx, a, a.getPendingRevision()));
        }
        return copy;
    }

    /** Stores {@code change} as the newest revision and names it the item's pending change. */
    private void propose(DSLContext ctx, ArticlesRecord a, ArticlesRecord change, Actor actor, String note,
                         String action) {
        int number = nextRevision(ctx, a);
        revision(ctx, change, number, actor, note);
        a.setPendingRevision(number);
        a.setPendingBy(actor.accountId());
        a.setPendingAt(OffsetDateTime.now(clock));
        a.store();
        audit.record(ctx, a.getTenantId(), actor.label(), action, "article:" + a.getId() + ":" + number, null);
    }

    private static void clearPending(ArticlesRecord a) {
        a.setPendingRevision(null);
        a.setPendingBy(null);
        a.setPendingAt(null);
    }

    private static ArticleRevisionsRecord revisionRecord(DSLContext ctx, ArticlesRecord a, int revision) {
        ArticleRevisionsRecord r = ctx.selectFrom(ARTICLE_REVISIONS).where(ARTICLE_REVISIONS.TENANT_ID.eq(a.getTenantId()),
                ARTICLE_REVISIONS.ARTICLE_ID.eq(a.getId()), ARTICLE_REVISIONS.REVISION.eq(revision)).fetchOne();
        if (r == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "article.revision-not-found");
        }
        return r;
    }

    /** Who wrote a part of the pending change: every revision since the public one that was not sent back. */
    private static Set<Long> changeAuthors(DSLContext ctx, ArticlesRecord a) {
        return new HashSet<>(ctx.select(ARTICLE_REVISIONS.SAVED_BY).from(ARTICLE_REVISIONS)
                .where(ARTICLE_REVISIONS.TENANT_ID.eq(a.getTenantId()), ARTICLE_REVISIONS.ARTICLE_ID.eq(a.getId()),
                        ARTICLE_REVISIONS.REVISION.gt(a.getRevision()), ARTICLE_REVISIONS.REJECTED_AT.isNull())
                .fetch(ARTICLE_REVISIONS.SAVED_BY));
    }

    private static void expectRevision(int current, @Nullable Integer expected, boolean required) {
        if (expected == null) {
            if (required) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "article.expected-revision-required");
            }
            return;
        }
        if (expected != current) {
            throw new ProblemException(HttpStatus.CONFLICT, "article.revision-moved");
        }
    }

    /** The fields beyond title, summary and body, as a revision keeps them (approval applies them exactly). */
    @Serdeable
    record Fields(String kind, @Nullable Long categoryId, @Nullable List<String> tags,
                  @Nullable String featuredImage, @Nullable String featuredAlt, @Nullable String sourceName,
                  @Nullable String sourceAuthor, @Nullable LocalDate sourceDate,
                  @Nullable OffsetDateTime eventAt) {
    }

    private String fieldsOf(ArticlesRecord a) {
        try {
            return json.writeValueAsString(new Fields(a.getKind(), a.getCategoryId(),
                    a.getTags() == null ? List.of() : List.of(a.getTags()), a.getFeaturedImage(), a.getFeaturedAlt(),
                    a.getSourceName(), a.getSourceAuthor(), a.getSourceDate(), a.getEventAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a revision's content on a record: its text, and its other fields when it kept them. */
    private void overlay(ArticlesRecord a, ArticleRevisionsRecord r) {
        a.setTitle(r.getTitle());
        a.setSummary(r.getSummary());
        a.setBodyHtml(r.getBodyHtml());
        String stored = r.getFields() == null ? "{}" : r.getFields().data();
        if (stored.isBlank() || stored.replace(" ", "").equals("{}")) {
            return; // revisions written before V27 kept the text only
        }
        try {
            Fields f = json.readValue(stored, Fields.class);
            a.setKind(f.kind());
            a.setCategoryId(f.categoryId());
            a.setTags(f.tags() == null ? new String[0] : f.tags().toArray(String[]::new));
            a.setFeaturedImage(f.featuredImage());
            a.setFeaturedAlt(f.featuredAlt());
            a.setSourceName(f.sourceName());
            a.setSourceAuthor(f.sourceAuthor());
            a.setSourceDate(f.sourceDate());
            a.setEventAt(f.eventAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
