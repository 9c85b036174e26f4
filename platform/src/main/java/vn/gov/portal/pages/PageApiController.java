package vn.gov.portal.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.List;
import vn.gov.portal.publishing.Actor;
import vn.gov.portal.tenancy.CurrentSite;

/**
 * The site's pages over the API, on the site's own host with a token for it: the list with what
 * each page still needs, one page, writing it, and "reviewed, nothing changed". The site is the
 * host's; a slug names a page of that site only.
 */
@Controller("/api/v1/pages")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PageApiController {
    private final PageService pages;

    public PageApiController(PageService pages) {
        this.pages = pages;
    }

    /** What a client sends: the text, and a new title if it changes. */
    @Serdeable
    public record PageInput(@Nullable String title, @Nullable String bodyHtml) {
    }

    /** A page as the API shows it; {@code bodyHtml} is absent in the list. */
    @Serdeable
    public record PageView(String slug, String path, String title, @Nullable String bodyHtml, boolean mandatory,
                           @Nullable String mandatoryKey, @Nullable String guidance, @Nullable String legalBasis,
                           boolean placeholder, @Nullable OffsetDateTime updatedAt,
                           @Nullable OffsetDateTime reviewedAt, boolean reviewOverdue) {
        static PageView of(PageService.Entry e) {
            return new PageView(e.slug(), e.path(), e.title(), e.bodyHtml(), e.mandatory(), e.mandatoryKey(),
                    e.guidance(), e.legalBasis(), e.placeholder(), e.updatedAt(), e.reviewedAt(), e.reviewOverdue());
        }
    }

    @Get
    public List<PageView> list(HttpRequest<?> request, Authentication auth) {
        return pages.list(CurrentSite.tenant(request), Actor.of(auth)).stream().map(PageView::of).toList();
    }

    @Get("/{slug}")
    public PageView get(HttpRequest<?> request, Authentication auth, @PathVariable String slug) {
        return PageView.of(pages.get(CurrentSite.tenant(request), Actor.of(auth), slug));
    }

    @Put("/{slug}")
    public PageView save(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                         @Body PageInput body) {
        return PageView.of(pages.save(CurrentSite.tenant(request), Actor.of(auth), slug, body.title(),
                body.bodyHtml()));
    }

    @Post("/{slug}/reviewed")
    public PageView reviewed(HttpRequest<?> request, Authentication auth, @PathVariable String slug) {
        return PageView.of(pages.markReviewed(CurrentSite.tenant(request), Actor.of(auth), slug));
    }
}
