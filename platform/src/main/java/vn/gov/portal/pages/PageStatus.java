package vn.gov.portal.pages;

import vn.gov.portal.db.tables.records.PagesRecord;

/**
 * A page row's stored status (V28: {@code pages.status}, text checked against these names). The
 * database keeps the text; code compares and writes these constants, so a misspelt state cannot compile.
 * What the board's list shows is {@link PageService.State}, derived from this and the revisions.
 */
public enum PageStatus {
    /** Written, not sent for approval (or sent back). */
    DRAFT,
    /** Sent for approval. */
    PENDING,
    /** The latest revision is the public one. */
    PUBLISHED;

    static PageStatus of(PagesRecord row) {
        return valueOf(row.getStatus());
    }

    /** Writes this status on the row (the column is text). */
    void on(PagesRecord row) {
        row.setStatus(name());
    }
}
