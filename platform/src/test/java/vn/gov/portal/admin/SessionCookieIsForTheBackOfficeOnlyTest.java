package vn.gov.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** The back office's session cookie opens the back office of its own site, and nothing else. */
@SharedApplication
class SessionCookieIsForTheBackOfficeOnlyTest extends PortalTest {

    @Test
    void theCookieWorksOnItsSitesBackOfficeOnly() {
        String token = token(DEPARTMENT, "sotaichinh.bientap");
        String cookie = "portal_session=" + token;
        assertThat(get(DEPARTMENT, "/admin", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(get(COMMUNE, "/admin", "Cookie", cookie).statusCode()).as("another site").isEqualTo(303);
        assertThat(get(DEPARTMENT, "/api/v1/auth/me", "Cookie", cookie).statusCode()).as("the API wants a bearer")
                .isEqualTo(401);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        String cookie = "portal_session=" + token(DEPARTMENT, "sotaichinh.bientap");
        var r = send(DEPARTMENT, java.net.http.HttpRequest.newBuilder()
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("reason=x")),
                "/admin/bai-viet/1/tra-lai", "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("hết hạn");
    }
}
