package vn.gov.portal.tenancy;

/** Why a host row beyond a site's own name exists: {@code tenant_hosts.purpose} (V1, text). */
public enum HostPurpose {
    /** Another name the site answers to as itself. */
    ALIAS,
    /** The site in one language ({@code tenant_hosts.language}), where the province's scheme is HOST. */
    LANGUAGE,
    /** A name the site had before a rename: answers with a permanent redirect to the current one. */
    FORMER
}
