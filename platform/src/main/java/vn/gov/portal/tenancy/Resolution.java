package vn.gov.portal.tenancy;

import java.util.Locale;

/** What a Host header leads to. */
public sealed interface Resolution {

    /**
     * A site to serve, reached under {@code baseDomain}, in the language its host or its path
     * prefix implies; {@code prefix} is that path prefix ({@code "/en"}) or empty, and every link
     * a page in this language makes starts with it.
     */
    record Found(Tenant tenant, String language, String baseDomain, String prefix) implements Resolution {
        public Found(Tenant tenant, String language, String baseDomain) {
            this(tenant, language, baseDomain, "");
        }

        /** The same site in a foreign language chosen by the path ({@code /en/…}). */
        public Found inLanguage(String code) {
            return new Found(tenant, code, baseDomain, "/" + code);
        }

        public Locale locale() {
            return Locale.forLanguageTag(language);
        }
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
