package vn.gov.portal.site;

import io.micronaut.http.HttpRequest;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.HostName;
import vn.gov.portal.tenancy.Tenant;

/**
 * Addresses of sites as seen from one request: the same base domain and port the visitor
 * used, so the demo on thainguyen.localhost:8080 links within itself and production within
 * thainguyen.gov.vn. Templates call {@code ${links.home(tenant)}}.
 */
public record SiteLinks(DirectorySnapshot directory, String baseDomain, String portSuffix, String prefix) {
    /** scheme://host[:port] of the request, as the visitor addressed it. */
    public static String origin(HttpRequest<?> request) {
        String scheme = RequestOrigin.scheme(request);
        String host = HostName.normalise(request.getHeaders().get("Host"));
        return scheme + "://" + host + HostName.portSuffix(request.getHeaders().get("Host"));
    }

    /** Another site's home, in the language of this page (every site offers the province's languages). */
    public String home(Tenant tenant) {
        return "//" + directory.hostOf(tenant, baseDomain) + portSuffix + prefix + "/";
    }

    /** A path of this site in the page's language: {@code /tin-tuc/x} or {@code /en/tin-tuc/x}. */
    public String to(String path) {
        return prefix + path;
    }
}
