package vn.gov.portal.infra.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A refusal a client should read: its status and the message key of its Vietnamese (or
 * English) detail. {@link ErrorController} turns it into problem+json or a page.
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String detailKey;
    private final @Nullable String rule;
    private final List<String> missing;
    private final Object[] args;

    public ProblemException(HttpStatus status, String detailKey) {
        this(status, detailKey, null);
    }

    /** A refusal that names the rule broken; the detail key is then usually per rule. */
    public ProblemException(HttpStatus status, String detailKey, @Nullable String rule) {
        this(status, detailKey, rule, List.of());
    }

    /**
     * A refusal that also names what is missing (e.g. the mandatory pages a site still lacks before
     * it may go live): the names go into the detail, as its {0} (their number) and {1} (the names
     * joined by ", "), and into the problem's {@code missing} member for clients.
     */
    public ProblemException(HttpStatus status, String detailKey, @Nullable String rule,
                            List<String> missing) {
        this(status, detailKey, rule, missing, new Object[0]);
    }

    /**
     * A refusal whose detail names values ({0}, {1}… in the message, formatted as
     * {@link java.text.MessageFormat} does): e.g. the earliest start a maintenance window may have.
     */
    public ProblemException(HttpStatus status, String detailKey, @Nullable String rule,
                            Object... args) {
        this(status, detailKey, rule, List.of(), args);
    }

    private ProblemException(HttpStatus status, String detailKey, @Nullable String rule,
                             List<String> missing, Object[] args) {
        super(status.getCode() + " " + detailKey + (missing.isEmpty() ? "" : " " + missing));
        this.status = status;
        this.detailKey = detailKey;
        this.rule = rule;
        this.missing = List.copyOf(missing);
        this.args = args.clone();
    }

    /** What the refusal found missing, by name; empty for most refusals. */
    public List<String> missing() {
        return missing;
    }

    /** The detail's message arguments: those given, else the count and the names of what is missing. */
    public Object[] detailArgs() {
        if (args.length > 0) {
            return args.clone();
        }
        return missing.isEmpty() ? new Object[0] : new Object[] {missing.size(), String.join(", ", missing)};
    }

    public @Nullable String rule() {
        return rule;
    }

    public HttpStatus status() {
        return status;
    }

    public String detailKey() {
        return detailKey;
    }
}
