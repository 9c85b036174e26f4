package vn.gov.portal.publishing;

/** Published after a commit that changes what a site's visitors see; page caches listen. */
public record ContentChanged(long tenantId) {
}
