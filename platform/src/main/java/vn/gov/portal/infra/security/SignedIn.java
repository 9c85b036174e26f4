package vn.gov.portal.infra.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route for anyone signed in on the site, whatever their seat: one's own account, the site's
 * public facts, sign-out. Anonymous callers get 401; the service may still refuse a row it does
 * not own, but no seat is refused at the door. See {@code identity.Needs}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignedIn {
}
