package vn.gov.portal.tenancy;

import io.micronaut.http.HttpRequest;
import java.util.Optional;
import vn.gov.portal.infra.db.TenantScope;

/** The site a request was bound to by {@link TenantFilter}. */
public final class CurrentSite {
    private static final String ATTRIBUTE = "portal.site";

    private CurrentSite() {
    }

    static void bind(HttpRequest<?> request, Resolution.Found found) {
        request.setAttribute(ATTRIBUTE, found);
    }

    /** The binding, if the request has one (not on /health or /assets). */
    public static Optional<Resolution.Found> find(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Resolution.Found.class);
    }

    /** The binding; a request that reached a site's route always has one. */
    public static Resolution.Found of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Resolution.Found.class)
                .orElseThrow(() -> new IllegalStateException("No site bound to " + request.getPath()));
    }

    public static Tenant tenant(HttpRequest<?> request) {
        return of(request).tenant();
    }

    /** The scope for this site's own rows. */
    public static TenantScope scope(HttpRequest<?> request) {
        return TenantScope.of(tenant(request).id());
    }
}
