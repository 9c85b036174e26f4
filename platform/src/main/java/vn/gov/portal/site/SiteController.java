package vn.gov.portal.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.publishing.PublishedArticles;
import vn.gov.portal.infra.web.Assets;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.HostName;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * A site's public pages, rendered from its theme on a cache miss and then kept in the
 * {@link PageCache}. Runs on the blocking pool: a miss reads the database.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SiteController {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    /** Order of the province's directory of component sites. */
    private static final List<TenantKind> DIRECTORY_ORDER =
            List.of(TenantKind.DEPARTMENT, TenantKind.DISTRICT, TenantKind.WARD, TenantKind.COMMUNE);

    private final TenantDirectory directory;
    private final SitePageQueries pages;
    private final Templates templates;
    private final Assets assets;
    private final PageCache cache;
    private final PageRepository pageRepository;
    private final TenantDb db;
    private final PublishedArticles published;
    private final vn.gov.portal.publishing.Categories categories;

    public SiteController(TenantDirectory directory, SitePageQueries pages, Templates templates, Assets assets,
                          PageCache cache, PageRepository pageRepository, TenantDb db, PublishedArticles published,
                          vn.gov.portal.publishing.Categories categories) {
        this.categories = categories;
        this.published = published;
        this.pageRepository = pageRepository;
        this.db = db;
        this.directory = directory;
        this.pages = pages;
        this.templates = templates;
        this.assets = assets;
        this.cache = cache;
    }

    /** An item a component site provided, with the site it came from and the link back. */
    public record ProvidedItem(String title, String summary, Tenant from, String url) {
    }

    /** One group of the province's directory: a kind and its sites. */
    public record DirectoryGroup(String kind, List<Tenant> sites) {
    }

    @Get("/")
    public HttpResponse<?> home(HttpRequest<?> request) {
        Resolution.Found site = CurrentSite.of(request);
        Map<String, Object> model = baseModel(request, site);
        model.put("pages", pages.list(CurrentSite.scope(request), site.language()));
        model.put("latest", published.latest(site.tenant().id(), site.language(), 10));
        if (site.tenant().isProvince()) {
            model.put("groups", directoryOf(site.tenant(), directory.snapshot()));
        }
        DirectorySnapshot dir = directory.snapshot();
        model.put("provided", published.providedTo(site.tenant().id(), 10).stream()
                .map(p -> new ProvidedItem(p.title(), p.summary(), dir.byId(p.fromTenant()),
                        "//" + dir.hostOf(dir.byId(p.fromTenant()), site.baseDomain())
                                + HostName.portSuffix(request.getHeaders().get("Host")) + "/tin-tuc/" + p.slug()))
                .toList());
        return render(request, site, site.tenant().theme() + "/home", model);
    }

    /** The HTML site map the national layout rules ask for (TT 32/2017 Đ16): menu, categories, sites. */
    @Get("/so-do-cong")
    public HttpResponse<?> siteMap(HttpRequest<?> request) {
        Resolution.Found site = CurrentSite.of(request);
        Map<String, Object> model = baseModel(request, site);
        model.put("categories", categories.tree(site.tenant().id()));
        model.put("groups", site.tenant().isProvince() ? directoryOf(site.tenant(), directory.snapshot()) : null);
        return render(request, site, "base/sitemap", model);
    }

    @Get("/gioi-thieu")
    public HttpResponse<?> introduction(HttpRequest<?> request) {
        Resolution.Found site = CurrentSite.of(request);
        long tenantId = site.tenant().id();
        Page page = db.read(CurrentSite.scope(request), ctx ->
                        pageRepository.findByTenantIdAndLanguageAndSlug(tenantId, site.language(), IntroductionPage.SLUG))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no page"));
        Map<String, Object> model = baseModel(request, site);
        model.put("page", page);
        model.put("updatedAt", DATE_TIME.format(page.updatedAt().atZoneSameInstant(VIETNAM)));
        return render(request, site, "base/page", model);
    }

    HttpResponse<?> render(HttpRequest<?> request, Resolution.Found site, String template,
                                   Map<String, Object> model) {
        byte[] body = templates.render(template, Templates.VIETNAMESE, model);
        var page = cache.put(PageCache.key(site.tenant().id(), site.language(),
                request.getHeaders().get("Host"), request.getPath(),
                request.getUri().getRawQuery()), body);
        return SitePages.respond(request, page);
    }

    public Map<String, Object> baseModel(HttpRequest<?> request, Resolution.Found found) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant site = found.tenant();
        Map<String, Object> model = new HashMap<>();
        model.put("site", site);
        model.put("province", dir.provinceOf(site));
        model.put("parent", site.parentId() == null ? null : dir.byId(site.parentId()));
        model.put("links", new SiteLinks(dir, found.baseDomain(), HostName.portSuffix(request.getHeaders().get("Host"))));
        model.put("assets", assets);
        model.put("lang", found.language());
        model.put("updatedAt", DATE_TIME.format(site.updatedAt().atZoneSameInstant(VIETNAM)));
        model.put("updatedIso", site.updatedAt().atZoneSameInstant(VIETNAM).toLocalDate().toString());
        // Dublin Core's identifier and the canonical link: this address, without the query.
        model.put("canonical", SiteLinks.origin(request) + request.getPath());
        return model;
    }

    static List<DirectoryGroup> directoryOf(Tenant province, DirectorySnapshot dir) {
        Map<TenantKind, List<Tenant>> byKind = new HashMap<>();
        for (Tenant child : dir.children(province.id())) {
            if (child.status() == TenantStatus.ACTIVE || child.status() == TenantStatus.ARCHIVED) {
                byKind.computeIfAbsent(child.kind(), k -> new ArrayList<>()).add(child);
            }
        }
        List<DirectoryGroup> groups = new ArrayList<>();
        for (TenantKind kind : DIRECTORY_ORDER) {
            List<Tenant> sites = byKind.get(kind);
            if (sites != null) {
                groups.add(new DirectoryGroup(kind.name(), sites));
            }
        }
        return groups;
    }
}
