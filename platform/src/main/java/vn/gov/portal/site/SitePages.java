package vn.gov.portal.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** How a public page goes out: the headers every cached or fresh page carries. */
final class SitePages {
    private SitePages() {
    }

    /** Public pages are everything but the API, the back office and infrastructure paths. */
    static boolean isPublicPage(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/admin") || path.startsWith("/assets/")
                || path.equals("/health"));
    }

    /**
     * The site a public route serves. A route's {@code /{lang}/…} form matches any first segment,
     * so it is only this site's page when the filter bound that segment as an offered language.
     */
    static vn.gov.portal.tenancy.Resolution.Found site(HttpRequest<?> request, @io.micronaut.core.annotation.Nullable String lang) {
        var found = vn.gov.portal.tenancy.CurrentSite.of(request);
        if (lang != null && !found.prefix().equals("/" + lang)) {
            throw new vn.gov.portal.infra.web.ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        return found;
    }

    static MutableHttpResponse<?> respond(HttpRequest<?> request, PageCache.CachedPage page) {
        if (page.etag().equals(request.getHeaders().get("If-None-Match"))) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header("ETag", page.etag());
        }
        // no-cache: browsers and proxies keep the page but ask (cheaply, by ETag) before reuse,
        // so an approval shows at once.
        Long emc = vn.gov.portal.tenancy.CurrentSite.find(request).map(f -> f.tenant().emcSiteId()).orElse(null);
        return HttpResponse.ok(page.body()).contentType(page.contentType())
                .header("ETag", page.etag())
                .header("Content-Security-Policy", EmcScript.policy(emc))
                .header("Cache-Control", "public, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
