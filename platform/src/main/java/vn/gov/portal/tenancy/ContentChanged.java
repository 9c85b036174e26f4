package vn.gov.portal.tenancy;

/**
 * Published after a commit that changes what a site's visitors see; page caches listen. With
 * several nodes the same event is published on every other node too, marked
 * {@code fromAnotherNode} ({@link ContentChangedAcrossNodes}).
 */
public record ContentChanged(long tenantId, boolean fromAnotherNode) {
    /** A change committed on this node. */
    public ContentChanged(long tenantId) {
        this(tenantId, false);
    }
}
