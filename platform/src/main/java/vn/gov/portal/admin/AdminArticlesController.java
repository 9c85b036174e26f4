package vn.gov.portal.admin;

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
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.media.MediaService;
import vn.gov.portal.pages.MandatoryPageGaps;
import vn.gov.portal.publishing.Actor;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.publishing.ArticleStatus;
import vn.gov.portal.publishing.Proposals;
import vn.gov.portal.publishing.PublishedArticles;
import vn.gov.portal.site.SiteController;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;

/**
 * The back office's writing and reviewing: my work, all articles, the editor with its media
 * uploads, the approval queue, preview exactly as visitors will see it, revisions.
 * Forms post back with a CSRF token; refusals come back as messages in Vietnamese.
 */
@Controller("/admin")
@vn.gov.portal.infra.web.ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminArticlesController {
    private final ArticleService articles;
    private final MediaService media;
    private final PublishedArticles published;
    private final Templates templates;
    private final SiteController site;
    private final Proposals proposals;
    private final vn.gov.portal.publishing.Categories categories;
    private final AdminPages pages;
    private final MandatoryPageGaps pageGaps;

    private final vn.gov.portal.oversight.quotas.QuotaBoard quotas;
    private final vn.gov.portal.oversight.quotas.QuotaReminders reminders;

    public AdminArticlesController(ArticleService articles, MediaService media, PublishedArticles published, Templates templates,
                                   SiteController site, Proposals proposals,
                                   vn.gov.portal.publishing.Categories categories, AdminPages pages,
                                   MandatoryPageGaps pageGaps, vn.gov.portal.oversight.quotas.QuotaBoard quotas,
                                   vn.gov.portal.oversight.quotas.QuotaReminders reminders) {
        this.pageGaps = pageGaps;
        this.quotas = quotas;
        this.reminders = reminders;
        this.articles = articles;
        this.media = media;
        this.published = published;
        this.templates = templates;
        this.site = site;
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
            return HttpResponse.seeOther(java.net.URI.create(landing));
        }
        if (!vn.gov.portal.identity.Permission.WRITE_ARTICLES.allows(auth.getRoles(), CurrentSite.tenant(request))) {
            return pages.page(request, "admin/landing", auth, new HashMap<>(), HttpStatus.OK);
        }
        long t = CurrentSite.tenant(request).id();
        var all = articles.list(t, actor, null);
        Map<String, Object> model = new HashMap<>();
        model.put("mine", all.stream().filter(a -> a.getAuthorId() == actor.accountId()
                && !ArticleStatus.PUBLISHED.name().equals(a.getStatus())).toList());
        model.put("returned", all.stream().filter(a -> a.getAuthorId() == actor.accountId()
                && ArticleStatus.DRAFT.name().equals(a.getStatus()) && a.getReviewReason() != null).toList());
        model.put("pending", actor.has(Role.HEAD, Role.DEPUTY_HEAD)
                ? all.stream().filter(a -> ArticleStatus.PENDING.name().equals(a.getStatus())).toList() : List.of());
        model.put("recent", all.stream().limit(20).toList());
        // The reminder ND 224 asks for: mandatory pages not written, or not reviewed for a long time.
        var gaps = pageGaps.of(CurrentSite.tenant(request), MandatoryPageGaps.REVIEW_MONTHS);
        model.put("pagesUnwritten", gaps.stream().filter(MandatoryPageGaps.Gap::unwritten).count());
        model.put("pagesOverdue", gaps.stream().filter(g -> !g.unwritten()).count());
        model.put("reviewMonths", MandatoryPageGaps.REVIEW_MONTHS);
        // The site's monthly quota (TN Đ7.3) and, when it is short near the month's end, the reminder (issue 6).
        var site = CurrentSite.tenant(request);
        var quota = quotas.current(site);
        model.put("quota", quota);
        if (quota != null) {
            model.put("quotaDaysLeft", quotas.workingDaysLeft(site));
            model.put("reminder", reminders.ofSite(site));
        }
        return pages.page(request, "admin/home", auth, model, HttpStatus.OK);
    }

    /** Every article of the site, filtered by status and by words of the title. */
    @Get("/bai-viet")
    public HttpResponse<?> list(HttpRequest<?> request, Authentication auth,
                                @Nullable @io.micronaut.http.annotation.QueryValue String trangThai,
                                @Nullable @io.micronaut.http.annotation.QueryValue String q) {
        Actor actor = Actor.of(auth);
        String status = trangThai == null || trangThai.isBlank() ? null : trangThai;
        if (status != null && java.util.Arrays.stream(ArticleStatus.values()).noneMatch(v -> v.name().equals(status))) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "error.400.detail");
        }
        String words = q == null ? "" : vn.gov.portal.infra.text.VietnameseText.fold(q.strip());
        var items = articles.list(CurrentSite.tenant(request).id(), actor, status).stream()
                .filter(a -> words.isEmpty() || vn.gov.portal.infra.text.VietnameseText.fold(a.getTitle()).contains(words))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
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
        model.put("pending", articles.list(CurrentSite.tenant(request).id(), actor, ArticleStatus.PENDING.name()));
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
            String imageUrl = null;
            if (image != null && image.getSize() > 0) {
                var stored = media.upload(t, actor, image.getFilename(), image.getBytes(), imageAlt);
                imageUrl = "/media/" + stored.id() + "/card";
            }
            Long category = categoryId == null || categoryId.isBlank() ? null : Long.valueOf(categoryId);
            List<String> tagList = tags == null || tags.isBlank() ? null
                    : java.util.Arrays.stream(tags.split(",")).map(String::strip).toList();
            java.time.LocalDate srcDate = sourceDate == null || sourceDate.isBlank() ? null
                    : java.time.LocalDate.parse(sourceDate);
            // datetime-local has no zone: it is Vietnam's time, as the board member means it.
            java.time.OffsetDateTime event = eventAt == null || eventAt.isBlank() ? null
                    : java.time.LocalDateTime.parse(eventAt).atZone(SiteController.VIETNAM).toOffsetDateTime();
            var a = articles.create(t, actor, new ArticleInput(title, summary, body, null, category, tagList,
                    imageUrl, imageUrl == null ? null : imageAlt, blankToNull(sourceName), blankToNull(sourceAuthor),
                    srcDate, event, null, null));
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + a.getId()));
        } catch (ProblemException refused) {
            Map<String, Object> model = new HashMap<>();
            model.put("error", refused.detailKey());
            model.put("title", title);
            model.put("summary", summary);
            model.put("body", body);
            model.put("categories", categories.tree(t));
            return pages.page(request, "admin/article-form", auth, model, refused.status());
        }
    }

    /** The editor's image button: upload into the library, answer where the image lives. */
    @Post(value = "/media", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> uploadForEditor(HttpRequest<?> request, Authentication auth, @Part("_csrf") String csrf,
                                           @Part("file") CompletedFileUpload file,
                                           @Nullable @Part("alt") String alt) throws IOException {
        AdminSession.verifyCsrf(request, csrf);
        var stored = media.upload(CurrentSite.tenant(request).id(), Actor.of(auth), file.getFilename(),
                file.getBytes(), alt);
        return HttpResponse.created(Map.of("id", stored.id(), "url", "/media/" + stored.id() + "/full"));
    }

    @Get("/bai-viet/{id}")
    public HttpResponse<?> article(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Actor actor = Actor.of(auth);
        var a = articles.get(CurrentSite.tenant(request).id(), actor, id);
        Map<String, Object> model = new HashMap<>();
        model.put("article", a);
        model.put("canReview", actor.has(Role.HEAD, Role.DEPUTY_HEAD));
        model.put("revisions", articles.revisions(CurrentSite.tenant(request).id(), actor, id));
        return pages.page(request, "admin/article", auth, model, HttpStatus.OK);
    }

    /** Two revisions side by side, with what changed between them marked. */
    @Get("/bai-viet/{id}/so-sanh")
    public HttpResponse<?> compare(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                   @io.micronaut.http.annotation.QueryValue int tu,
                                   @io.micronaut.http.annotation.QueryValue int den) {
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
        model.put("titleDiff", vn.gov.portal.publishing.RevisionDiff.words(from.title(), to.title()));
        model.put("bodyDiff", vn.gov.portal.publishing.RevisionDiff.words(from.summary() + " " + from.bodyHtml(),
                to.summary() + " " + to.bodyHtml()));
        return pages.page(request, "admin/compare", auth, model, HttpStatus.OK);
    }

    @Get("/bai-viet/{id}/xem-truoc")
    public HttpResponse<?> preview(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Actor.of(auth).mustWrite();
        Resolution.Found found = CurrentSite.of(request);
        var article = published.preview(found.tenant().id(), id)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "article.not-found"));
        var model = site.baseModel(request, found);
        model.put("article", article);
        model.put("publishedAt", SiteController.DATE_TIME.format(article.publishedAt()
                .atZoneSameInstant(SiteController.VIETNAM)));
        // Rendered with the public template, never cached: drafts must not leak into the page cache.
        return HttpResponse.ok(templates.render("base/article", Templates.VIETNAMESE, model))
                .contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex");
    }

    @Post(value = "/bai-viet/{id}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> act(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                               @PathVariable String action, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Actor actor = Actor.of(auth);
        long t = CurrentSite.tenant(request).id();
        try {
            switch (action) {
                case "gui-duyet" -> articles.submit(t, actor, id);
                case "duyet" -> articles.approve(t, actor, id, null, form.get("forceReason"));
                case "tra-lai" -> articles.reject(t, actor, id, form.get("reason"));
                case "go-bai" -> articles.unpublish(t, actor, id);
                case "gui-cong-tinh" -> proposals.propose(CurrentSite.tenant(request), actor, id);
                case "luu-tru" -> articles.archive(t, actor, id);
                case "khoi-phuc" -> articles.restore(t, actor, id, Integer.parseInt(form.getOrDefault("revision", "0")));
                default -> throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
            }
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + id));
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("article", articles.get(t, actor, id));
            model.put("canReview", actor.has(Role.HEAD, Role.DEPUTY_HEAD));
            model.put("revisions", articles.revisions(t, actor, id));
            model.put("error", refused.detailKey());
            return pages.page(request, "admin/article", auth, model, refused.status());
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
