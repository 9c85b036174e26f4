package vn.gov.portal.publishing;

/** DRAFT → PENDING → PUBLISHED (or SCHEDULED, then PUBLISHED on time); back to DRAFT with a reason. */
public enum ArticleStatus {
    DRAFT,
    PENDING,
    SCHEDULED,
    PUBLISHED,
    ARCHIVED
}
