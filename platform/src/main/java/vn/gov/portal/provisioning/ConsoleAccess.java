package vn.gov.portal.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.identity.ProvinceAdmins;

/**
 * The console's door, for every page and form under {@code /admin/trang-thanh-phan}: the same
 * rule as the API ({@link ProvinceAdmins}: 403 for anyone else), a site of another province is
 * 404, and a form's CSRF token is checked before anything else is read from it.
 */
@Singleton
class ConsoleAccess {
    private final TenantDirectory directory;

    ConsoleAccess(TenantDirectory directory) {
        this.directory = directory;
    }

    Tenant province(HttpRequest<?> request, Authentication auth) {
        return ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
    }

    /** A component site of the caller's province. */
    Tenant site(HttpRequest<?> request, Authentication auth, long id) {
        DirectorySnapshot dir = directory.snapshot();
        return ProvinceAdmins.componentSite(dir, ProvinceAdmins.provinceFor(request, auth, dir), id);
    }

    /** The site a form acts on, once its CSRF token and the caller's right are checked. */
    Tenant siteOfForm(HttpRequest<?> request, Authentication auth, @Nullable String csrf, long id) {
        AdminSession.verifyCsrf(request, csrf);
        return site(request, auth, id);
    }

    /** The province a form acts on, once its CSRF token and the caller's right are checked. */
    Tenant provinceOfForm(HttpRequest<?> request, Authentication auth, @Nullable String csrf) {
        AdminSession.verifyCsrf(request, csrf);
        return province(request, auth);
    }
}
