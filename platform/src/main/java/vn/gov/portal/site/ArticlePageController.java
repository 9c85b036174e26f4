package vn.gov.portal.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.publishing.ArticleUrls;
import vn.gov.portal.publishing.PublishedArticles;
import vn.gov.portal.tenancy.Resolution;

/**
 * A published article's public page; drafts and pending items are 404 like anything absent.
 * A foreign-language address of an item not yet translated says so and links the original.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ServesPages
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticlePageController {
    private static final int RELATED = 5;
    private final PublishedArticles published;
    private final PublicPages publicPages;

    public ArticlePageController(PublishedArticles published, PublicPages publicPages) {
        this.published = published;
        this.publicPages = publicPages;
    }

    @Get(uris = {"/tin-tuc/{slug}", "/{lang}/tin-tuc/{slug}"})
    public HttpResponse<?> article(HttpRequest<?> request, @Nullable @PathVariable String lang,
                                   @PathVariable String slug) {
        Resolution.Found found = SitePages.site(request, lang);
        long tenantId = found.tenant().id();
        var page = published.page(tenantId, found.language(), slug, RELATED).orElse(null);
        if (page == null && !found.language().equals("vi")) {
            return notTranslated(request, found, slug);
        }
        if (page == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        var article = page.article();
        var model = publicPages.baseModel(request, found);
        String origin = SiteLinks.origin(request);
        model.put("alternates", Alternates.forArticle(origin, found, page.versions()));
        model.put("article", article);
        model.put("category", page.category());
        model.put("related", page.related());
        model.put("publishedAt", SiteController.DATE_TIME.format(article.publishedAt()
                .atZoneSameInstant(ProvinceTime.ZONE)));
        String url = origin + request.getPath();
        String encoded = URLEncoder.encode(url, StandardCharsets.UTF_8);
        model.put("shareUrl", url);
        model.put("facebookShare", "https://www.facebook.com/sharer/sharer.php?u=" + encoded);
        return publicPages.render(request, found, "base/article", model);
    }

    /**
     * {@code /en/tin-tuc/<Vietnamese slug>}: the switcher's link from a Vietnamese article. Its
     * translation, when there is one, lives at its own slug; else the page says none exists yet.
     */
    private HttpResponse<?> notTranslated(HttpRequest<?> request, Resolution.Found found, String slug) {
        long tenantId = found.tenant().id();
        var original = published.bySlug(tenantId, "vi", slug)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail"));
        for (var v : published.versions(tenantId, original)) {
            if (v.language().equals(found.language())) {
                return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY)
                        .headers(h -> h.location(URI.create(found.prefix() + ArticleUrls.path(v.slug()))));
            }
        }
        var model = publicPages.baseModel(request, found);
        model.put("original", original);
        model.put("originalUrl", ArticleUrls.path(original.slug()));
        model.put("noindex", true);
        // 200 with noindex rather than 404: Micronaut's 404 error route would replace the note,
        // and the visitor should read it; search engines are told not to keep it.
        return publicPages.render(request, found, "base/untranslated", model);
    }
}
