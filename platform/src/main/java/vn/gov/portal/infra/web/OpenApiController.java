package vn.gov.portal.infra.web;

import vn.gov.portal.infra.security.Anyone;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The API's contract, on every tenant's host: {@code /api/v1/openapi.yml}. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1")
public class OpenApiController {
    private final byte[] document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream("openapi/openapi.yml")) {
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Anyone
    @Get("/openapi.yml")
    public HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document).contentType("application/yaml; charset=utf-8")
                .header("Cache-Control", "public, max-age=300");
    }
}
