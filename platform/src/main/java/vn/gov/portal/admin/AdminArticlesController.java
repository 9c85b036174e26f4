package vn.gov.portal.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.gov.portal.db.tables.records.ArticlesRecord;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.media.MediaService;
import vn.gov.portal.oversight.quotas.QuotaBoard;
import vn.gov.portal.oversight.quotas.QuotaReminders;
import vn.gov.portal.pages.MandatoryPageGaps;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.publishing.ArticleStatus;
import vn.gov.portal.publishing.ArticleTitleSearch;
import vn.gov.portal.publishing.Categories;
import vn.gov.portal.publishing.HtmlPolicy;
import vn.gov.portal.publishing.Proposals;
import vn.gov.portal.publishing.PublishedArticles;
import vn.gov.portal.publishing.ReviewComments;
import vn.gov.portal.publishing.RevisionDiff;
import vn.gov.portal.site.PublicPages;
import vn.gov.portal.site.SiteController;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.BackOfficeForm;
import vn.gov.portal.backoffice.Forms;
import vn.gov.portal.backoffice.BackOfficeMenu;
import vn.gov.portal.backoffice.Paged;

/**
 * The back office's writing and reviewing: my work, all articles, the editor with its media
 * uploads, the approval queue, preview exactly as visitors will see it, revisions.
 * Forms post back with a CSRF token; refusals come back as messages in Vietnamese.
 */
