package vn.gov.portal.tenancy;

import jakarta.inject.Singleton;
import vn.gov.portal.infra.web.SiteCount;

/** Infra's {@code /health} counts the sites in the directory's current snapshot. */
@Singleton
class DirectorySiteCount implements SiteCount {
    private final TenantDirectory directory;

    DirectorySiteCount(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public int knownSites() {
        return directory.snapshot().size();
    }
}
