package vn.gov.portal.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.List;
import vn.gov.portal.db.tables.records.ArticlesRecord;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.identity.Actor;

/** The article API on the site's own host. Every call needs a token for this site. */
@Controller("/api/v1/articles")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticleApiController {
    private final ArticleService articles;
    private final TenantDirectory directory;

    public ArticleApiController(ArticleService articles, TenantDirectory directory) {
        this.articles = articles;
        this.directory = directory;
    }

    /**
     * Body of approve: when to publish (absent: now), for the head's own work why, and the
     * revision the reviewer read (required for a pending change, optional for a first publication).
     */
    @Serdeable
    public record Approval(@Nullable OffsetDateTime publishAt, @Nullable String forceReason,
                           @Nullable Integer expectedRevision) {
    }

    @Serdeable
    public record Reason(@Nullable String reason, @Nullable Integer expectedRevision) {
    }

    @Needs(Permission.READ_ARTICLES)
    @Get
    public List<ArticleView> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String status) {
        long t = site(request).tenant().id();
        return articles.list(t, Actor.of(auth), status).stream().map(a -> view(request, a)).toList();
    }

    @Needs(Permission.WRITE_ARTICLES)
    @Post
    public HttpResponse<ArticleView> create(HttpRequest<?> request, Authentication auth, @Body ArticleInput body) {
        ArticlesRecord a = articles.create(site(request).tenant().id(), Actor.of(auth), body);
        return HttpResponse.created(view(request, a));
    }

    @Needs(Permission.READ_ARTICLES)
    @Get("/{id}")
    public ArticleView get(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return view(request, articles.get(site(request).tenant().id(), Actor.of(auth), id));
    }

    @Needs(Permission.WRITE_ARTICLES)
    @Put("/{id}")
    public ArticleView update(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                              @Body ArticleInput body) {
        return view(request, articles.update(site(request).tenant().id(), Actor.of(auth), id, body));
    }

    @Needs(Permission.WRITE_ARTICLES)
    @Post("/{id}/submit")
    public ArticleView submit(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return view(request, articles.submit(site(request).tenant().id(), Actor.of(auth), id));
    }

    @Needs(Permission.REVIEW_ARTICLES)
    @Post("/{id}/approve")
    public ArticleView approve(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                               @Nullable @Body Approval body) {
        Approval a = body == null ? new Approval(null, null, null) : body;
        return view(request, articles.approve(site(request).tenant().id(), Actor.of(auth), id, a.publishAt(),
                a.forceReason(), a.expectedRevision()));
    }

    @Needs(Permission.REVIEW_ARTICLES)
    @Post("/{id}/reject")
    public ArticleView reject(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                              @Nullable @Body Reason body) {
        return view(request, articles.reject(site(request).tenant().id(), Actor.of(auth), id,
                body == null ? null : body.reason(), body == null ? null : body.expectedRevision()));
    }

    @Needs(Permission.REVIEW_ARTICLES)
    @Post("/{id}/unpublish")
    public ArticleView unpublish(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return view(request, articles.unpublish(site(request).tenant().id(), Actor.of(auth), id));
    }

    @Needs(Permission.REVIEW_ARTICLES)
    @Post("/{id}/archive")
    public ArticleView archive(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return view(request, articles.archive(site(request).tenant().id(), Actor.of(auth), id));
    }

    /** A live item's pending change and what it changes against the public version; 404 when none. */
    @Needs(Permission.READ_ARTICLES)
    @Get("/{id}/pending")
    public ArticleService.PendingChange pending(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return articles.pending(site(request).tenant().id(), Actor.of(auth), id);
    }

    @Needs(Permission.READ_ARTICLES)
    @Get("/{id}/revisions")
    public List<ArticleService.RevisionView> revisions(HttpRequest<?> request, Authentication auth,
                                                       @PathVariable long id) {
        return articles.revisions(site(request).tenant().id(), Actor.of(auth), id);
    }

    @Needs(Permission.WRITE_ARTICLES)
    @Post("/{id}/revisions/{revision}/restore")
    public ArticleView restore(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                               @PathVariable int revision) {
        return view(request, articles.restore(site(request).tenant().id(), Actor.of(auth), id, revision));
    }

    private static Resolution.Found site(HttpRequest<?> request) {
        return CurrentSite.of(request);
    }

    private ArticleView view(HttpRequest<?> request, ArticlesRecord a) {
        Resolution.Found site = site(request);
        String url = ArticleStatus.PUBLISHED.name().equals(a.getStatus())
                ? ArticleUrls.of(request, directory.snapshot().hostOf(site.tenant(), site.baseDomain()), a.getSlug())
                : null;
        return new ArticleView(a.getId(), a.getStatus(), a.getKind(), a.getLanguage(), a.getTitle(), a.getSlug(), url,
                a.getSummary(), a.getBodyHtml(), a.getCategoryId(), a.getTags() == null ? List.of() : List.of(a.getTags()), a.getFeaturedImage(),
                a.getFeaturedAlt(), a.getSourceName(), a.getSourceAuthor(), a.getSourceDate(), a.getEventAt(),
                a.getPublishAt(), a.getPublishedAt(), a.getReviewReason(), a.getRevision(), a.getPendingRevision(),
                a.getPendingBy(), a.getPendingAt());
    }
}
