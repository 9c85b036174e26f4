package vn.gov.portal.demo;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import java.util.List;
import java.util.Locale;

/**
 * Refuses to start a demo outside {@code .localhost}. The demo's accounts share a password
 * printed in the README; under a real domain (thainguyen.gov.vn) anyone could sign in as the
 * province's head. A {@code @Context} bean, so the check runs while the application starts
 * and the failure stops it before it serves anything or writes a row.
 */
@Context
@Requires(property = "portal.demo.enabled", value = "true")
public class DemoDomains {
    static final String SUFFIX = ".localhost";

    public DemoDomains(@Value("${portal.demo.base-domains:thainguyen.localhost}") List<String> baseDomains) {
        check(baseDomains);
    }

    /** Every base domain ends in .localhost, else the refusal names the ones that do not. */
    static void check(List<String> baseDomains) {
        List<String> refused = baseDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.endsWith(SUFFIX) || d.length() == SUFFIX.length()).toList();
        if (!refused.isEmpty() || baseDomains.isEmpty()) {
            throw new IllegalStateException("The demo (PORTAL_DEMO=true) only runs under .localhost domains, "
                    + "because its accounts have a published password; PORTAL_DEMO_DOMAINS names "
                    + String.join(", ", refused.isEmpty() ? List.of("nothing") : refused)
                    + ". Set PORTAL_DEMO_DOMAINS to names ending in .localhost, or PORTAL_DEMO=false.");
        }
    }
}
