package vn.gov.portal.backoffice;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A form that posts nothing but its CSRF token: a button ("start", "publish", "delete"). */
@Serdeable
public record TokenForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf) implements BackOfficeForm {
}
