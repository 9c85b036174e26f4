package vn.gov.portal.tenancy;

/** Where a site sits in the administrative tree, and the theme it gets by default. */
public enum TenantKind {
    PROVINCE("portal"),
    DEPARTMENT("department"),
    DISTRICT("department"),
    COMMUNE("commune"),
    WARD("commune");

    private final String defaultTheme;

    TenantKind(String defaultTheme) {
        this.defaultTheme = defaultTheme;
    }

    public String defaultTheme() {
        return defaultTheme;
    }
}
