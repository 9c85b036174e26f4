package vn.gov.portal.infra.web;

import io.micronaut.http.HttpRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The site a request was bound to, as infra's request-wide pieces need it (error pages, the audit
 * filter, proof-of-work challenges). Infra owns this interface and tenancy, which binds requests to
 * sites, implements it: infra depends on no feature (ArchitectureTest), so it cannot read tenancy's
 * binding itself.
 */
public interface BoundSites {

    /** The binding, if the request has one (not on /health or /assets, nor on an unknown host). */
    Optional<BoundSite> find(HttpRequest<?> request);

    /** The binding; a request that reached a site's route always has one. */
    default BoundSite of(HttpRequest<?> request) {
        return find(request).orElseThrow(() -> new IllegalStateException("No site bound to " + request.getPath()));
    }

    /**
     * What infra reads of a bound site: its tenant, the language and locale of the address asked,
     * the address prefix of that language ({@code ""} or {@code "/en"}) and the site's name in it.
     */
    record BoundSite(long tenantId, Locale locale, String language, String prefix, String name) {
    }
}
