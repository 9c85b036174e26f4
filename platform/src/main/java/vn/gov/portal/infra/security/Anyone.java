package vn.gov.portal.infra.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route open to anyone, signed in or not: sign-in, password reset by link, the contract, the
 * proof-of-work challenge, maintenance notices. What guards it is its own (a one-time token, a rate
 * limit, a CSRF token), not a seat. See {@code identity.Needs}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Anyone {
}
