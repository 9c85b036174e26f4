package vn.gov.portal.testing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of tests that run the whole application against the test database, with the demo
 * province (a province, departments, wards, communes) as fixture tenants. Requests go over
 * real HTTP with the Host header naming the tenant, as a browser's would.
 *
 * <p>Subclasses add {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PortalTest implements TestPropertyProvider {
    static {
        // The JDK client refuses to set Host unless told before it first loads.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    protected static final String PROVINCE = "thainguyen.localhost";
    protected static final String DEPARTMENT = "sotaichinh.thainguyen.localhost";
    protected static final String COMMUNE = "phandinhphung.thainguyen.localhost";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().properties();
    }

    protected TestDatabase db() {
        return TestDatabase.get();
    }

    protected HttpResponse<String> get(String host, String path, String... headers) {
        return send(host, HttpRequest.newBuilder().GET(), path, headers);
    }

    protected HttpResponse<String> send(String host, HttpRequest.Builder builder, String path, String... headers) {
        builder.uri(URI.create("http://127.0.0.1:" + server.getPort() + path));
        if (host != null) {
            builder.header("Host", host);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