@Controller("/admin")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminArticlesController {
    private final ArticleService articles;
    private final MediaService media;
    private final PublishedArticles published;
    private final Templates templates;
    private final PublicPages publicPages;
    private final Proposals proposals;
    private final Categories categories;
    private final AdminPages pages;
    /** Review comments, injected apart so this controller's constructor stays as it was. */
    @Inject
    ReviewComments reviewComments;
    private final MandatoryPageGaps pageGaps;

    private final QuotaBoard quotas;
    private final QuotaReminders reminders;
    private final ForeignLanguages languages;
    private final ArticleTitleSearch titleSearch;
    private final Forms forms;

    public AdminArticlesController(ArticleService articles, MediaService media, PublishedArticles published, Templates templates,
                                   PublicPages publicPages, Proposals proposals,
                                   Categories categories, AdminPages pages,
                                   MandatoryPageGaps pageGaps, QuotaBoard quotas,
                                   QuotaReminders reminders,
                                   ForeignLanguages languages, ArticleTitleSearch titleSearch, Forms forms) {
        this.forms = forms;
        this.languages = languages;
        this.titleSearch = titleSearch;
        this.pageGaps = pageGaps;
        this.quotas = quotas;
        this.reminders = reminders;
        this.articles = articles;
        this.media = media;
        this.published = published;
        this.templates = templates;
        this.publicPages = publicPages;
        this.proposals = proposals;
        this.categories = categories;
        this.pages = pages;
    }

    // ----------------------------------------------------------------- my work, queue

    @Get
    public HttpResponse<?> home(HttpRequest<?> request, Authentication auth) {
        Actor actor = Actor.of(auth);
        // Everyone lands where their work is (a site admin on the members, the province's
        // administrators on the console), never on a page that refuses them.
        String landing = BackOfficeMenu.landing(auth.getRoles(), CurrentSite.tenant(request));
        if (!landing.equals("/admin")) {
            return HttpResponse.seeOther(URI.create(landing));
        }
        // Whoever reads the board's articles (writers, and members, who comment on pending ones) gets
        // "my work"; anyone else the list of what they may open.
        if (!Permission.READ_ARTICLES.allows(auth.getRoles(), CurrentSite.tenant(request))) {
            return pages.page(request, "admin/landing", auth, new HashMap<>(), HttpStatus.OK);
        }
        long t = CurrentSite.tenant(request).id();
        var all = articles.list(t, actor, null);
        Map<String, Object> model = new HashMap<>();
        model.put("mine", all.stream().filter(a -> a.getAuthorId() == actor.accountId()
                && !ArticleStatus.PUBLISHED.name().equals(a.getStatus())).toList());
        model.put("returned", all.stream().filter(a -> a.getAuthorId() == actor.accountId()
                && ArticleStatus.DRAFT.name().equals(a.getStatus()) && a.getReviewReason() != null).toList());
        // Members (ủy viên) see what waits for approval too: they comment on it (ReviewComments).
        model.put("pending", actor.may(Permission.FOLLOW_PENDING)
                ? all.stream().filter(a -> ArticleStatus.PENDING.name().equals(a.getStatus())
                        || a.getPendingRevision() != null).toList() : List.of());
        model.put("recent", all.stream().limit(20).toList());
        // The reminder ND 224 asks for: mandatory pages not written, or not reviewed for a long time.
        var gaps = pageGaps.of(CurrentSite.tenant(request), MandatoryPageGaps.REVIEW_MONTHS);
        model.put("pagesUnwritten", gaps.stream().filter(MandatoryPageGaps.Gap::unwritten).count());
        model.put("pagesOverdue", gaps.stream().filter(g -> !g.unwritten()).count());
        model.put("reviewMonths", MandatoryPageGaps.REVIEW_MONTHS);
        // The site's monthly quota (TN Đ7.3) and, when it is short near the month's end, the reminder.
        var site = CurrentSite.tenant(request);
        var quota = quotas.current(site);
        model.put("quota", quota);
        if (quota != null) {
            model.put("quotaDaysLeft", quotas.workingDaysLeft(site));
            model.put("reminder", reminders.ofSite(site));
        }
        return pages.page(request, "admin/home", auth, model, HttpStatus.OK);
    }

    /**
     * Every article of the site, filtered by status and by words of the title, a page at a time;
     * the search runs in the database over all of the site's articles (ArticleTitleSearch).
     */
    @Get("/bai-viet")
    public HttpResponse<?> list(HttpRequest<?> request, Authentication auth,
                                @Nullable @QueryValue String trangThai,
                                @Nullable @QueryValue String q,
                                @Nullable @QueryValue(Paged.PARAM) String trang) {
        Actor actor = Actor.of(auth);
        String status = trangThai == null || trangThai.isBlank() ? null : trangThai;
        if (status != null && Arrays.stream(ArticleStatus.values()).noneMatch(v -> v.name().equals(status))) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "error.400.detail");
        }
        long t = CurrentSite.tenant(request).id();
        int page = Paged.requested(trang);
        var found = titleSearch.find(t, actor, status == null ? null : ArticleStatus.valueOf(status), q, page,
                Paged.SIZE);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("trangThai", status);
        var paged = Paged.ofPage(found.items(), page, found.total(), filters);
        Map<String, Object> model = new HashMap<>();
        model.put("items", paged.items());
        model.put("paged", paged);
        // Each Vietnamese item's translations, by language: which exist, and whether published or pending.
        Map<Long, List<ArticlesRecord>> translations = new HashMap<>();
        articles.list(t, actor, null).stream().filter(a -> a.getOriginalId() != null)
                .forEach(a -> translations.computeIfAbsent(a.getOriginalId(), k -> new ArrayList<>()).add(a));
        model.put("translations", translations);
        model.put("statuses", ArticleStatus.values());
        model.put("status", status);
        model.put("q", q == null ? "" : q);
        return pages.page(request, "admin/list", auth, model, HttpStatus.OK);
    }

    @Get("/duyet")
    public HttpResponse<?> queue(HttpRequest<?> request, Authentication auth) {
        Actor actor = Actor.of(auth);
        actor.mustReview();
        Map<String, Object> model = new HashMap<>();
        var all = articles.list(CurrentSite.tenant(request).id(), actor, null);
        model.put("pending", all.stream().filter(a -> ArticleStatus.PENDING.name().equals(a.getStatus())).toList());
        // Changes to live items wait beside new submissions: both are what the public site would show.
        model.put("changes", all.stream().filter(a -> a.getPendingRevision() != null).toList());
        return pages.page(request, "admin/queue", auth, model, HttpStatus.OK);
    }

    // ----------------------------------------------------------------- writing

    @Get("/bai-viet/moi")
    public HttpResponse<?> newArticle(HttpRequest<?> request, Authentication auth) {
        Actor.of(auth).mustWrite();
        Map<String, Object> model = new HashMap<>();
        model.put("categories", categories.tree(CurrentSite.tenant(request).id()));
        return pages.page(request, "admin/article-form", auth, model, HttpStatus.OK);
    }

    @Needs(Permission.WRITE_ARTICLES)
    @Post(value = "/bai-viet", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication auth,
                                  @Part("_csrf") String csrf, @Part("title") String title,
                                  @Nullable @Part("summary") String summary, @Nullable @Part("body") String body,
                                  @Nullable @Part("image") CompletedFileUpload image,
                                  @Nullable @Part("imageAlt") String imageAlt,
                                  @Nullable @Part("categoryId") String categoryId,
                                  @Nullable @Part("tags") String tags,
                                  @Nullable @Part("sourceName") String sourceName,
                                  @Nullable @Part("sourceAuthor") String sourceAuthor,
                                  @Nullable @Part("sourceDate") String sourceDate,
                                  @Nullable @Part("eventAt") String eventAt) throws IOException {
        AdminSession.verifyCsrf(request, csrf);
        Actor actor = Actor.of(auth);
        long t = CurrentSite.tenant(request).id();
        try {
            var a = articles.create(t, actor, input(CurrentSite.tenant(request), actor, title, summary, body, image, imageAlt, categoryId, tags,
                    sourceName, sourceAuthor, sourceDate, eventAt));
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + a.getId()));
        } catch (ProblemException refused) {
            Map<String, Object> model = new HashMap<>();
            model.put("error", refused.detailKey());
            model.put("title", title);
            model.put("summary", summary);
            // The editor is fed what the server would store, never the raw form: it parses
            // its input as HTML, so an echoed paste could carry markup the sanitiser removes.
            model.put("body", HtmlPolicy.sanitise(body));
            model.put("categories", categories.tree(t));
            return pages.page(request, "admin/article-form", auth, model, refused.status());
        }
    }

    /**
     * Editing an existing article. A live one is edited from its pending change if it has one
     * (edits build on it), and the writer is told the change waits for approval.
     */
    @Get("/bai-viet/{id}/sua")
    public HttpResponse<?> edit(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Actor actor = Actor.of(auth);
        long t = CurrentSite.tenant(request).id();
        return pages.page(request, "admin/article-form", auth, editModel(t, actor, id), HttpStatus.OK);
    }

    @Needs(Permission.WRITE_ARTICLES)
    @Post(value = "/bai-viet/{id}/sua", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> saveEdit(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                    @Part("_csrf") String csrf, @Part("title") String title,
                                    @Nullable @Part("summary") String summary, @Nullable @Part("body") String body,
                                    @Nullable @Part("image") CompletedFileUpload image,
                                    @Nullable @Part("imageAlt") String imageAlt,
                                    @Nullable @Part("categoryId") String categoryId,
                                    @Nullable @Part("tags") String tags,
                                    @Nullable @Part("sourceName") String sourceName,
                                    @Nullable @Part("sourceAuthor") String sourceAuthor,
                                    @Nullable @Part("sourceDate") String sourceDate,
                                    @Nullable @Part("eventAt") String eventAt) throws IOException {
        AdminSession.verifyCsrf(request, csrf);
        Actor actor = Actor.of(auth);
        long t = CurrentSite.tenant(request).id();
        try {
            // Fields left empty stay as they are: the form is not a way to clear a source or an image.
            articles.update(t, actor, id, input(CurrentSite.tenant(request), actor, title, summary, body, image, imageAlt, categoryId, tags,
                    sourceName, sourceAuthor, sourceDate, eventAt));
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + id));
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            Map<String, Object> model = editModel(t, actor, id);
            model.put("error", refused.detailKey());
            model.put("title", title);
            model.put("summary", summary);
            // The editor is fed what the server would store, never the raw form: it parses
            // its input as HTML, so an echoed paste could carry markup the sanitiser removes.
            model.put("body", HtmlPolicy.sanitise(body));
            model.put("tags", tags);
            return pages.page(request, "admin/article-form", auth, model, refused.status());
        }
    }

    /**
     * The article form's fields as the service takes them, for writing and editing alike; an
     * image that came with the form goes to the media library first.
     */
    private ArticleInput input(Tenant site, Actor actor, String title, @Nullable String summary, @Nullable String body,
                               @Nullable CompletedFileUpload image, @Nullable String imageAlt,
                               @Nullable String categoryId, @Nullable String tags, @Nullable String sourceName,
                               @Nullable String sourceAuthor, @Nullable String sourceDate, @Nullable String eventAt)
            throws IOException {
        String imageUrl = null;
        if (image != null && image.getSize() > 0) {
            try (var in = image.getInputStream()) {
                imageUrl = "/media/" + media.upload(site, actor, image.getFilename(), in, imageAlt).id() + "/card";
            }
        }
        Long category = categoryId == null || categoryId.isBlank() ? null : Long.valueOf(categoryId);
        List<String> tagList = tags == null ? null : Arrays.stream(tags.split(","))
                .map(String::strip).filter(x -> !x.isEmpty()).toList();
        LocalDate srcDate = sourceDate == null || sourceDate.isBlank() ? null
                : LocalDate.parse(sourceDate);
        // datetime-local has no zone: it is Vietnam's time, as the board member means it.
        OffsetDateTime event = eventAt == null || eventAt.isBlank() ? null
                : LocalDateTime.parse(eventAt).atZone(ProvinceTime.ZONE).toOffsetDateTime();
        return new ArticleInput(title, summary, body, null, category, tagList, imageUrl,
                imageUrl == null ? null : imageAlt, blankToNull(sourceName), blankToNull(sourceAuthor), srcDate, event,
                null, null);
    }

    private Map<String, Object> editModel(long t, Actor actor, long id) {
        var a = articles.forEditing(t, actor, id);
        Map<String, Object> model = new HashMap<>();
        model.put("editing", a.getId());
        model.put("live", ArticleStatus.PUBLISHED.name().equals(a.getStatus())
                || ArticleStatus.SCHEDULED.name().equals(a.getStatus()));
        model.put("title", a.getTitle());
        model.put("summary", a.getSummary());
        model.put("body", a.getBodyHtml());
        model.put("tags", a.getTags() == null ? "" : String.join(", ", a.getTags()));
        model.put("categoryId", a.getCategoryId());
        model.put("categories", categories.tree(t));
        return model;
    }

    /** The editor's image button: upload into the library, answer where the image lives. */
    @Needs(Permission.WRITE_ARTICLES)
    @Post(value = "/media", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> uploadForEditor(HttpRequest<?> request, Authentication auth, @Part("_csrf") String csrf,
                                           @Part("file") CompletedFileUpload file,
                                           @Nullable @Part("alt") String alt) throws IOException {
        AdminSession.verifyCsrf(request, csrf);
        MediaService.Stored stored;
        try (var in = file.getInputStream()) {
            stored = media.upload(CurrentSite.tenant(request), Actor.of(auth), file.getFilename(), in, alt);
        }
        return HttpResponse.created(Map.of("id", stored.id(), "url", "/media/" + stored.id() + "/full"));
    }

    @Get("/bai-viet/{id}")
    public HttpResponse<?> article(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Actor actor = Actor.of(auth);
        Map<String, Object> model = articleModel(CurrentSite.tenant(request).id(), actor, id);
        // A refused comment comes back here (AdminReviewCommentsController) naming why, by message key.
        request.getParameters().getFirst("gopY").filter(k -> k.startsWith("comment."))
                .ifPresent(k -> model.put("commentError", k));
        return pages.page(request, "admin/article", auth, model, HttpStatus.OK);
    }

    /** The article page: the item, its history and, for a live item, its pending change with the diff. */
    private Map<String, Object> articleModel(long t, Actor actor, long id) {
        var a = articles.get(t, actor, id);
        Map<String, Object> model = new HashMap<>();
        model.put("article", a);
        model.put("canReview", actor.may(Permission.REVIEW_ARTICLES));
        // Only the head may approve their own work, by force, with a written reason (TN Đ5.3).
        model.put("isHead", actor.may(Permission.FORCE_APPROVE));
        // A member (ủy viên) reads the page but is offered no writing (send for approval, restore).
        model.put("canWrite", actor.may(Permission.WRITE_ARTICLES));
        model.put("revisions", articles.revisions(t, actor, id));
        // Review comments: shown to the whole board, written while the article is pending.
        model.put("comments", reviewComments.list(t, actor, id));
        model.put("canComment", ArticleStatus.PENDING.name().equals(a.getStatus())
                && ReviewComments.maySit(actor));
        model.put("live", ArticleStatus.PUBLISHED.name().equals(a.getStatus())
                || ArticleStatus.SCHEDULED.name().equals(a.getStatus()));
        model.put("change", a.getPendingRevision() == null ? null : articles.pending(t, actor, id));
        if (a.getOriginalId() == null && "vi".equals(a.getLanguage())) {
            var existing = articles.translations(t, actor, id);
            model.put("translations", languages.of(t).entrySet().stream()
                    .map(l -> new Translation(l.getKey(), l.getValue(), existing.stream()
                            .filter(x -> x.getLanguage().equals(l.getKey())).findFirst().orElse(null)))
                    .toList());
        }
        return model;
    }

    /** One language the province offers, and this article's translation into it if there is one. */
    public record Translation(String language, String name,
                              vn.gov.portal.db.tables.records.@Nullable ArticlesRecord article) {
    }

    /** Two revisions side by side, with what changed between them marked. */
    @Get("/bai-viet/{id}/so-sanh")
    public HttpResponse<?> compare(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                   @QueryValue int tu,
                                   @QueryValue int den) {
        Actor actor = Actor.of(auth);
        long t = CurrentSite.tenant(request).id();
        var revisions = articles.revisions(t, actor, id);
        var from = revisions.stream().filter(r -> r.revision() == tu).findFirst()
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "article.revision-not-found"));
        var to = revisions.stream().filter(r -> r.revision() == den).findFirst()
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "article.revision-not-found"));
        Map<String, Object> model = new HashMap<>();
        model.put("article", articles.get(t, actor, id));
        model.put("from", from);
        model.put("to", to);
        model.put("titleDiff", RevisionDiff.words(from.title(), to.title()));
        model.put("bodyDiff", RevisionDiff.words(from.summary() + " " + from.bodyHtml(),
                to.summary() + " " + to.bodyHtml()));
        return pages.page(request, "admin/compare", auth, model, HttpStatus.OK);
    }

    @Get("/bai-viet/{id}/xem-truoc")
    public HttpResponse<?> preview(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Actor.of(auth).mustRead(); // members (ủy viên) preview what they comment on
        Resolution.Found found = CurrentSite.of(request);
        var article = published.preview(found.tenant().id(), id)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "article.not-found"));
        var model = publicPages.baseModel(request, found);
        model.put("article", article);
        model.put("publishedAt", SiteController.DATE_TIME.format(article.publishedAt()
                .atZoneSameInstant(ProvinceTime.ZONE)));
        // Rendered with the public template, never cached: drafts must not leak into the page cache.
        return HttpResponse.ok(templates.render("base/article", Templates.VIETNAMESE, model))
                .contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex");
    }

    /**
     * The buttons of an article's page: approving may carry the reason to publish over a warning
     * and the revision the reviewer read, returning the reason, restoring the revision chosen.
     */
    @Serdeable
    record ArticleActionForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf,
                             @Nullable String forceReason, @Nullable String expectedRevision,
                             @Nullable String reason, @Nullable String revision) implements BackOfficeForm {
    }

    @Needs(Permission.WRITE_ARTICLES)
    @Post(value = "/bai-viet/{id}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> act(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                               @PathVariable String action, @Body ArticleActionForm form) {
        Actor actor = Actor.of(auth);
        long t = CurrentSite.tenant(request).id();
        return forms.submit(request, "action", form, Set.of(HttpStatus.NOT_FOUND), () -> {
            switch (action) {
                case "gui-duyet" -> articles.submit(t, actor, id);
                case "duyet" -> articles.approve(t, actor, id, null, form.forceReason(),
                        revisionField(form.expectedRevision()));
                case "tra-lai" -> articles.reject(t, actor, id, form.reason(),
                        revisionField(form.expectedRevision()));
                case "go-bai" -> articles.unpublish(t, actor, id);
                case "gui-cong-tinh" -> proposals.propose(CurrentSite.tenant(request), actor, id);
                case "luu-tru" -> articles.archive(t, actor, id);
                case "khoi-phuc" -> articles.restore(t, actor, id,
                        Integer.parseInt(form.revision() == null ? "0" : form.revision()));
                default -> throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
            }
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + id));
        }, refusal -> {
            Map<String, Object> model = articleModel(t, actor, id);
            model.put("error", refusal.messageKey());
            model.put("refusal", refusal);
            return pages.page(request, "admin/article", auth, model, refusal.status());
        });
    }

    /** The revision the reviewer read, as the form carries it; absent or garbled means none named. */
    private static @Nullable Integer revisionField(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "error.400.detail");
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
