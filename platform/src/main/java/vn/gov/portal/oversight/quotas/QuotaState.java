package vn.gov.portal.oversight.quotas;

/** Where a site stands against its monthly quota. */
public enum QuotaState {
    /** Enough items counted. */
    MET,
    /** Short, but enough of the month is left. */
    ON_TRACK,
    /** Short, with few working days left: the site is reminded. */
    AT_RISK,
    /** The month ended short (TN Đ9.4: reported to the province). */
    MISSED,
    /** Its kind has no quota in this province. */
    NO_QUOTA
}
