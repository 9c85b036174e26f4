package vn.gov.portal.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantFilter;

/** Answers public GETs from {@link PageCache} before any controller runs. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PageCacheFilter implements Ordered {
    private final PageCache cache;

    public PageCacheFilter(PageCache cache) {
        this.cache = cache;
    }

    @Override
    public int getOrder() {
        return TenantFilter.ORDER + 10;
    }

    @RequestFilter
    public @Nullable HttpResponse<?> serveCached(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return null;
        }
        Resolution.Found site = CurrentSite.find(request).orElse(null);
        if (site == null || !SitePages.isPublicPage(request.getPath())) {
            return null;
        }
        PageCache.CachedPage page = cache.get(site.tenant().id(), PageCache.keyOf(request, site));
        if (page == null) {
            return null;
        }
        return SitePages.respond(request, page);
    }
}
