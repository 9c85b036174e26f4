package vn.gov.portal.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.publishing.HtmlPolicy;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;

/**
 * An article's translations in the back office: the Vietnamese original beside
 * the form, in a language the province offers. A translation is an article of its own
 * ({@code language}, {@code originalId}) and goes through the same approval as any.
 */
@Controller("/admin")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminArticleTranslationsController {
    private final ArticleService articles;
    private final AdminPages pages;
    private final ForeignLanguages languages;

    public AdminArticleTranslationsController(ArticleService articles, AdminPages pages, ForeignLanguages languages) {
        this.articles = articles;
        this.pages = pages;
        this.languages = languages;
    }

    /** The original beside the translation form, in a language the province offers. */
    @Get("/bai-viet/{id}/dich/{lang}")
    public HttpResponse<?> translate(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                     @PathVariable String lang) {
        Actor actor = Actor.of(auth);
        long t = CurrentSite.tenant(request).id();
        var existing = translationTarget(t, actor, id, lang);
        if (existing != null) {
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + existing.getId()));
        }
        return pages.page(request, "admin/translate", auth, translateModel(t, actor, id, lang), HttpStatus.OK);
    }

    @Needs(Permission.WRITE_ARTICLES)
    @Post(value = "/bai-viet/{id}/dich/{lang}", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> saveTranslation(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                           @PathVariable String lang, @Part("_csrf") String csrf,
                                           @Part("title") String title, @Nullable @Part("summary") String summary,
                                           @Nullable @Part("body") String body) {
        AdminSession.verifyCsrf(request, csrf);
        Actor actor = Actor.of(auth);
        long t = CurrentSite.tenant(request).id();
        var existing = translationTarget(t, actor, id, lang);
        if (existing != null) {
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + existing.getId()));
        }
        var original = articles.get(t, actor, id);
        try {
            // A translation is an article of its own (language, originalId): drafted, submitted and approved as any.
            var created = articles.create(t, actor, new ArticleInput(title, summary, body, original.getKind(),
                    original.getCategoryId(), null, null, null, null, null, null, null, lang, id));
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + created.getId()));
        } catch (ProblemException refused) {
            Map<String, Object> model = translateModel(t, actor, id, lang);
            model.put("error", refused.detailKey());
            model.put("title", title);
            model.put("summary", summary);
            // The editor is fed what the server would store, never the raw form: it parses
            // its input as HTML, so an echoed paste could carry markup the sanitiser removes.
            model.put("body", HtmlPolicy.sanitise(body));
            return pages.page(request, "admin/translate", auth, model, refused.status());
        }
    }

    /** 404 unless a Vietnamese original and a language the province offers; the existing translation if any. */
    private vn.gov.portal.db.tables.records.@Nullable ArticlesRecord translationTarget(long t, Actor actor, long id,
                                                                                     String lang) {
        var original = articles.get(t, actor, id);
        if (original.getOriginalId() != null || !"vi".equals(original.getLanguage())
                || !languages.of(t).containsKey(lang)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        return articles.translations(t, actor, id).stream().filter(x -> x.getLanguage().equals(lang)).findFirst()
                .orElse(null);
    }

    private Map<String, Object> translateModel(long t, Actor actor, long id, String lang) {
        Map<String, Object> model = new HashMap<>();
        model.put("original", articles.get(t, actor, id));
        model.put("language", lang);
        model.put("languageName", languages.of(t).get(lang));
        return model;
    }
}
