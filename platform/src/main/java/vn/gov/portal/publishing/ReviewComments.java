package vn.gov.portal.publishing;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.ARTICLE_COMMENTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.List;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;

/**
 * Review comments: any member of the site's own board, ủy viên (MEMBER) included, remarks
 * on an article waiting for approval; the reviewers read the remarks beside it. A comment changes
 * nothing of the article and is kept (append-only), with the revision it was written about. Kept
 * apart from {@link ArticleService}: commenting is not a step of the workflow.
 */
@Singleton
public class ReviewComments {
    public static final int MAX_LENGTH = 4000;
    private final TenantDb db;
    private final AuditLog audit;

    public ReviewComments(TenantDb db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Serdeable
    public record Comment(long id, long articleId, int revision, long authorId, String authorName, String body,
                          OffsetDateTime createdAt) {
    }

    /** The article's comments, oldest first; 404 for an article the site does not have. */
    public List<Comment> list(long tenantId, Actor actor, long articleId) {
        mustSit(actor);
        return db.read(TenantScope.of(tenantId), ctx -> {
            if (!ctx.fetchExists(ARTICLES, ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.ID.eq(articleId))) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "article.not-found");
            }
            return ctx.select(ARTICLE_COMMENTS.ID, ARTICLE_COMMENTS.ARTICLE_ID, ARTICLE_COMMENTS.REVISION,
                            ARTICLE_COMMENTS.AUTHOR_ID, ACCOUNTS.FULL_NAME, ARTICLE_COMMENTS.BODY,
                            ARTICLE_COMMENTS.CREATED_AT)
                    .from(ARTICLE_COMMENTS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(ARTICLE_COMMENTS.AUTHOR_ID))
                    .where(ARTICLE_COMMENTS.TENANT_ID.eq(tenantId), ARTICLE_COMMENTS.ARTICLE_ID.eq(articleId))
                    .orderBy(ARTICLE_COMMENTS.CREATED_AT, ARTICLE_COMMENTS.ID)
                    .fetch(r -> new Comment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                            r.value7()));
        });
    }

    /** A comment on a PENDING article (409 otherwise: there is nothing under review to remark on). */
    public Comment add(long tenantId, Actor actor, long articleId, @Nullable String text) {
        mustSit(actor);
        String body = text == null ? "" : VietnameseText.nfc(text.strip());
        if (body.isEmpty() || body.length() > MAX_LENGTH) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "comment.body", "body");
        }
        return db.write(TenantScope.of(tenantId), ctx -> {
            var article = ctx.select(ARTICLES.STATUS, ARTICLES.REVISION).from(ARTICLES)
                    .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.ID.eq(articleId)).fetchOne();
            if (article == null) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "article.not-found");
            }
            if (!ArticleStatus.PENDING.name().equals(article.value1())) {
                throw new ProblemException(HttpStatus.CONFLICT, "comment.not-pending", "not-pending");
            }
            var row = ctx.insertInto(ARTICLE_COMMENTS)
                    .set(ARTICLE_COMMENTS.TENANT_ID, tenantId)
                    .set(ARTICLE_COMMENTS.ARTICLE_ID, articleId)
                    .set(ARTICLE_COMMENTS.REVISION, article.value2())
                    .set(ARTICLE_COMMENTS.AUTHOR_ID, actor.accountId())
                    .set(ARTICLE_COMMENTS.BODY, body)
                    .returning(ARTICLE_COMMENTS.ID, ARTICLE_COMMENTS.CREATED_AT).fetchOne();
            String name = ctx.select(ACCOUNTS.FULL_NAME).from(ACCOUNTS).where(ACCOUNTS.ID.eq(actor.accountId()))
                    .fetchOne(ACCOUNTS.FULL_NAME);
            audit.record(ctx, tenantId, actor.label(), "article.commented", "article:" + articleId, null);
            return new Comment(row.getId(), articleId, article.value2(), actor.accountId(), name, body,
                    row.getCreatedAt());
        });
    }

    /** Whether this person may comment here: any seat on the site's own board. */
    public static boolean maySit(Actor actor) {
        return actor.may(Permission.COMMENT_ON_REVIEWS);
    }

    private static void mustSit(Actor actor) {
        if (!maySit(actor)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "comment.forbidden");
        }
    }
}
