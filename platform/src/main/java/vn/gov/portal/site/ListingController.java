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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.publishing.Categories;
import vn.gov.portal.publishing.PublishedArticles;
import vn.gov.portal.tenancy.Resolution;

/** A category's items and a tag's items, newest first, a page at a time ({@code ?trang=2}). */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ServesPages
@ExecuteOn(TaskExecutors.BLOCKING)
public class ListingController {
    static final int PAGE_SIZE = 20;
    /** Beyond this a visitor searches; it also bounds what a crawler can make us render. */
    private static final int MAX_PAGE = 500;
    private final PublishedArticles published;
    private final Categories categories;
    private final PublicPages publicPages;

    public ListingController(PublishedArticles published, Categories categories, PublicPages publicPages) {
        this.published = published;
        this.categories = categories;
        this.publicPages = publicPages;
    }

    /** Pager state for the template: this page, the last, and the address pattern. */
    public record Pager(int page, int pages, String base) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public String href(int n) {
            return n <= 1 ? base : base + "?trang=" + n;
        }
    }

    @Get(uris = {"/chuyen-muc/{slug}", "/{lang}/chuyen-muc/{slug}"})
    public HttpResponse<?> category(HttpRequest<?> request, @Nullable @PathVariable String lang,
                                    @PathVariable String slug, @Nullable @QueryValue Integer trang) {
        Resolution.Found found = SitePages.site(request, lang);
        long tenantId = found.tenant().id();
        List<Categories.Category> tree = categories.tree(tenantId);
        Categories.Category category = tree.stream().filter(c -> c.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail"));
        int page = pageNumber(trang);
        var listing = published.inCategory(tenantId, found.language(), category.id(), (page - 1) * PAGE_SIZE, PAGE_SIZE);
        var model = publicPages.baseModel(request, found);
        model.put("category", category);
        model.put("parentCategory", category.parentId() == null ? null
                : tree.stream().filter(c -> c.id() == category.parentId()).findFirst().orElse(null));
        model.put("subcategories", tree.stream().filter(c -> category.id() == (c.parentId() == null ? -1 : c.parentId()))
                .toList());
        return listingPage(request, found, model, listing, page, "/chuyen-muc/" + slug, category.name());
    }

    @Get(uris = {"/tu-khoa/{tag}", "/{lang}/tu-khoa/{tag}"})
    public HttpResponse<?> tag(HttpRequest<?> request, @Nullable @PathVariable String lang, @PathVariable String tag,
                               @Nullable @QueryValue Integer trang) {
        Resolution.Found found = SitePages.site(request, lang);
        String name = VietnameseText.nfc(tag);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        int page = pageNumber(trang);
        var listing = published.withTag(found.tenant().id(), found.language(), name, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        var model = publicPages.baseModel(request, found);
        model.put("tag", name);
        return listingPage(request, found, model, listing, page,
                "/tu-khoa/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"),
                name);
    }

    private HttpResponse<?> listingPage(HttpRequest<?> request, Resolution.Found found, Map<String, Object> model,
                                        PublishedArticles.Listing listing, int page, String path, String heading) {
        int pages = Math.max(1, (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        model.put("heading", heading);
        model.put("items", listing.items());
        model.put("total", listing.total());
        model.put("pager", new Pager(page, pages, found.prefix() + path));
        return publicPages.render(request, found, "base/listing", model);
    }

    /** Page numbers start at 1; nonsense is a 404 rather than a silent first page. */
    private static int pageNumber(@Nullable Integer trang) {
        if (trang == null) {
            return 1;
        }
        if (trang < 1 || trang > MAX_PAGE) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        return trang;
    }
}
