package vn.gov.portal.infra.web;

import io.micronaut.serde.annotation.Serdeable;

/**
 * RFC 9457 problem details, the body of every API error. {@code rule} (an extension member) names
 * the rule a refused value broke, for clients that react to it ("reserved", "taken", …).
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, String instance,
                      @io.micronaut.core.annotation.Nullable String rule) {
}
