package vn.gov.portal.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.util.AsciiString;
import vn.gov.portal.infra.web.HealthController;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;

/** How a public page goes out: the headers every cached or fresh page carries. */
final class SitePages {
    private static final AsciiString CSP = AsciiString.cached("Content-Security-Policy");
    private static final AsciiString PUBLIC_NO_CACHE = AsciiString.cached("public, no-cache");
    private static final AsciiString CONTENT_TYPE_OPTIONS = AsciiString.cached("X-Content-Type-Options");
    private static final AsciiString NOSNIFF = AsciiString.cached("nosniff");
    private static final AsciiString REFERRER_POLICY = AsciiString.cached("Referrer-Policy");
    private static final AsciiString STRICT_ORIGIN = AsciiString.cached("strict-origin-when-cross-origin");

    private SitePages() {
    }

    /** Public pages are everything but the API, the back office and infrastructure paths. */
    static boolean isPublicPage(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/admin") || path.startsWith("/assets/")
                || HealthController.isHealthPath(path));
    }

    /**
     * The site a public route serves. A route's {@code /{lang}/…} form matches any first segment,
     * so it is only this site's page when the filter bound that segment as an offered language.
     */
    static Resolution.Found site(HttpRequest<?> request, @Nullable String lang) {
        var found = CurrentSite.of(request);
        if (lang != null && !found.prefix().equals("/" + lang)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        return found;
    }

    static MutableHttpResponse<?> respond(HttpRequest<?> request, PageCache.CachedPage page) {
        boolean gzip = page.gzip() != null && acceptsGzip(request.getHeaders().get("Accept-Encoding"));
        String etag = gzip ? page.gzipEtag() : page.etag();
        String asked = request.getHeaders().get("If-None-Match");
        if (asked != null && (asked.equals(page.etag()) || asked.equals(page.gzipEtag()))) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header("ETag", etag);
        }
        Long emc = CurrentSite.find(request).map(f -> f.tenant().emcSiteId()).orElse(null);
        // The page's own bytes, pre-built: a duplicate shares them, so nothing is copied here.
        MutableHttpResponse<?> response = HttpResponse.ok((gzip ? page.gzip() : page.plain()).duplicate())
                .contentType(page.contentType());
        if (gzip) {
            // Set, the server's compressor leaves the body alone.
            response.header(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        }
        // Header values as AsciiString: Netty copies those in bulk, other strings a byte at a time.
        return response.header(HttpHeaderNames.ETAG, gzip ? page.gzipEtagAscii() : page.etagAscii())
                .header(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING)
                .header(CSP, EmcScript.asciiPolicy(emc))
                // no-cache: browsers and proxies keep the page but ask (cheaply, by ETag) before
                // reuse, so an approval shows at once.
                .header(HttpHeaderNames.CACHE_CONTROL, PUBLIC_NO_CACHE)
                .header(CONTENT_TYPE_OPTIONS, NOSNIFF)
                .header(REFERRER_POLICY, STRICT_ORIGIN);
    }

    /** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].strip();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                for (int i = 1; i < fields.length; i++) {
                    String param = fields[i].strip().replace(" ", "");
                    if (param.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
