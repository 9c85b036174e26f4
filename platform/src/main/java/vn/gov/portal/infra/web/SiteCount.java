package vn.gov.portal.infra.web;

/**
 * How many sites this node knows, for {@code /health}. Infra owns this interface and tenancy, which
 * holds the directory, implements it: infra depends on no feature (ArchitectureTest).
 */
public interface SiteCount {
    int knownSites();
}
