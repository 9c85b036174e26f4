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
    private final Object[] detailArgs;

    public ProblemException(HttpStatus status, String detailKey) {
        this(status, detailKey, null);
    }

    /** A refusal that names the rule broken; the detail key is then usually per rule. */
    public ProblemException(HttpStatus status, String detailKey, @io.micronaut.core.annotation.Nullable String rule) {
        this(status, detailKey, rule, new Object[0]);
    }

    /**
     * A refusal whose detail names values ({0}, {1}… in the message, formatted as
     * {@link java.text.MessageFormat} does): the earliest start allowed, the rows refused.
     */
    public ProblemException(HttpStatus status, String detailKey, @io.micronaut.core.annotation.Nullable String rule,
                            Object... detailArgs) {
        super(status.getCode() + " " + detailKey);
        this.status = status;
        this.detailKey = detailKey;
        this.rule = rule;
        this.detailArgs = detailArgs.clone();
    }

    public Object[] detailArgs() {
        return detailArgs.clone();
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
