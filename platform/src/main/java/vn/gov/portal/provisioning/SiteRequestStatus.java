package vn.gov.portal.provisioning;

/** A unit's request for a site: {@code site_requests.status} (V12, text), read with {@link #valueOf}. */
public enum SiteRequestStatus {
    /** Filed, waiting for the province's board or the platform admin. */
    PENDING,
    /** The site was created. */
    APPROVED,
    /** Refused, with the reason the unit was mailed. */
    DECLINED
}
