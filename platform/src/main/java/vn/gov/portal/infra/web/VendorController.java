package vn.gov.portal.infra.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Third-party front-end files from WebJars (no Node build in the product), served from an
 * allow-list so the whole class path is never exposed. Versioned paths: cacheable for a year.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/vendor")
public class VendorController {
    private static final String WEBJARS = "META-INF/resources/webjars/";
    private static final Map<String, String> FILES = Map.of(
            // Quill 2 has no WebJar yet: a vendored copy under the same path (see its VENDORED.md).
            "quill/2.0.3/dist/quill.js", "text/javascript; charset=utf-8",
            "quill/2.0.3/dist/quill.snow.css", "text/css; charset=utf-8");
    private final Map<String, byte[]> bytes;

    public VendorController() {
        var loaded = new HashMap<String, byte[]>();
        FILES.keySet().forEach(f -> loaded.put(f, read(WEBJARS + f)));
        bytes = Map.copyOf(loaded);
    }

    @Get("/{+path}")
    public HttpResponse<byte[]> file(@PathVariable String path) {
        byte[] b = bytes.get(path);
        if (b == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(b).contentType(FILES.get(path))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff");
    }

    private static byte[] read(String resource) {
        try (InputStream in = VendorController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing WebJar file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
