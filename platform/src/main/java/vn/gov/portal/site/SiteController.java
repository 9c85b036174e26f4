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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.pages.PagePaths;
import vn.gov.portal.publishing.Categories;
import vn.gov.portal.publishing.PublishedArticles;
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
 * {@link PageCache} by {@link PublicPages}. Runs on the blocking pool: a miss reads the database. Every page also
 * answers under a language prefix ({@code /en/…}) when the province offers that language.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ServesPages
@ExecuteOn(TaskExecutors.BLOCKING)
public class SiteController {
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    /** The same moment for a {@code <time datetime>}: HTML reads only its own date-time syntax. */
    public static final DateTimeFormatter MACHINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
    /** Slugs of the pages every site has (ND 224 Đ9, Đ10.3). */
    public static final String CONTACT = PagePaths.CONTACT;
    public static final String CHANNELS = PagePaths.CHANNELS;
    /** Order of the province's directory of component sites. */
    private static final List<TenantKind> DIRECTORY_ORDER =
            List.of(TenantKind.DEPARTMENT, TenantKind.DISTRICT, TenantKind.WARD, TenantKind.COMMUNE);

    private final TenantDirectory directory;
    private final SitePageQueries pages;
    private final Templates templates;
    private final PublicPages publicPages;
    private final PageRepository pageRepository;
    private final TenantDb db;
    private final PublishedArticles published;
    private final Categories categories;

    public SiteController(TenantDirectory directory, SitePageQueries pages, Templates templates,
                          PublicPages publicPages, PageRepository pageRepository, TenantDb db,
                          PublishedArticles published, Categories categories) {
        this.categories = categories;
        this.published = published;
        this.pageRepository = pageRepository;
        this.db = db;
        this.directory = directory;
        this.pages = pages;
        this.templates = templates;
        this.publicPages = publicPages;
    }

    /** An item a component site provided, with the site it came from and the link back. */
    public record ProvidedItem(String title, String summary, Tenant from, String url) {
    }

    /** One group of the province's directory: a kind and its sites. */
    public record DirectoryGroup(String kind, List<Tenant> sites) {
    }

    /** A category block of the home page: the category and its newest items. */
    public record CategoryBlock(Categories.Category category, List<PublishedArticles.Published> items) {
    }

    @Get(uris = {"/", "/{lang}"})
    public HttpResponse<?> home(HttpRequest<?> request, @Nullable @PathVariable String lang) {
        Resolution.Found site = SitePages.site(request, lang);
        long tenantId = site.tenant().id();
        Map<String, Object> model = publicPages.baseModel(request, site);
        model.put("pages", pages.list(site.tenant(), site.language()));
        model.put("featured", published.featured(tenantId, site.language()).orElse(null));
        model.put("latest", published.latest(tenantId, site.language(), 10));
        model.put("categoryBlocks", categoryBlocks(tenantId, site.language()));
        // The province's directory of sites is part of its chrome (SiteChrome).
        DirectorySnapshot dir = directory.snapshot();
        model.put("provided", published.providedTo(tenantId, 10).stream()
                .map(p -> new ProvidedItem(p.title(), p.summary(), dir.byId(p.fromTenant()),
                        "//" + dir.hostOf(dir.byId(p.fromTenant()), site.baseDomain())
                                + HostName.portSuffix(request.getHeaders().get("Host")) + "/tin-tuc/" + p.slug()))
                .toList());
        return publicPages.render(request, site, site.tenant().theme() + "/home", model);
    }

    private List<CategoryBlock> categoryBlocks(long tenantId, String language) {
        Map<Long, List<PublishedArticles.Published>> newest = published.latestPerCategory(tenantId, language, 4);
        List<CategoryBlock> blocks = new ArrayList<>();
        for (Categories.Category c : categories.tree(tenantId)) {
            if (c.depth() == 0 && newest.containsKey(c.id())) {
                blocks.add(new CategoryBlock(c, newest.get(c.id())));
            }
        }
        return blocks;
    }

    /** The HTML site map the national layout rules ask for (TT 32/2017 Đ16): menu, categories, sites. */
    @Get(uris = {"/so-do-cong", "/{lang}/so-do-cong"})
    public HttpResponse<?> siteMap(HttpRequest<?> request, @Nullable @PathVariable String lang) {
        Resolution.Found site = SitePages.site(request, lang);
        Map<String, Object> model = publicPages.baseModel(request, site);
        model.put("categories", categories.tree(site.tenant().id()));
        model.put("pages", sectionPages(site));
        model.put("groups", site.tenant().isProvince() ? directoryOf(site.tenant(), directory.snapshot()) : null);
        return publicPages.render(request, site, "base/sitemap", model);
    }

    /**
     * Giới thiệu: the site's overview (its board's text) and the list of its introduction pages,
     * the ones ND 224 Đ9 asks of its kind first. It answers even before the board wrote an overview.
     */
    @Get(uris = {"/gioi-thieu", "/{lang}/gioi-thieu"})
    public HttpResponse<?> introduction(HttpRequest<?> request, @Nullable @PathVariable String lang) {
        return staticPage(request, SitePages.site(request, lang), PagePaths.INTRODUCTION, false);
    }

