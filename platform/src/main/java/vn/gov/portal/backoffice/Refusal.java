package vn.gov.portal.backoffice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Objects;
import vn.gov.portal.infra.web.ProblemException;

/**
 * Why a back-office form was refused, as its page shows it: which form on the page
 * ({@code form}: pages such as the account page hold several), which field if one is at fault
 * (else the message stands above the form), the message key and its arguments, and the status
 * the page is answered with (422, 409… as the API would).
 *
 * <p>Templates read it as {@code ${refusal}}: {@code refusal.about('profile')} says whether it
 * belongs to a form, {@code refusal.at('profile', 'email')} whether to mark a field, and the
 * field fragment ({@code admin/fields :: field}) does both.
 */
public record Refusal(String form, @Nullable String field, String messageKey, List<Object> args, HttpStatus status) {
    public Refusal {
        Objects.requireNonNull(form);
        Objects.requireNonNull(messageKey);
        args = List.copyOf(args);
    }

    /** The refusal a service (or the form's own validation) threw, for the form so named. */
    public static Refusal of(String form, ProblemException refused) {
        return of(form, null, refused);
    }

    /** As {@link #of(String, ProblemException)}, asking the form which of its fields the refusal is about. */
    public static Refusal of(String form, @Nullable BackOfficeForm typed, ProblemException refused) {
        String field = refused instanceof FieldRefusal f ? f.field()
                : typed == null ? null : typed.fieldFor(refused.detailKey());
        return new Refusal(form, field, refused.detailKey(), List.of(refused.detailArgs()), refused.status());
    }

    /** Whether this refusal is about the named form. */
    public boolean about(String formName) {
        return form.equals(formName);
    }

    /** Whether the named field of the named form is the one at fault. */
    public boolean at(String formName, String fieldName) {
        return form.equals(formName) && fieldName.equals(field);
    }

    /** Whether the message belongs above the form rather than under one field. */
    public boolean general(String formName) {
        return form.equals(formName) && field == null;
    }

    /** The arguments as an array, for {@code #{${refusal.messageKey}(${refusal.argArray})}}-style use. */
    public Object[] argArray() {
        return args.toArray();
    }
}
