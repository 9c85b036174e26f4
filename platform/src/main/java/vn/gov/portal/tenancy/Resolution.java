package vn.gov.portal.tenancy;

/** What a Host header leads to. */
public sealed interface Resolution {

    /** A site to serve, in the language its host implies, reached under {@code baseDomain}. */
    record Found(Tenant tenant, String language, String baseDomain) implements Resolution {
    }

    /** A renamed or merged site: answer 301 to this host, path kept. */
    record Moved(String host) implements Resolution {
    }

    /** A suspended site: 503, naming the province to contact. */
    record Suspended(Tenant tenant, Tenant province) implements Resolution {
    }

    /** No site here; the answer must not name any tenant. */
    record Unknown() implements Resolution {
    }

    /** The header is not a host name at all: 400. */
    record BadHost() implements Resolution {
    }
}
