package vn.gov.portal.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.LocalDate;
import java.util.List;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.publishing.ArticleSearch;
import vn.gov.portal.publishing.ArticleUrls;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * {@code /tim-kiem?q=}: a site searches its own articles; the province searches every live
 * component site too, each result naming its site and linking to it.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@vn.gov.portal.infra.web.ServesPages
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {
    private final ArticleSearch search;
    private final TenantDirectory directory;
    private final SiteController site;

    private final vn.gov.portal.publishing.Categories categories;

    public SearchController(ArticleSearch search, TenantDirectory directory, SiteController site,
                            vn.gov.portal.publishing.Categories categories) {
        this.categories = categories;
        this.search = search;
        this.directory = directory;
        this.site = site;
    }

    /** A result as the page shows it. */
    public record Result(String titleHtml, String url, String siteName, String snippet, String date) {
    }

    @Get(uris = {"/tim-kiem", "/{lang}/tim-kiem"})
    public HttpResponse<?> search(HttpRequest<?> request, @Nullable @io.micronaut.http.annotation.PathVariable String lang,
                                  @Nullable @QueryValue String q,
                                  @Nullable @QueryValue LocalDate tu, @Nullable @QueryValue LocalDate den,
                                  @Nullable @QueryValue("chuyen-muc") Long chuyenMuc) {
        Resolution.Found found = SitePages.site(request, lang);
        var siteCategories = categories.tree(found.tenant().id());
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
        String q2 = query;
        String portSuffix = vn.gov.portal.tenancy.HostName.portSuffix(request.getHeaders().get("Host"));
        List<Result> results = search.search(scope, found.language(), query, tu, den, category).stream().map(h -> {
            Tenant t = dir.byId(h.tenantId());
            return new Result(Snippets.marked(h.title(), q2), "//" + dir.hostOf(t, found.baseDomain()) + portSuffix
                    + found.prefix() + ArticleUrls.path(h.slug()), t.nameIn(found.language()), Snippets.of(h.summary() + " " + h.bodyStart(), q2),
                    SiteController.DATE_TIME.format(h.publishedAt().atZoneSameInstant(SiteController.VIETNAM)));
        }).toList();
        var model = site.baseModel(request, found);
        model.put("q", query);
        model.put("tu", tu);
        model.put("den", den);
        model.put("results", results);
        model.put("searched", !query.isBlank());
        model.put("categories", siteCategories);
        model.put("category", category);
        return site.render(request, found, "base/search", model);
    }

    private static boolean live(Tenant t) {
        return t != null && (t.status() == TenantStatus.ACTIVE || t.status() == TenantStatus.ARCHIVED);
    }
}
