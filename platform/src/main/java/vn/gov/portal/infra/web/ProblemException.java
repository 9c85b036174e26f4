package vn.gov.portal.infra.web;

import io.micronaut.http.HttpStatus;

/**
 * A refusal a client should read: its status and the message key of its Vietnamese (or
 * English) detail. {@link ErrorController} turns it into problem+json or a page.
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String detailKey;
    private final @io.micronaut.core.annotation.Nullable String rule;

    public ProblemException(HttpStatus status, String detailKey) {
        this(status, detailKey, null);
    }

    /** A refusal that names the rule broken; the detail key is then usually per rule. */
    public ProblemException(HttpStatus status, String detailKey, @io.micronaut.core.annotation.Nullable String rule) {
        super(status.getCode() + " " + detailKey);
        this.status = status;
        this.detailKey = detailKey;
        this.rule = rule;
    }

    public @io.micronaut.core.annotation.Nullable String rule() {
        return rule;
    }

    public HttpStatus status() {
        return status;
    }

    public String detailKey() {
        return detailKey;
    }
}
