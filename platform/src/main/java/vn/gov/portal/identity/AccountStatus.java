package vn.gov.portal.identity;

/**
 * Whether an account may sign in: the values of {@code accounts.status} (V3's CHECK), so code
 * compares an enum rather than a string that a typo would silently never match.
 */
public enum AccountStatus {
    ACTIVE,
    DISABLED;

    /** Whether the stored status is this one. */
    public boolean is(String stored) {
        return name().equals(stored);
    }
}
