package vn.gov.portal.tenancy;

import io.micronaut.http.HttpRequest;
import vn.gov.portal.infra.web.RequestOrigin;

/**
 * How absolute links to a province's sites are written for the request being served: its scheme
 * (behind the proxy, X-Forwarded-Proto) and its port, if the Host header named one. The head's
 * one-time link shown to the approver and the one mailed to the head are made the same way.
 */
public record LinkOrigin(String scheme, String portSuffix) {

    public static LinkOrigin of(HttpRequest<?> request) {
        return new LinkOrigin(RequestOrigin.scheme(request), HostName.portSuffix(request.getHeaders().get("Host")));
    }

    /**
     * The site's address as the caller reached it (scheme and port included): a link e-mailed to a
     * new board member opens there, whether they were seated through the API or the back office.
     */
    public static String siteAddress(HttpRequest<?> request, Resolution.Found site, DirectorySnapshot dir) {
        return of(request).url(dir.hostOf(site.tenant(), site.baseDomain()), "");
    }

    public String url(String host, String path) {
        return scheme + "://" + host + portSuffix + path;
    }
}
