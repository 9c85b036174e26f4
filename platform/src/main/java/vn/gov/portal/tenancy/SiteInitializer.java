package vn.gov.portal.tenancy;

/**
 * What other features add to a site as it is created (its introduction and mandatory pages, its
 * default categories), inside the creating transaction, with the new site in scope.
 * Features hook in here rather than tenancy writing their tables.
 */
public interface SiteInitializer {

    /** A site just created: its id, kind and name, and the regulation preset of its province. */
    record CreatedSite(long id, TenantKind kind, String name, long presetId) {
    }

    void initialise(CreatedSite site);
}
