package vn.gov.portal.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.gov.portal.infra.text.Html;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.publishing.ArticleUrls;
import vn.gov.portal.publishing.Categories;
import vn.gov.portal.publishing.PublishedArticles;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * What machines read of a site: robots.txt, sitemap.xml and rss.xml, each listing this host's
 * own addresses only, built from published content and kept in the page cache like pages.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
// Feed readers and crawlers ask for XML or text, not JSON (see infra.web.ServesPages).
@Produces({MediaType.APPLICATION_JSON,
        MediaType.APPLICATION_XML, MediaType.TEXT_XML, "application/rss+xml",
        MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedsController {
    private static final int FEED_ITEMS = 20;
    private static final int SITEMAP_ITEMS = 5000;
    private final PublishedArticles published;
    private final PageCache cache;
    private final Categories categories;
    private final TenantDirectory directory;
    private final SitePageQueries pages;

    public FeedsController(PublishedArticles published, PageCache cache,
                           Categories categories,
                           TenantDirectory directory, SitePageQueries pages) {
        this.pages = pages;
        this.published = published;
        this.cache = cache;
        this.categories = categories;
        this.directory = directory;
    }

    @Get("/robots.txt")
    public HttpResponse<?> robots(HttpRequest<?> request) {
        String origin = SiteLinks.origin(request);
        // A site not yet live asks not to be crawled at all; it goes live with its EMC id.
        String body = !CurrentSite.of(request).tenant().live() ? "User-agent: *\nDisallow: /\n"
                : "User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /api/\nSitemap: " + origin + "/sitemap.xml\n";
        return cached(request, body, "text/plain; charset=utf-8");
    }

    @Get("/sitemap.xml")
    public HttpResponse<?> sitemap(HttpRequest<?> request) {
        Resolution.Found site = CurrentSite.of(request);
        String origin = SiteLinks.origin(request);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String siteDate = site.tenant().updatedAt().toLocalDate().toString();
        long tenantId = site.tenant().id();
        // Every language version the province offers; foreign ones list their own translations.
        for (String language : directory.snapshot().languagesOf(site.tenant())) {
            if (!site.prefix().isEmpty() || (!site.language().equals("vi") && !language.equals(site.language()))) {
                continue; // a language host lists only its own language
            }
            String prefix = site.language().equals("vi") ? Alternates.prefix(language) : "";
            for (String page : new String[] {"/", "/gioi-thieu", "/lien-he", "/kenh-thong-tin", "/so-do-cong"}) {
                url(xml, origin + prefix + page, siteDate);
            }
            // The written pages under Giới thiệu, each with its own date (placeholders are not pages yet).
            for (var page : pages.list(site.tenant(), language)) {
                if (page.inSection()) {
                    url(xml, origin + prefix + page.path(), page.updatedAt().toLocalDate().toString());
                }
            }
            for (var a : published.latest(tenantId, language, SITEMAP_ITEMS)) {
                url(xml, origin + prefix + ArticleUrls.path(a.slug()), a.updatedAt().toLocalDate().toString());
            }
        }
        for (var c : categories.tree(tenantId)) {
            url(xml, origin + "/chuyen-muc/" + c.slug(), siteDate);
        }
        xml.append("</urlset>\n");
        return cached(request, xml.toString(), "application/xml; charset=utf-8");
    }

    @Get(uris = {"/rss.xml", "/{lang}/rss.xml"})
    public HttpResponse<?> rss(HttpRequest<?> request, @Nullable
                               @PathVariable String lang) {
        Resolution.Found site = SitePages.site(request, lang);
        return feed(request, site, site.tenant().nameIn(site.language()), SiteLinks.origin(request) + site.prefix() + "/",
                published.latest(site.tenant().id(), site.language(), FEED_ITEMS));
    }

    /** A category's own feed, so a reader can follow only "Thông báo". */
    @Get(uris = {"/chuyen-muc/{slug}/rss.xml", "/{lang}/chuyen-muc/{slug}/rss.xml"})
    public HttpResponse<?> categoryRss(HttpRequest<?> request, @Nullable
                                       @PathVariable String lang,
                                       @PathVariable String slug) {
        Resolution.Found site = SitePages.site(request, lang);
        var category = categories.tree(site.tenant().id()).stream().filter(c -> c.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.NOT_FOUND, "error.404.detail"));
        return feed(request, site, category.name() + " - " + site.tenant().nameIn(site.language()),
                SiteLinks.origin(request) + site.prefix() + "/chuyen-muc/" + slug,
                published.inCategory(site.tenant().id(), site.language(), category.id(), 0, FEED_ITEMS).items());
    }

    private HttpResponse<?> feed(HttpRequest<?> request, Resolution.Found site, String title, String home,
                                 List<PublishedArticles.Published> items) {
        String origin = SiteLinks.origin(request);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n"
                + "<channel>\n<title>" + Html.escape(title) + "</title>\n<link>" + Html.escape(home)
                + "</link>\n<description>" + Html.escape(title) + "</description>\n"
                + "<language>" + site.language() + "</language>\n");
        for (var a : items) {
            String link = origin + site.prefix() + ArticleUrls.path(a.slug());
            xml.append("<item><title>").append(Html.escape(a.title())).append("</title><link>").append(Html.escape(link))
                    .append("</link><guid isPermaLink=\"true\">").append(Html.escape(link)).append("</guid><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(a.publishedAt()))
                    .append("</pubDate><description>").append(Html.escape(a.summary())).append("</description></item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return cached(request, xml.toString(), "application/rss+xml; charset=utf-8");
    }

    private HttpResponse<?> cached(HttpRequest<?> request, String body, String contentType) {
        Resolution.Found site = CurrentSite.of(request);
        var page = cache.put(site.tenant().id(), PageCache.keyOf(request, site), body.getBytes(StandardCharsets.UTF_8),
                contentType);
        return SitePages.respond(request, page);
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("<url><loc>").append(Html.escape(loc)).append("</loc><lastmod>").append(lastmod)
                .append("</lastmod></url>\n");
    }
}
