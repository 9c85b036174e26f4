package vn.gov.portal.provisioning.transfer;

import io.micronaut.http.HttpStatus;
import java.util.Set;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.provisioning.SiteLifecycle;

/** The problems a transfer answers with, each naming its rule ({@code rule} in problem+json). */
final class Refusals {
    private Refusals() {
    }

    /** Rules about size: 413, the rest 422. */
    private static final Set<String> TOO_LARGE = Set.of("too-large", "too-many-entries",
            "entry-too-large", "line-too-long");

    /**
     * The archive cannot be imported: {@code rule} is one of not-zip, manifest, format, schema,
     * entry-name, unlisted-entry, missing-entry, checksum, too-large, too-many-entries,
     * entry-too-large, line-too-long, rows, media-type, media-too-large, url, quota-storage,
     * quota-members. {@code args} fill the message's {0}, {1}… (what was refused, where).
     */
    static ProblemException archive(String rule, Object... args) {
        HttpStatus status = TOO_LARGE.contains(rule) ? HttpStatus.REQUEST_ENTITY_TOO_LARGE
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return new ProblemException(status, "transfer.archive-" + rule, "archive-" + rule, args);
    }

    /**
     * A label the import may not take: the same keys and rules as creating a site
     * ({@code SiteLifecycle.refusal}), so clients handle both alike.
     */
    static ProblemException label(String rule) {
        return SiteLifecycle.refusal(rule);
    }
}
