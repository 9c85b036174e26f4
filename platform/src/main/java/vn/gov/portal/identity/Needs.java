package vn.gov.portal.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a route needs from its caller, as a row of the one table ({@link Permission}). The row is
 * enforced where the work is done (the service's {@code actor.must(...)}, or
 * {@link ProvinceAdmins} for the province's console); this declaration is what PermissionMatrixTest
 * reads to call the route as every seat and hold that exactly the row's seats get through.
 * Every {@code /api/v1} route and every back-office POST carries this, {@code @SignedIn} or
 * {@code @Anyone} (both in infra.security, which every feature may use; PermissionMatrixTest).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Needs {
    Permission value();
}
