package vn.gov.portal.tenancy;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;
import vn.gov.portal.infra.web.BoundSites;

/** Infra's view of {@link CurrentSite}: the binding {@link TenantFilter} made, in infra's terms. */
@Singleton
class BoundSitesOfRequests implements BoundSites {

    @Override
    public Optional<BoundSite> find(HttpRequest<?> request) {
        return CurrentSite.find(request).map(found -> new BoundSite(found.tenant().id(), found.locale(),
                found.language(), found.prefix(), found.tenant().nameIn(found.language())));
    }
}
