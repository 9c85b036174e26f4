package vn.gov.portal.infra.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller whose routes answer people with HTML pages. Micronaut's routes produce
 * {@code application/json} unless told, and refuse with 406 a client whose Accept names only
 * {@code text/html} (a crawler, a monitor, {@code curl -H 'Accept: text/html'}; browsers also send
 * {@code *}{@code /*}, so they never saw it). JSON stays first, so a route of the same controller
 * that returns a record (a mixed one, such as the site-request form and its API) is still
 * written as JSON when the client takes anything.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
public @interface ServesPages {
}
