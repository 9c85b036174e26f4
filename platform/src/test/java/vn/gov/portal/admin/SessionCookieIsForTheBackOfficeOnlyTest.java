package vn.gov.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** The back office's session cookie opens the back office of its own site, and nothing else. */
@SharedApplication
class SessionCookieIsForTheBackOfficeOnlyTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String department;
    private String commune;
    private String editor;

    @BeforeAll
    void ownProvince() {
        String domain = Fixtures.flatProvince(provisioning, "phien");
        department = "so." + domain;
        commune = "xa." + domain;
        editor = domain.substring(0, domain.indexOf('.')) + ".bientap";
        Fixtures.member(accounts, Fixtures.site(directory, domain, "so"), editor, Role.EDITOR);
    }

    @Test
    void theCookieWorksOnItsSitesBackOfficeOnly() {
        String token = token(department, editor);
        String cookie = "portal_session=" + token;
        assertThat(get(department, "/admin", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(get(commune, "/admin", "Cookie", cookie).statusCode()).as("another site").isEqualTo(303);
        assertThat(get(department, "/api/v1/auth/me", "Cookie", cookie).statusCode()).as("the API wants a bearer")
                .isEqualTo(401);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        String cookie = "portal_session=" + token(department, editor);
        var r = send(department, java.net.http.HttpRequest.newBuilder()
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("reason=x")),
                "/admin/bai-viet/1/tra-lai", "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("hết hạn");
    }
}
