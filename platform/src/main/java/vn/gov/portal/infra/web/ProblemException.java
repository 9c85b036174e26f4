package vn.gov.portal.infra.web;

import io.micronaut.http.HttpStatus;

/**
 * A refusal a client should read: its status and the message key of its Vietnamese (or
 * English) detail. {@link ErrorController} turns it into problem+json or a page.
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String detailKey;

    public ProblemException(HttpStatus status, String detailKey) {
        super(status.getCode() + " " + detailKey);
        this.status = status;
        this.detailKey = detailKey;
    }

    public HttpStatus status() {
        return status;
    }

    public String detailKey() {
        return detailKey;
    }
}
