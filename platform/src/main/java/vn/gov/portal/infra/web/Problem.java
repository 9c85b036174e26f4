package vn.gov.portal.infra.web;

import io.micronaut.serde.annotation.Serdeable;

/** RFC 9457 problem details, the body of every API error. */
@Serdeable
public record Problem(String type, String title, int status, String detail, String instance) {
}
