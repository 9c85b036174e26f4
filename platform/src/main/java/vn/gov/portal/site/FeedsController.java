package vn.gov.portal.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import vn.gov.portal.infra.text.Html;
import vn.gov.portal.publishing.ArticleUrls;
import vn.gov.portal.publishing.PublishedArticles;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;

/**
 * What machines read of a site: robots.txt, sitemap.xml and rss.xml, each listing this host's
 * own addresses only, built from published content and kept in the page cache like pages.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedsController {
    private static final int FEED_ITEMS = 20;
    private static final int SITEMAP_ITEMS = 5000;
    private final PublishedArticles published;
    private final PageCache cache;

    public FeedsController(PublishedArticles published, PageCache cache) {
        this.published = published;
        this.cache = cache;
    }

    @Get("/robots.txt")
    public HttpResponse<?> robots(HttpRequest<?> request) {
        String origin = SiteLinks.origin(request);
        String body = "User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /api/\nSitemap: " + origin
                + "/sitemap.xml\n";
        return cached(request, body, "text/plain; charset=utf-8");
    }

    @Get("/sitemap.xml")
    public HttpResponse<?> sitemap(HttpRequest<?> request) {
        Resolution.Found site = CurrentSite.of(request);
        String origin = SiteLinks.origin(request);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String siteDate = site.tenant().updatedAt().toLocalDate().toString();
        url(xml, origin + "/", siteDate);
        url(xml, origin + "/gioi-thieu", siteDate);
        for (var a : published.latest(site.tenant().id(), site.language(), SITEMAP_ITEMS)) {
            url(xml, origin + ArticleUrls.path(a.slug()), a.updatedAt().toLocalDate().toString());
        }
        xml.append("</urlset>\n");
        return cached(request, xml.toString(), "application/xml; charset=utf-8");
    }

    @Get("/rss.xml")
    public HttpResponse<?> rss(HttpRequest<?> request) {
        Resolution.Found site = CurrentSite.of(request);
        String origin = SiteLinks.origin(request);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n"
                + "<channel>\n<title>" + Html.escape(site.tenant().name()) + "</title>\n<link>" + Html.escape(origin + "/")
                + "</link>\n<description>" + Html.escape("Tin mới của " + site.tenant().name()) + "</description>\n"
                + "<language>" + site.language() + "</language>\n");
        for (var a : published.latest(site.tenant().id(), site.language(), FEED_ITEMS)) {
            String link = origin + ArticleUrls.path(a.slug());
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
        var page = cache.put(PageCache.key(site.tenant().id(), site.language(), request.getHeaders().get("Host"),
                request.getPath(), request.getUri().getRawQuery()), body.getBytes(StandardCharsets.UTF_8), contentType);
        return SitePages.respond(request, page);
    }

    private static void url(StringBuilder xml, String loc, String lastmod) {
        xml.append("<url><loc>").append(Html.escape(loc)).append("</loc><lastmod>").append(lastmod)
                .append("</lastmod></url>\n");
    }
}
