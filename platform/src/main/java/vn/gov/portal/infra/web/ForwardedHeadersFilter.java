package vn.gov.portal.infra.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Hands every request the proxies whose forwarding headers {@link RequestOrigin} may believe
 * ({@code portal.trusted-proxies}, from PORTAL_TRUSTED_PROXIES). Runs first, so redirects and
 * cookies made by later filters already know the scheme. A request this filter did not see
 * trusts nobody.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ForwardedHeadersFilter implements Ordered {
    private final TrustedProxies trusted;

    public ForwardedHeadersFilter(@Value("${portal.trusted-proxies:}") String trustedProxies) {
        this.trusted = TrustedProxies.parse(trustedProxies);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    public void bind(HttpRequest<?> request) {
        if (!trusted.isEmpty()) {
            request.setAttribute(RequestOrigin.TRUSTED_PROXIES, trusted);
        }
    }
}
