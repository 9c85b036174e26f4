package vn.gov.portal.infra.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every API error. Extension members: {@code rule} names
 * the rule a refused value broke, for clients that react to it ("reserved", "taken", …);
 * {@code missing} names what the refusal found missing (the mandatory pages a site lacks before
 * it may go live), absent when there is nothing to name.
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, String instance,
                      @Nullable String rule,
                      @Nullable List<String> missing) {
    public Problem(String type, String title, int status, String detail, String instance,
                   @Nullable String rule) {
        this(type, title, status, detail, instance, rule, null);
    }
}
