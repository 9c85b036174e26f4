package vn.gov.portal.backoffice;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import vn.gov.portal.infra.web.ProblemException;

/**
 * The one way a back-office controller handles a posted form: check the CSRF token, validate
 * the typed record, run the action, and on a refusal re-render the form with the message and
 * the input kept. Before this, each controller carried its own copy of the catch block.
 *
 * <pre>{@code
 * @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
 * HttpResponse<?> save(HttpRequest<?> request, Authentication auth, @Body ProfileForm form) {
 *     return forms.submit(request, "profile", form,
 *             () -> { service.save(form.toChange()); return HttpResponse.seeOther(done); },
 *             refusal -> render(request, auth, Model.refused(refusal, form)));
 * }
 * }</pre>
 *
 * A wrong CSRF token is NOT a form refusal: it stays the 403 page (the form cannot be trusted
 * to re-render). Validation refusals and a service's {@link ProblemException} both come to
 * {@code rerender} as a {@link Refusal}; {@link FieldRefusal} marks a field.
 */
@Singleton
public class Forms {
    private final Validator validator;

    Forms(Validator validator) {
        this.validator = validator;
    }

    /** What a form does when accepted: its answer (usually a 303 to the page with "done"). */
    @FunctionalInterface
    public interface Action {
        HttpResponse<?> run();
    }

    /** The page again, showing the refusal (its status is the refusal's). */
    @FunctionalInterface
    public interface Rerender {
        HttpResponse<?> with(Refusal refusal);
    }

    public HttpResponse<?> submit(HttpRequest<?> request, String formName, BackOfficeForm form,
                                  Action action, Rerender rerender) {
        AdminSession.verifyCsrf(request, form == null ? null : form.csrf());
        try {
            validate(form);
            return action.run();
        } catch (ProblemException refused) {
            return rerender.with(Refusal.of(formName, form, refused));
        }
    }

    /**
     * Throws the first violation as a {@link FieldRefusal} whose detail key is the constraint's
     * {@code message}. "First" is the record's component order (the order the form shows its
     * fields), so the same input always names the same field.
     */
    public void validate(Object form) {
        if (form == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "form.missing");
        }
        List<String> order = form instanceof Record
                ? Arrays.stream(form.getClass().getRecordComponents()).map(RecordComponent::getName).toList()
                : List.of();
        validator.validate(form).stream()
                .min(Comparator.comparingInt((ConstraintViolation<Object> v) -> {
                    int i = order.indexOf(lastNode(v.getPropertyPath().toString()));
                    return i < 0 ? Integer.MAX_VALUE : i;
                }))
                .ifPresent(v -> {
                    throw new FieldRefusal(lastNode(v.getPropertyPath().toString()), v.getMessageTemplate());
                });
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
