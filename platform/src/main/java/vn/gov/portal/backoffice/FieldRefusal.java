package vn.gov.portal.backoffice;

import io.micronaut.http.HttpStatus;
import vn.gov.portal.infra.web.ProblemException;

/**
 * A refusal that names the field at fault, so the re-rendered form marks that field
 * ({@code aria-invalid}) and puts the message under it. Through the API it is an ordinary
 * {@link ProblemException} (problem+json with the same Vietnamese detail).
 */
public class FieldRefusal extends ProblemException {
    private final String field;

    public FieldRefusal(String field, String detailKey) {
        this(HttpStatus.UNPROCESSABLE_ENTITY, field, detailKey);
    }

    public FieldRefusal(HttpStatus status, String field, String detailKey) {
        super(status, detailKey);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
