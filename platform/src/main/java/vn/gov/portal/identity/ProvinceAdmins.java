package vn.gov.portal.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;

/**
 * Who may provision and run a province's sites: the platform admin, and the province board's
 * head or site admin signed in on the province's own host (TN Đ14.5: the province approves new
 * sites). A department's or commune's board may not, even its head. Public for provisioning's
 * sub-features (transfer), which guard their endpoints the same way.
 */
public final class ProvinceAdmins {
    private ProvinceAdmins() {
    }

    /** The province the caller may administer from this host, or 403. */
    public static Tenant provinceFor(HttpRequest<?> request, Authentication auth, DirectorySnapshot dir) {
        Tenant here = CurrentSite.of(request).tenant();
        var roles = auth.getRoles();
        Permission.ADMINISTER_PROVINCE.must(roles, here);
        // The platform admin, from any host, administers the province the host belongs to.
        return roles.contains(Role.PLATFORM_ADMIN.name()) ? dir.provinceOf(here) : here;
    }

    /** A component site of this province; any other id (another province's, the province itself) is 404. */
    public static Tenant componentSite(DirectorySnapshot dir, Tenant province, long id) {
        Tenant t = dir.byId(id);
        if (t == null || t.isProvince() || dir.provinceOf(t).id() != province.id()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "tenant.not-found");
        }
        return t;
    }

    public static String actor(Authentication auth) {
        return "account:" + auth.getAttributes().get("account") + ":" + auth.getName();
    }
}
