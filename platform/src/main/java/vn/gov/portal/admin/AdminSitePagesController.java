package vn.gov.portal.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.pages.MandatoryPageGaps;
import vn.gov.portal.pages.PageService;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.HtmlPolicy;
import vn.gov.portal.site.SiteController;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.tenancy.Tenant;

/**
 * The board's pages in the back office ({@code /admin/trang}): every page with where it stands
 * (not written, draft, waiting for approval, published, a change waiting), whether the site must
 * have it, when it was last updated and reviewed; the editor (title, rich text with the article
 * editor's images), which saves a revision and sends it for approval; for the head and deputy heads,
 * what the waiting change does to the public page, word by word, with approve and send back; the
 * revisions with a comparison of any two and restore; and "reviewed, nothing changed". A page's
 * translations ({@code ?ngonNgu=en}, the languages the province offers) are edited beside the
 * Vietnamese original and go through the same approval. A refusal shows on the form with what was
 * typed kept.
 */
@Controller("/admin/trang")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminSitePagesController {
    private final PageService pages;
    private final AdminPages render;

    public AdminSitePagesController(PageService pages, AdminPages render) {
        this.pages = pages;
        this.render = render;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, Authentication auth) {
        var site = CurrentSite.tenant(request);
        Actor actor = Actor.of(auth);
        List<PageService.Entry> entries = pages.list(site, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("entries", entries);
        model.put("unwritten", entries.stream().filter(e -> e.mandatory() && e.placeholder()).count());
        model.put("overdue", entries.stream().filter(PageService.Entry::reviewOverdue).count());
        model.put("waiting", entries.stream().filter(e -> e.state().pending()).count());
        model.put("languages", pages.translationLanguages(site));
        model.put("translations", pages.translations(site, actor));
        model.put("months", MandatoryPageGaps.REVIEW_MONTHS);
        model.put("when", new When());
        return render.page(request, "admin/pages", auth, model, HttpStatus.OK);
    }

    @Get("/{slug}")
    public HttpResponse<?> edit(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                                @Nullable @QueryValue String ngonNgu, @Nullable @QueryValue String daLuu) {
        Map<String, Object> model = form(request, auth, slug, language(ngonNgu));
        model.put("done", daLuu);
        return render.page(request, "admin/page-form", auth, model, HttpStatus.OK);
    }

    @Needs(Permission.WRITE_PAGES)
    @Post(value = "/{slug}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                                @Nullable @QueryValue String ngonNgu, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        String language = language(ngonNgu);
        try {
            PageService.Entry saved = pages.save(CurrentSite.tenant(request), Actor.of(auth), slug, language,
                    form.get("title"), form.get("body"));
            return done(slug, language, saved.state().pending() ? "cho-duyet" : "nhap");
        } catch (ProblemException refused) {
            return refusedForm(request, auth, slug, language, refused, form.get("title"), form.get("body"));
        }
    }

    @Needs(Permission.WRITE_PAGES)
    @Post(value = "/{slug}/gui-duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> submit(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                                  @Nullable @QueryValue String ngonNgu, @Body Map<String, String> form) {
        return act(request, auth, slug, ngonNgu, form, "gui-duyet",
                (site, actor, language) -> pages.submit(site, actor, slug, language));
    }

    @Needs(Permission.REVIEW_PAGES)
    @Post(value = "/{slug}/duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> approve(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                                   @Nullable @QueryValue String ngonNgu, @Body Map<String, String> form) {
        return act(request, auth, slug, ngonNgu, form, "duyet",
                (site, actor, language) -> pages.approve(site, actor, slug, language, revision(form), form.get("reason")));
    }

    @Needs(Permission.REVIEW_PAGES)
    @Post(value = "/{slug}/tra-lai", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> reject(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                                  @Nullable @QueryValue String ngonNgu, @Body Map<String, String> form) {
        return act(request, auth, slug, ngonNgu, form, "tra-lai",
                (site, actor, language) -> pages.reject(site, actor, slug, language, revision(form), form.get("reason")));
    }

    @Needs(Permission.CONFIRM_PAGES)
    @Post(value = "/{slug}/da-ra-soat", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> reviewed(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                                    @Nullable @QueryValue String ngonNgu, @Body Map<String, String> form) {
        return act(request, auth, slug, ngonNgu, form, "ra-soat",
                (site, actor, language) -> pages.markReviewed(site, actor, slug, language));
    }

    /** The revisions, newest first, and (given {@code tu} and {@code den}) what changed between two. */
    @Get("/{slug}/phien-ban")
    public HttpResponse<?> revisions(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                                     @Nullable @QueryValue String ngonNgu, @Nullable @QueryValue Integer tu,
                                     @Nullable @QueryValue Integer den) {
        var site = CurrentSite.tenant(request);
        Actor actor = Actor.of(auth);
        String language = language(ngonNgu);
        PageService.Entry entry = pages.get(site, actor, slug, language);
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("action", address(slug));
        model.put("query", query(language));
        model.put("language", language);
        model.put("revisions", pages.revisions(site, actor, slug, language));
        model.put("when", new When());
        if (tu != null && den != null) {
            model.put("comparison", pages.compare(site, actor, slug, language, tu, den));
        }
        return render.page(request, "admin/page-revisions", auth, model, HttpStatus.OK);
    }

    @Needs(Permission.WRITE_PAGES)
    @Post(value = "/{slug}/phien-ban/{revision}/khoi-phuc", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> restore(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                                   @PathVariable int revision, @Nullable @QueryValue String ngonNgu,
                                   @Body Map<String, String> form) {
        return act(request, auth, slug, ngonNgu, form, "khoi-phuc",
                (site, actor, language) -> pages.restore(site, actor, slug, language, revision));
    }

    /** One of the page's actions from a form: done, back to the page with what happened; refused, the form with why. */
    private interface Step {
        PageService.Entry run(Tenant site, Actor actor, String language);
    }

    private HttpResponse<?> act(HttpRequest<?> request, Authentication auth, String slug, @Nullable String ngonNgu,
                                Map<String, String> form, String done, Step step) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        String language = language(ngonNgu);
        try {
            step.run(CurrentSite.tenant(request), Actor.of(auth), language);
            return done(slug, language, done);
        } catch (ProblemException refused) {
            return refusedForm(request, auth, slug, language, refused, null, null);
        }
    }

    private static HttpResponse<?> done(String slug, String language, String what) {
        String q = query(language);
        return HttpResponse.seeOther(URI.create(address(slug) + (q.isEmpty() ? "?" : q + "&") + "daLuu=" + what));
    }

    /** The revision the reviewer read, as the form carried it; none (or not a number) is refused by the service. */
    private static @Nullable Integer revision(Map<String, String> form) {
        try {
            return Integer.valueOf(form.getOrDefault("expectedRevision", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The form again with the refusal's message and what was typed; a page that is not there stays a 404. */
    private HttpResponse<?> refusedForm(HttpRequest<?> request, Authentication auth, String slug, String language,
                                        ProblemException refused, @Nullable String title, @Nullable String body) {
        if (refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        Map<String, Object> model = form(request, auth, slug, language);
        model.put("error", refused.detailKey());
        if (title != null) {
            model.put("title", title);
        }
        if (body != null) {
            // The editor is fed what the server would store, never the raw form: it parses
            // its input as HTML, so an echoed paste could carry markup the sanitiser removes.
            model.put("body", HtmlPolicy.sanitise(body));
        }
        return render.page(request, "admin/page-form", auth, model, refused.status());
    }

    /**
     * The editor's model: the page's latest text; for a reviewer what the waiting change does; for a
     * translation the Vietnamese original beside it; for the original, its translations.
     */
    private Map<String, Object> form(HttpRequest<?> request, Authentication auth, String slug, String language) {
        var site = CurrentSite.tenant(request);
        Actor actor = Actor.of(auth);
        PageService.Entry entry = pages.get(site, actor, slug, language);
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("title", entry.title());
        model.put("body", entry.bodyHtml());
        model.put("action", address(entry.slug()));
        model.put("query", query(language));
        model.put("language", language);
        model.put("months", MandatoryPageGaps.REVIEW_MONTHS);
        model.put("when", new When());
        if (entry.state().pending()) {
            model.put("change", pages.pendingChange(site, actor, slug, language));
        }
        if (language.equals(PageService.VIETNAMESE)) {
            model.put("languages", entry.exists() ? pages.translationLanguages(site) : List.of());
            model.put("translations", pages.translations(site, actor).getOrDefault(entry.slug(), Map.of()));
        } else {
            model.put("original", pages.get(site, actor, slug, PageService.VIETNAMESE));
        }
        return model;
    }

    private static String language(@Nullable String ngonNgu) {
        return ngonNgu == null || ngonNgu.isBlank() ? PageService.VIETNAMESE : ngonNgu;
    }

    /** The query that keeps a translation's forms on the translation ("" for the Vietnamese page). */
    private static String query(String language) {
        return language.equals(PageService.VIETNAMESE) ? "" : "?ngonNgu=" + URLEncoder.encode(language, StandardCharsets.UTF_8);
    }

    private static String address(String slug) {
        return "/admin/trang/" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }

    /** Dates as the board reads them: Vietnam's time, "14:05 23/11/2026". */
    public static final class When {
        public String of(@Nullable OffsetDateTime at) {
            return at == null ? "—" : SiteController.DATE_TIME.format(at.atZoneSameInstant(ProvinceTime.ZONE));
        }
    }
}
