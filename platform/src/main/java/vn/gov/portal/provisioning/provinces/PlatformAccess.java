package vn.gov.portal.provisioning.provinces;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.PlatformHost;

/** Who may use the operator's console and API: a platform admin, on the platform host only. */
final class PlatformAccess {
    private PlatformAccess() {
    }

    /** 404 on any other host (the routes do not exist for a site), 403 for anyone but a platform admin. */
    static void check(HttpRequest<?> request, Authentication auth) {
        if (!PlatformHost.isBound(request)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        Permission.ADMINISTER_PLATFORM.mustSeats(auth.getRoles());
    }

    static String actor(Authentication auth) {
        return "account:" + auth.getAttributes().get("account") + ":" + auth.getName();
    }
}
