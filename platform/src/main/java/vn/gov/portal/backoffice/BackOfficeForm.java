package vn.gov.portal.backoffice;

import io.micronaut.core.annotation.Nullable;

/**
 * A back-office form as a typed record, bound from {@code application/x-www-form-urlencoded}
 * by {@code @Body} (the record is {@code @Serdeable}; unknown fields are ignored, a missing one
 * is null). Every form carries the session-bound CSRF token, which {@link Forms#submit} checks
 * before anything else: name the component {@code csrf} and map it to the field
 * {@code _csrf} with {@code @JsonProperty(AdminSession.CSRF_FIELD)}.
 *
 * <p>Validation is Jakarta Bean Validation on the components ({@code @NotBlank(message =
 * "form.required")}, {@code @Size}…): the {@code message} is a message KEY in
 * {@code messages.properties}, never text, so the form shows it in the page's language.
 */
public interface BackOfficeForm {
    /** The {@code _csrf} field the form echoed back. */
    String csrf();

    /**
     * The field a service's refusal is about, by its message key (e.g. "account.invalid-email"
     * is the {@code email} field), so the page marks that field; null puts the message above
     * the form. A form's own validation names its field without this.
     */
    default @Nullable String fieldFor(String detailKey) {
        return null;
    }
}
