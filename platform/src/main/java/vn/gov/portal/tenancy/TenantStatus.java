package vn.gov.portal.tenancy;

/** A site's life: asked for, serving, switched off for a while, folded into another, kept read-only. */
public enum TenantStatus {
    REQUESTED,
    ACTIVE,
    SUSPENDED,
    MERGED,
    ARCHIVED
}
