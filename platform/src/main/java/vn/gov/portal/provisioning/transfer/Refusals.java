package vn.gov.portal.provisioning.transfer;

import io.micronaut.http.HttpStatus;
import vn.gov.portal.infra.web.ProblemException;

/** The problems a transfer answers with, each naming its rule ({@code rule} in problem+json). */
final class Refusals {
    private Refusals() {
    }

    /**
     * The archive cannot be imported: {@code rule} is one of not-zip, manifest, format, schema,
     * entry-name, unlisted-entry, missing-entry, checksum, too-large, rows.
     */
    static ProblemException archive(String rule) {
        HttpStatus status = rule.equals("too-large") ? HttpStatus.REQUEST_ENTITY_TOO_LARGE
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return new ProblemException(status, "transfer.archive-" + rule, "archive-" + rule);
    }

    /**
     * A label the import may not take: the same keys and rules as creating a site
     * ({@code SiteLifecycle.refusal}), so clients handle both alike.
     */
    static ProblemException label(String rule) {
        return vn.gov.portal.provisioning.SiteLifecycle.refusal(rule);
    }
}
