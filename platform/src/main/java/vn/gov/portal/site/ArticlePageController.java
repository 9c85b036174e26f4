package vn.gov.portal.site;

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
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.publishing.PublishedArticles;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;

/** A published article's public page; drafts and pending items are 404 like anything absent. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/tin-tuc")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticlePageController {
    private final PublishedArticles published;
    private final SiteController site;

    public ArticlePageController(PublishedArticles published, SiteController site) {
        this.published = published;
        this.site = site;
    }

    @Get("/{slug}")
    public HttpResponse<?> article(HttpRequest<?> request, @PathVariable String slug) {
        Resolution.Found found = CurrentSite.of(request);
        var article = published.bySlug(found.tenant().id(), found.language(), slug)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail"));
        var model = site.baseModel(request, found);
        model.put("article", article);
        model.put("publishedAt", SiteController.DATE_TIME.format(article.publishedAt()
                .atZoneSameInstant(SiteController.VIETNAM)));
        return site.render(request, found, "base/article", model);
    }
}
