package vn.gov.portal.oversight.conformance;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a site's public page from this node itself, over loopback with the site's Host header
 * (as {@code MaintenanceSnapshots} does): the scan judges the page a visitor and the ministry's
 * crawler get, rendered by the same templates and cache, not a model of it.
 */
@Singleton
public class OwnPages {
    static {
        // The JDK client sets Host only when told before it first loads (Application also says so).
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OwnPages.class);
    private final Provider<EmbeddedServer> server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public OwnPages(Provider<EmbeddedServer> server) {
        this.server = server;
    }

    /** A page's status and text; status 0 when it could not be fetched at all. */
    public record Fetched(int status, String body) {
        public boolean ok() {
            return status == 200;
        }
    }

    public Fetched get(String host, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.get().getPort() + path))
                    .header("Host", host).timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Fetched(r.statusCode(), r.body());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Conformance: {}{} not fetched: {}", host, path, e.getMessage());
            return new Fetched(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
