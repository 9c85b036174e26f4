package vn.gov.portal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.web.router.Router;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The API's contract ({@code openapi/openapi.yml}, served at /api/v1/openapi.yml) stays true: it
 * is valid OpenAPI 3.1, every route the application serves under /api/v1 is in it, and every
 * operation it documents is served.
 */
@SharedApplication
class OpenApiMatchesTheRoutesTest extends PortalTest {
    private static final String API = "/api/v1";
    /** A path variable, whatever its name or pattern ({id}, {id:[0-9]+}, {+path}). */
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}?&]+}");
    /** Query variables of a route template ({?q,page}) are not part of the path. */
    private static final Pattern QUERY = Pattern.compile("\\{[?&][^}]*}");

    @Inject
    Router router;

    private String yaml;

    @BeforeAll
    void read() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/openapi.yml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void noKeyIsWrittenTwice() {
        // A YAML reader keeps the last of two equal keys, so a path documented twice loses its
        // first half without a word; the validator above never sees it.
        LoaderOptions strict = new LoaderOptions();
        strict.setAllowDuplicateKeys(false);
        new Yaml(new SafeConstructor(strict)).load(yaml);
    }

    @Test
    void everyApiRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
        Set<String> served = new TreeSet<>();
        router.uriRoutes().forEach(route -> served.add(
                route.getHttpMethod().name() + " " + shape(route.getUriMatchTemplate().toString())));
        Set<String> documented = documented();

        Set<String> undocumented = new TreeSet<>();
        // Micronaut answers HEAD on every GET route; OpenAPI documents the GET only.
        served.stream().filter(r -> r.contains(" " + API + "/")).filter(r -> !documented.contains(r))
                .filter(r -> !(r.startsWith("HEAD ") && served.contains("GET " + r.substring("HEAD ".length()))))
                .forEach(undocumented::add);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertThat(undocumented).as("routes under " + API + " missing from openapi.yml").isEmpty();
        assertThat(notServed).as("operations in openapi.yml that no route serves").isEmpty();
    }

    @Test
    void theServedDocumentIsThisOne() {
        var served = get(PROVINCE, API + "/openapi.yml");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(yaml);
    }

    /** "METHOD /path/{}" of every operation, with its path's own server when it has one. */
    private Set<String> documented() {
        OpenAPI api = new OpenAPIV3Parser().readContents(yaml, null, new ParseOptions()).getOpenAPI();
        Set<String> operations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> {
            String base = item.getServers() == null || item.getServers().isEmpty() ? API
                    : item.getServers().getFirst().getUrl().replaceFirst("^\\{scheme}://\\{host}", "");
            for (PathItem.HttpMethod method : item.readOperationsMap().keySet()) {
                operations.add(method.name().toUpperCase(Locale.ROOT) + " " + shape(base + path));
            }
        });
        return operations;
    }

    private static String shape(String template) {
        String path = VARIABLE.matcher(QUERY.matcher(template).replaceAll("")).replaceAll("{}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
