package vn.gov.portal.publishing;

import io.micronaut.http.HttpRequest;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.tenancy.HostName;

/** Public addresses of articles: {@code /tin-tuc/<slug>} on the site's host. */
public final class ArticleUrls {
    public static final String PREFIX = "/tin-tuc/";

    private ArticleUrls() {
    }

    public static String path(String slug) {
        return PREFIX + slug;
    }

    /** Absolute, under the scheme, domain and port the caller used. */
    public static String of(HttpRequest<?> request, String host, String slug) {
        return RequestOrigin.scheme(request) + "://" + host + HostName.portSuffix(request.getHeaders().get("Host")) + path(slug);
    }
}
