package vn.gov.portal.oversight.reports;

/**
 * Where a site's periodic report stands. The last three are {@code site_reports.status} as V20
 * stores them (text, read with {@link #valueOf}); NOT_STARTED is what a list shows for a report
 * nobody has opened, and is never stored.
 */
public enum ReportStatus {
    /** No row yet: nobody has opened the report. */
    NOT_STARTED,
    /** Being written by the site's board. */
    DRAFT,
    /** Sent by the head; its figures are frozen. */
    SUBMITTED,
    /** Sent back by the province with a reason, to correct and submit again. */
    RETURNED
}
