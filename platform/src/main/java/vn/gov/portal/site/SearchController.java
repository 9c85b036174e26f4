package vn.gov.portal.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ErrorPages;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.publishing.ArticleSearch;
import vn.gov.portal.publishing.ArticleUrls;
import vn.gov.portal.publishing.Categories;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.HostName;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * {@code /tim-kiem?q=}: a site searches its own articles; the province searches every live
 * component site too, each result naming its site and linking to it.
 *
 * <p>Under load: each address has an allowance of searches ({@link SearchThrottle},
 * 429 past it); searches run on their own bounded pool ({@link SearchPool}, 503 when it is full)
 * so that a flood of them cannot take the threads and cores every other page needs; and results
 * are kept until the sites searched publish something ({@link SearchResults}). Both refusals
 * carry Retry-After, as a Vietnamese page or, for clients asking for JSON, problem+json.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ServesPages
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {
    private final ArticleSearch search;
    private final TenantDirectory directory;
    private final PublicPages publicPages;
    private final Categories categories;
    private final SearchPool pool;
    private final SearchResults kept;
    private final SearchThrottle throttle;
    private final ErrorPages errors;
    private final Refusals refusals;

    public SearchController(ArticleSearch search, TenantDirectory directory, PublicPages publicPages,
                            Categories categories, SearchPool pool, SearchResults kept,
                            SearchThrottle throttle, ErrorPages errors, Refusals refusals) {
        this.refusals = refusals;
        this.categories = categories;
        this.search = search;
        this.directory = directory;
        this.publicPages = publicPages;
        this.pool = pool;
        this.kept = kept;
        this.throttle = throttle;
        this.errors = errors;
    }

    /** How long a refused search waits for its answer (see {@link #later}). */
    static final Duration REFUSAL_DELAY = Duration.ofMillis(250);

    /** A result as the page shows it. */
    public record Result(String titleHtml, String url, String siteName, String snippet, String date) {
    }

    /**
     * A search whose results are kept is a page render like any other and is answered here; one
     * that must read the database is handed to {@link SearchPool}, and the blocking thread goes
     * back at once (the response goes when the pool is done).
     */
    @Get(uris = {"/tim-kiem", "/{lang}/tim-kiem"})
    public CompletableFuture<HttpResponse<?>> search(HttpRequest<?> request,
                                                     @Nullable @PathVariable String lang,
                                                     @Nullable @QueryValue String q,
                                                     @Nullable @QueryValue LocalDate tu, @Nullable @QueryValue LocalDate den,
                                                     @Nullable @QueryValue("chuyen-muc") Long chuyenMuc) {
        Resolution.Found found = SitePages.site(request, lang);
        if (!throttle.tryAcquire(found.tenant(), RequestOrigin.clientKey(request))) {
            return later(() -> refused(request, found, HttpStatus.TOO_MANY_REQUESTS, "search.too-many",
                    throttle.retryAfterSeconds()));
        }
        Asked asked = asked(found, q, tu, den, chuyenMuc);
        List<SearchResults.Found> known = asked.key() == null ? List.of() : kept.peek(asked.key());
        if (known != null) {
            return CompletableFuture.completedFuture(page(request, found, asked, known));
        }
        try {
            return pool.<HttpResponse<?>>submit(() -> page(request, found, asked, kept.get(asked.key(), () -> read(asked))))
                    .exceptionally(e -> {
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        if (cause instanceof SearchPool.Busy) {
                            return busy(request, found); // it has waited already
                        }
                        if (cause instanceof ProblemException problem) {
                            return errors.refused(request, problem);
                        }
                        throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                    });
        } catch (SearchPool.Busy e) {
            return later(() -> busy(request, found));
        }
    }

    /**
     * A refusal, sent {@link #REFUSAL_DELAY} from now. WHY: a client that asks again as soon as it
     * is answered (a script, a load tool) with N connections would otherwise be refused thousands
     * of times a second, and those refusals took the cores the pool leaves to the other pages
     * (ops/bench/RESULTS.md, "Search under load"); waiting costs nothing (no thread is held) and
     * caps such a client at N / delay refusals a second. A visitor waits a quarter second more
     * for a page that asks them to come back later anyway.
     */
    private static CompletableFuture<HttpResponse<?>> later(Supplier<HttpResponse<?>> refusal) {
        return CompletableFuture.supplyAsync(refusal, CompletableFuture.delayedExecutor(
                REFUSAL_DELAY.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** What was asked, read from the parameters: {@code key} is null for no words (nothing to search). */
    private record Asked(String query, List<Long> scope, String language, @Nullable LocalDate from,
                         @Nullable LocalDate to, List<Categories.Category> categories, @Nullable Long category,
                         SearchResults.@Nullable Key key) {
    }

    private Asked asked(Resolution.Found found, @Nullable String q, @Nullable LocalDate tu, @Nullable LocalDate den,
                        @Nullable Long chuyenMuc) {
        var siteCategories = kept.categories(found.tenant().id(), () -> categories.tree(found.tenant().id()));
        // A category is one site's: choosing one narrows the province's search to its own items.
        Long category = chuyenMuc != null && siteCategories.stream().anyMatch(c -> c.id() == chuyenMuc)
                ? chuyenMuc : null;
        DirectorySnapshot dir = directory.snapshot();
        String query = q == null ? "" : VietnameseText.nfc(q);
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        List<Long> scope = found.tenant().isProvince() && category == null
                ? dir.subtreeIds(found.tenant()).stream().filter(id -> live(dir.byId(id))).toList()
                : List.of(found.tenant().id());
        SearchResults.Key key = query.isBlank() ? null
                : new SearchResults.Key(scope, found.language(), query.strip(), tu, den, category);
        return new Asked(query, scope, found.language(), tu, den, siteCategories, category, key);
    }

    /** The database's answer, with the marked title and snippet made once for keeping. */
    private List<SearchResults.Found> read(Asked a) {
        String q = a.query();
        return search.search(a.scope(), a.language(), q, a.from(), a.to(), a.category()).stream()
                .map(h -> new SearchResults.Found(h.tenantId(), h.slug(), Snippets.marked(h.title(), q),
                        Snippets.of(h.summary() + " " + h.bodyStart(), q),
                        SiteController.DATE_TIME.format(h.publishedAt().atZoneSameInstant(ProvinceTime.ZONE))))
                .toList();
    }

    private HttpResponse<?> busy(HttpRequest<?> request, Resolution.Found found) {
        return refused(request, found, HttpStatus.SERVICE_UNAVAILABLE, "search.busy", SearchPool.RETRY_AFTER.toSeconds());
    }

    /**
     * A refusal, the same bytes for every visitor of a site's search in a language: under a flood
     * refusals are most answers, so each is rendered once ({@link Refusals}), not per request.
     */
    private HttpResponse<?> refused(HttpRequest<?> request, Resolution.Found found, HttpStatus status,
                                    String detailKey, long retryAfter) {
        return refusals.answer(request, found, status,
                () -> errors.refused(request, new ProblemException(status, detailKey))
                        .header("Retry-After", String.valueOf(retryAfter)));
    }

    private HttpResponse<?> page(HttpRequest<?> request, Resolution.Found found, Asked asked,
                                 List<SearchResults.Found> hits) {
        DirectorySnapshot dir = directory.snapshot();
        String portSuffix = HostName.portSuffix(request.getHeaders().get("Host"));
        List<Result> results = hits.stream().map(h -> {
            Tenant t = dir.byId(h.tenantId());
            return new Result(h.titleHtml(), "//" + dir.hostOf(t, found.baseDomain()) + portSuffix
                    + found.prefix() + ArticleUrls.path(h.slug()), t.nameIn(found.language()), h.snippet(), h.date());
        }).toList();
        var model = publicPages.baseModel(request, found);
        model.put("q", asked.query());
        model.put("tu", asked.from());
        model.put("den", asked.to());
        model.put("results", results);
        model.put("searched", !asked.query().isBlank());
        model.put("categories", asked.categories());
        model.put("category", asked.category());
        return publicPages.render(request, found, "base/search", model);
    }

    private static boolean live(Tenant t) {
        return t != null && (t.status() == TenantStatus.ACTIVE || t.status() == TenantStatus.ARCHIVED);
    }
}