    /** One page under Giới thiệu: an organisation chart, the leaders, the annual financial report… */
    @Get(uris = {"/gioi-thieu/{slug}", "/{lang}/gioi-thieu/{slug}"})
    public HttpResponse<?> introductionPage(HttpRequest<?> request, @Nullable @PathVariable String lang,
                                            @PathVariable String slug) {
        Resolution.Found site = SitePages.site(request, lang);
        if (PagePaths.topLevel(slug)) {
            // Giới thiệu, Liên hệ and the channels have their own addresses; no second one.
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        return staticPage(request, site, slug, true);
    }

    /** Liên hệ: the footer's contact data in full, and whatever the board adds. */
    @Get(uris = {"/lien-he", "/{lang}/lien-he"})
    public HttpResponse<?> contact(HttpRequest<?> request, @Nullable @PathVariable String lang) {
        return staticPage(request, SitePages.site(request, lang), CONTACT, false);
    }

    /** Kênh thông tin chính thức (ND 224 Đ10.3): the site's official channels. */
    @Get(uris = {"/kenh-thong-tin", "/{lang}/kenh-thong-tin"})
    public HttpResponse<?> channels(HttpRequest<?> request, @Nullable @PathVariable String lang) {
        return staticPage(request, SitePages.site(request, lang), CHANNELS, false);
    }

    /**
     * A page of the board's text, in the visitor's language or else Vietnamese (with a note).
     * Contact and channels are built from the site's own data, so they exist before the board
     * writes a word; the board's page only adds to them. Giới thiệu lists the section's pages.
     *
     * <p>A placeholder (a mandatory page not yet written) is treated as no page at all: its address
     * is a 404 and no list links it. A citizen following a link expects something to read there,
     * and a page saying only "đang cập nhật" is a dead end that search engines would index as the
     * site's content, on a site that says nothing yet. Telling the gap is the back office's job (the
     * board's list, go-live refused while one remains, the province's scan), not the visitors'.
     */
    private HttpResponse<?> staticPage(HttpRequest<?> request, Resolution.Found site, String slug, boolean required) {
        long tenantId = site.tenant().id();
        Page page = db.read(CurrentSite.scope(request), ctx ->
                        pageRepository.findByTenantIdAndLanguageAndSlug(tenantId, site.language(), slug)
                                .filter(p -> !p.placeholder())
                                .or(() -> pageRepository.findByTenantIdAndLanguageAndSlug(tenantId, "vi", slug)
                                        .filter(p -> !p.placeholder())))
                .orElseGet(() -> required ? null : new Page(null, tenantId, site.language(), slug,
                        templates.message(site.locale(), "page." + slug), "", site.tenant().updatedAt(),
                        site.tenant().updatedAt(), null, false));
        if (page == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        Map<String, Object> model = publicPages.baseModel(request, site);
        model.put("page", page);
        model.put("untranslated", !page.language().equals(site.language()));
        model.put("slug", slug);
        model.put("updatedAt", DATE_TIME.format(page.updatedAt().atZoneSameInstant(ProvinceTime.ZONE)));
        model.put("updatedDatetime", MACHINE_TIME.format(page.updatedAt().atZoneSameInstant(ProvinceTime.ZONE)));
        // "Reviewed, nothing changed" after the last edit: visitors see the text was checked since.
        model.put("reviewedAt", page.reviewedAt() != null && page.reviewedAt().isAfter(page.updatedAt().plusMinutes(1))
                ? DATE_TIME.format(page.reviewedAt().atZoneSameInstant(ProvinceTime.ZONE)) : null);
        model.put("reviewedDatetime", page.reviewedAt() == null ? null
                : MACHINE_TIME.format(page.reviewedAt().atZoneSameInstant(ProvinceTime.ZONE)));
        model.put("section", slug.equals(PagePaths.INTRODUCTION) ? sectionPages(site) : List.of());
        model.put("inSection", !PagePaths.topLevel(slug));
        DirectorySnapshot dir = directory.snapshot();
        model.put("province", dir.provinceOf(site.tenant()));
        return publicPages.render(request, site, "base/page", model);
    }

    /**
     * The written pages under Giới thiệu, in the visitor's language, or the Vietnamese ones where
     * none is translated (their addresses then show the Vietnamese text with a note).
     */
    private List<SitePageQueries.StaticPage> sectionPages(Resolution.Found site) {
        var own = pages.list(site.tenant(), site.language()).stream().filter(SitePageQueries.StaticPage::inSection)
                .toList();
        if (!own.isEmpty() || site.language().equals("vi")) {
            return own;
        }
        return pages.list(site.tenant(), "vi").stream().filter(SitePageQueries.StaticPage::inSection).toList();
    }

    static List<DirectoryGroup> directoryOf(Tenant province, DirectorySnapshot dir) {
        Map<TenantKind, List<Tenant>> byKind = new HashMap<>();
        for (Tenant child : dir.children(province.id())) {
            if (child.live() && (child.status() == TenantStatus.ACTIVE || child.status() == TenantStatus.ARCHIVED)) {
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
