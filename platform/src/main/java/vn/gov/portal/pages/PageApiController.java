package vn.gov.portal.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.publishing.RevisionDiff;
import vn.gov.portal.tenancy.CurrentSite;

/**
 * The site's pages over the API, on the site's own host with a token for it: the list with where
 * each page stands, one page (its latest revision), saving a revision, submitting, approving or
 * sending back, the revisions with a comparison of two, restoring one, and "reviewed, nothing
 * changed". The site is the host's; a slug names a page of that site only. {@code ?language=}
 * (one the province offers; Vietnamese when absent) works on the page's translation, through the same
 * approval.
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

    /**
     * An approval or a refusal: the revision the reviewer read, and the reason (required to send
     * back; on an approval, the head's written reason for approving a change of their own).
     */
    @Serdeable
    public record ReviewInput(@Nullable Integer expectedRevision, @Nullable String reason) {
    }

    /** A page as the API shows it; {@code bodyHtml} is absent in the list. */
    @Serdeable
    public record PageView(String slug, String path, String title, @Nullable String bodyHtml, boolean mandatory,
                           @Nullable String mandatoryKey, @Nullable String guidance, @Nullable String legalBasis,
                           boolean placeholder, @Nullable OffsetDateTime updatedAt,
                           @Nullable OffsetDateTime reviewedAt, boolean reviewOverdue, String state, int revision,
                           @Nullable Integer publishedRevision, @Nullable String reviewReason, String language,
                           @Nullable Map<String, String> translations) {
        static PageView of(PageService.Entry e) {
            return of(e, null);
        }

        /** With, in the list, each language the site offers besides Vietnamese and its translation's state. */
        static PageView of(PageService.Entry e, @Nullable Map<String, String> translations) {
            return new PageView(e.slug(), e.path(), e.title(), e.bodyHtml(), e.mandatory(), e.mandatoryKey(),
                    e.guidance(), e.legalBasis(), e.placeholder(), e.updatedAt(), e.reviewedAt(), e.reviewOverdue(),
                    e.state().name(), e.revision(), e.publishedRevision(), e.reviewReason(), e.language(),
                    translations);
        }
    }

    /** A run of words kept, added or removed between two revisions. */
    @Serdeable
    public record Change(String kind, String text) {
        static List<Change> of(List<RevisionDiff.Part> parts) {
            return parts.stream().map(p -> new Change(p.kind(), p.text())).toList();
        }
    }

    /** Two revisions and what changed between them. */
    @Serdeable
    public record ComparisonView(PageService.Revision from, PageService.Revision to, List<Change> title,
                                 List<Change> body) {
        static ComparisonView of(PageService.Comparison c) {
            return new ComparisonView(c.from(), c.to(), Change.of(c.title()), Change.of(c.body()));
        }
    }

    @Needs(Permission.READ_PAGES)
    @Get
    public List<PageView> list(HttpRequest<?> request, Authentication auth) {
        var site = CurrentSite.tenant(request);
        Actor actor = Actor.of(auth);
        List<String> languages = pages.translationLanguages(site);
        Map<String, Map<String, PageService.State>> translated = pages.translations(site, actor);
        return pages.list(site, actor).stream().map(e -> {
            Map<String, String> states = new LinkedHashMap<>();
            for (String language : languages) {
                PageService.State state = translated.getOrDefault(e.slug(), Map.of()).get(language);
                states.put(language, state == null ? "NONE" : state.name());
            }
            return PageView.of(e, states);
        }).toList();
    }

    @Needs(Permission.READ_PAGES)
    @Get("/{slug}")
    public PageView get(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                        @Nullable @QueryValue String language) {
        return PageView.of(pages.get(CurrentSite.tenant(request), Actor.of(auth), slug, language(language)));
    }

    @Needs(Permission.WRITE_PAGES)
    @Put("/{slug}")
    public PageView save(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                         @Nullable @QueryValue String language, @Body PageInput body) {
        return PageView.of(pages.save(CurrentSite.tenant(request), Actor.of(auth), slug, language(language),
                body.title(), body.bodyHtml()));
    }

    @Needs(Permission.WRITE_PAGES)
    @Post("/{slug}/submit")
    public PageView submit(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                           @Nullable @QueryValue String language) {
        return PageView.of(pages.submit(CurrentSite.tenant(request), Actor.of(auth), slug, language(language)));
    }

    @Needs(Permission.REVIEW_PAGES)
    @Post("/{slug}/approve")
    public PageView approve(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                            @Nullable @QueryValue String language, @Nullable @Body ReviewInput body) {
        ReviewInput in = body == null ? new ReviewInput(null, null) : body;
        return PageView.of(pages.approve(CurrentSite.tenant(request), Actor.of(auth), slug, language(language),
                in.expectedRevision(), in.reason()));
    }

    @Needs(Permission.REVIEW_PAGES)
    @Post("/{slug}/reject")
    public PageView reject(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                           @Nullable @QueryValue String language, @Nullable @Body ReviewInput body) {
        ReviewInput in = body == null ? new ReviewInput(null, null) : body;
        return PageView.of(pages.reject(CurrentSite.tenant(request), Actor.of(auth), slug, language(language),
                in.expectedRevision(), in.reason()));
    }

    @Needs(Permission.READ_PAGES)
    @Get("/{slug}/revisions")
    public List<PageService.Revision> revisions(HttpRequest<?> request, Authentication auth,
                                                @PathVariable String slug, @Nullable @QueryValue String language) {
        return pages.revisions(CurrentSite.tenant(request), Actor.of(auth), slug, language(language));
    }

    @Needs(Permission.READ_PAGES)
    @Get("/{slug}/revisions/compare")
    public ComparisonView compare(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                                  @Nullable @QueryValue String language, @QueryValue int from, @QueryValue int to) {
        return ComparisonView.of(pages.compare(CurrentSite.tenant(request), Actor.of(auth), slug, language(language),
                from, to));
    }

    @Needs(Permission.WRITE_PAGES)
    @Post("/{slug}/revisions/{revision}/restore")
    public PageView restore(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                            @PathVariable int revision, @Nullable @QueryValue String language) {
        return PageView.of(pages.restore(CurrentSite.tenant(request), Actor.of(auth), slug, language(language),
                revision));
    }

    @Needs(Permission.CONFIRM_PAGES)
    @Post("/{slug}/reviewed")
    public PageView reviewed(HttpRequest<?> request, Authentication auth, @PathVariable String slug,
                             @Nullable @QueryValue String language) {
        return PageView.of(pages.markReviewed(CurrentSite.tenant(request), Actor.of(auth), slug, language(language)));
    }

    private static String language(@Nullable String language) {
        return language == null || language.isBlank() ? PageService.VIETNAMESE : language;
    }
}
