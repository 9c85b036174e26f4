package vn.gov.portal.tenancy;

/**
 * What other features add to a site as it is created (its introduction page, later its
 * default categories and menu), inside the creating transaction, with the new site in scope.
 * Features hook in here rather than tenancy writing their tables.
 */
public interface SiteInitializer {

    /** A site just created: its id, kind and name. */
    record CreatedSite(long id, TenantKind kind, String name) {
    }

    void initialise(CreatedSite site);
}
