package vn.gov.portal.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Errors the framework raises before or around our controllers (the request decoder, routing,
 * the binder) are answered like our own: problem+json with a Vietnamese detail on the API, a
 * page for people. Before, a too-long query string got Micronaut's own JSON with a 413.
 */
@SharedApplication
class EveryApiErrorIsProblemJsonTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;

    private String department;
    private String commune;

    @BeforeAll
    void ownProvince() {
        String domain = Fixtures.flatProvince(provisioning, "vande");
        department = "so." + domain;
        commune = "xa." + domain;
    }

    @Test
    void aFiveKilobyteQueryStringIs414ProblemJson() {
        var r = get(department, "/api/v1/calendar?year=" + "9".repeat(5 * 1024), "Accept", "application/json");
        assertProblem(r, 414);
        assertThat(field(r.body(), "detail")).contains("dài quá mức");
        var plain = get(department, "/api/v1/calendar?x=" + "a".repeat(5 * 1024));
        assertProblem(plain, 414);
    }

    @Test
    void headersTooLargeAreProblemJsonOnTheApiAndAPageForPeople() {
        String padding = "a".repeat(9 * 1024);
        var api = get(department, "/api/v1/calendar", "Accept", "application/json", "X-Padding", padding);
        assertProblem(api, 431);
        var page = get(commune, "/", "Accept", "text/html", "X-Padding", padding);
        assertThat(page.statusCode()).isEqualTo(431);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Phần đầu yêu cầu quá lớn").doesNotContain("Exception");
    }

    @Test
    void aWrongMethodOnTheApiIs405ProblemJson() {
        assertProblem(send(department, HttpRequest.newBuilder().DELETE(), "/api/v1/calendar"), 405);
    }

    @Test
    void anUnsupportedBodyTypeIs415ProblemJson() {
        var r = send(department, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("x")),
                "/api/v1/auth/token", "Content-Type", "text/plain");
        assertProblem(r, 415);
    }

    @Test
    void aParameterTheBinderCannotReadIs400ProblemJson() {
        assertProblem(get(department, "/api/v1/calendar?year=hai-nghin"), 400);
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        var r = send(department, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("{\"username\":")),
                "/api/v1/auth/token", "Content-Type", "application/json");
        assertProblem(r, 400);
    }

    @Test
    void aRequestNettyCannotReadIs400ProblemJson() throws Exception {
        // A header name with a space in it is not HTTP: the decoder refuses it before any route.
        // Written by hand, since an HTTP client would refuse to send it.
        try (var socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.getOutputStream().write(("GET /api/v1/calendar HTTP/1.1\r\nHost: " + department
                    + "\r\nAccept: application/json\r\nBad Header: x\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":400").doesNotContain("_links");
        }
    }

    @Test
    void anUnknownApiRouteOnAnUnknownHostIs404ProblemJson() {
        assertProblem(get("khong-co.localhost", "/api/v1/khong-co"), 404);
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(r.body()).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"status\":" + status).doesNotContain("_links", "Exception");
        assertThat(field(r.body(), "detail")).isNotBlank();
    }
}
