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
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of tests that run the whole application against the test database, with the demo
 * province (a province, departments, wards, communes) as fixture tenants. Requests go over
 * real HTTP with the Host header naming the tenant, as a browser's would.
 *
 * <p>Subclasses add {@link SharedApplication} (the application every such class shares) or,
 * when they set properties of their own, {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OwnApplicationStopsTheShared.class)
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
        if (!movesTheClock()) {
            return TestDatabase.get().properties();
        }
        Map<String, String> properties = new java.util.HashMap<>(TestDatabase.get().properties());
        properties.put("portal.test.movable-clock", "true");
        return properties;
    }

    /** True in a test that sets the application's clock ({@link MovableClock}) to the day it needs. */
    protected boolean movesTheClock() {
        return false;
    }

    protected TestDatabase db() {
        return TestDatabase.get();
    }

    protected HttpResponse<String> get(String host, String path, String... headers) {
        return send(host, HttpRequest.newBuilder().GET(), path, headers);
    }

    /** A field of a JSON answer, as text ("null" for null; numbers as written). */
    protected static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[0-9]+|null)")
                .matcher(json);
        if (!m.find()) {
            throw new AssertionError(name + " not in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** The demo accounts' password (README: demo only). */
    protected static final String DEMO_PASSWORD = "Demo@2026";

    protected HttpResponse<String> signIn(String host, String username, String password) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)),
                "/api/v1/auth/token", "Content-Type", "application/json");
    }

    /** A bearer token of a demo account on {@code host}. */
    protected String token(String host, String username) {
        var r = signIn(host, username, DEMO_PASSWORD);
        if (r.statusCode() != 200) {
            throw new AssertionError("sign-in of " + username + " on " + host + ": " + r.statusCode() + " " + r.body());
        }
        var m = java.util.regex.Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new AssertionError(r.body());
        }
        return m.group(1);
    }

    /** The sign-in page, where any back-office caller (signed in or not) finds a form's CSRF token. */
    protected static final String SIGN_IN_PAGE = "/admin/dang-nhap";
    private static final java.util.regex.Pattern CSRF_FIELD =
            java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /**
     * The CSRF token the back office's forms carry for the holder of these cookies, read from a
     * page as a browser has it: it is bound to the session cookie (or, before sign-in, to the
     * pre-session cookie), so no constant token passes.
     */
    protected String csrfOf(String host, String cookies) {
        return csrfOf(host, SIGN_IN_PAGE, cookies);
    }

    /** {@link #csrfOf(String, String)}, read from the form at {@code path}. */
    protected String csrfOf(String host, String path, String cookies) {
        var page = get(host, path, "Cookie", cookies);
        var m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + path + ": " + page.statusCode());
        }
        return m.group(1);
    }

    /** Before sign-in: the pre-session cookie a back-office page hands out, and its forms' token. */
    protected record AnonymousForm(String cookie, String csrf) {
    }

    protected AnonymousForm anonymousForm(String host) {
        return anonymousForm(host, SIGN_IN_PAGE);
    }

    protected AnonymousForm anonymousForm(String host, String path) {
        return anonymousForm(get(host, path));
    }

    /** The pre-session cookie and token of a back-office page already fetched without cookies. */
    protected static AnonymousForm anonymousForm(HttpResponse<String> page) {
        String path = page.uri().getPath();
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("portal_presession="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no pre-session cookie from " + path));
        var m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + path + ": " + page.statusCode());
        }
        return new AnonymousForm(cookie, m.group(1));
    }

    /** A JSON call with a bearer token. */
    protected HttpResponse<String> api(String host, String token, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder().method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(host, b, path, "Authorization", "Bearer " + token, "Content-Type", "application/json",
                "Accept", "application/json");
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
