package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Errors are problem+json on the API and a Vietnamese page elsewhere; never a stack trace. */
@SharedApplication
class ErrorResponsesTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;

    private String department;
    private String commune;

    @BeforeAll
    void ownProvince() {
        String domain = Fixtures.flatProvince(provisioning, "loi");
        department = "so." + domain;
        commune = "xa." + domain;
    }

    @Test
    void apiErrorsAreProblemJsonInVietnameseByDefault() {
        var r = get(department, "/api/v1/khong-co");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"status\":404", "\"title\":\"Không tìm thấy trang\"",
                "\"instance\":\"/api/v1/khong-co\"");
    }

    @Test
    void apiErrorsFollowAcceptLanguage() {
        var r = get(department, "/api/v1/khong-co", "Accept-Language", "en-GB,en;q=0.9,vi;q=0.5");
        assertThat(r.body()).contains("\"title\":\"Not found\"");
        assertThat(r.headers().firstValue("Content-Language")).hasValue("en");
    }

    @Test
    void unknownHostOnTheApiIsProblemJsonToo() {
        var r = get("nope.localhost", "/api/v1/site");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void visitorErrorsAreAVietnamesePageWithoutInternals() {
        var r = get(commune, "/khong-co-trang-nay");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("lang=\"vi\"", "Không tìm thấy trang").doesNotContain("Exception", "at io.");
    }

    @Test
    void wrongMethodIs405NotAStackTrace() {
        var r = send(department, HttpRequest.newBuilder().DELETE(), "/");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.body()).doesNotContain("Exception");
    }
}
