package vn.gov.portal.backoffice;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A new password typed twice (first sign-in, reset by e-mail): the pages that set one share it. */
@Serdeable
public record NewPasswordForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf,
                              @Nullable String password, @Nullable String password2) implements BackOfficeForm {
    /** The password as typed ("" when missing). */
    public String typed() {
        return password == null ? "" : password;
    }

    /** Whether the two typings agree (both missing counts as agreeing: the password rule refuses it). */
    public boolean confirmed() {
        return typed().equals(password2 == null ? "" : password2);
    }
}
