package vn.gov.portal.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.identity.SignInThrottle;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;

/**
 * X-Forwarded-For and X-Forwarded-Proto change nothing unless the direct peer is a listed proxy:
 * here only 127.0.0.1 is (PORTAL_TRUSTED_PROXIES=127.0.0.1/32), so the same server reached over
 * IPv6 loopback (::1) is a client on the internet writing whatever headers it likes. On a
 * province of its own; the counted address shows in the sign-in throttle and the audit log.
 */
@MicronautTest(transactional = false)
class ForwardedHeadersAreBelievedFromTrustedProxiesOnlyTest extends PortalTest {
    private static final String PASSWORD = DEMO_PASSWORD;
    private static final String WRONG = "Sai@2026x";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String domain;
    private String label;
    private String so;
    private Tenant department;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("portal.trusted-proxies", "127.0.0.1/32");
        return p;
    }

    @BeforeAll
    void aProvinceOfItsOwn() {
        domain = Fixtures.flatProvince(provisioning, "uyquyen");
        label = domain.substring(0, domain.indexOf('.'));
        Tenant province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(label))
                .findFirst().orElseThrow();
        department = directory.snapshot().children(province.id()).stream().filter(t -> t.subdomain().equals("so"))
                .findFirst().orElseThrow();
        so = "so." + domain;
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotChangeTheCountedAddress() {
        person("giamao");
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
            // A fresh "address" each time: were it believed, the account would never lock.
            assertThat(signIn(UNTRUSTED, "giamao", WRONG, "203.0.113." + i).statusCode()).isEqualTo(401);
        }
        assertThat(signIn(UNTRUSTED, "giamao", PASSWORD, "203.0.113.200").statusCode()).isEqualTo(429);
        assertThat(sourcesOf("auth.refused", "giamao")).as("the peer is logged, not what it claimed")
                .containsOnly("::1/128");
    }

    @Test
    void fromATrustedProxyTheForwardedAddressIsTheOneCounted() {
        person("quaproxy");
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
            // The client wrote the left-hand address; our proxy appended the real one.
            assertThat(signIn(TRUSTED, "quaproxy", WRONG, "10.6.6.6, 203.0.113.50").statusCode()).isEqualTo(401);
        }
        assertThat(signIn(TRUSTED, "quaproxy", PASSWORD, "10.6.6.7, 203.0.113.50").statusCode())
                .as("the left-hand part is the client's to write and is skipped").isEqualTo(429);
        assertThat(signIn(TRUSTED, "quaproxy", PASSWORD, "203.0.113.50, 127.0.0.1").statusCode())
                .as("a second trusted proxy in the chain is walked past").isEqualTo(429);
        assertThat(signIn(TRUSTED, "quaproxy", PASSWORD, "203.0.113.51").statusCode()).isEqualTo(200);
        assertThat(sourcesOf("auth.refused", "quaproxy")).containsOnly("203.0.113.50/32");
    }

    @Test
    void ipv6VisitorsAreCountedByTheirSlash64() {
        person("mang64");
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
            assertThat(signIn(TRUSTED, "mang64", WRONG, "2001:db8:1:2::" + Integer.toHexString(i + 1)).statusCode())
                    .isEqualTo(401);
        }
        assertThat(signIn(TRUSTED, "mang64", PASSWORD, "2001:db8:1:2:ffff::9").statusCode())
                .as("another address of the same /64").isEqualTo(429);
        assertThat(signIn(TRUSTED, "mang64", PASSWORD, "2001:db8:1:3::1").statusCode())
                .as("the next /64").isEqualTo(200);
    }

    @Test
    void forwardedProtoIsBelievedFromATrustedProxyOnly() {
        var fromProxy = send(TRUSTED, "www." + so, HttpRequest.newBuilder().GET(), "/gioi-thieu",
                "X-Forwarded-Proto", "https");
        assertThat(fromProxy.statusCode()).isEqualTo(301);
        assertThat(fromProxy.headers().firstValue("Location")).get().asString().startsWith("https://" + so);
        var forged = send(UNTRUSTED, "www." + so, HttpRequest.newBuilder().GET(), "/gioi-thieu",
                "X-Forwarded-Proto", "https");
        assertThat(forged.statusCode()).isEqualTo(301);
        assertThat(forged.headers().firstValue("Location")).get().asString().startsWith("http://" + so);
    }

    @Test
    void aCrossTenantTryIsRefusedWhateverTheHeadersSay() {
        person("tinhkhac");
        String otherProvince = "so." + Fixtures.flatProvince(provisioning, "tinhla");
        assertThat(signIn(TRUSTED, "tinhkhac", PASSWORD, "198.51.100.9").statusCode()).isEqualTo(200);
        assertThat(send(TRUSTED, otherProvince, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"" + label + ".tinhkhac\",\"password\":\"" + PASSWORD + "\"}")), "/api/v1/auth/token",
                "Content-Type", "application/json", "X-Forwarded-For", "198.51.100.9", "X-Forwarded-Host", so)
                .statusCode()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ helpers

    private static final String TRUSTED = "127.0.0.1";
    private static final String UNTRUSTED = "[::1]";

    private void person(String name) {
        long id = accounts.create(label + "." + name, "Người " + name, null, PASSWORD, null);
        accounts.grant(department.id(), id, Role.EDITOR, "test");
    }

    private HttpResponse<String> signIn(String peer, String name, String password, String forwardedFor) {
        String body = "{\"username\":\"" + label + "." + name + "\",\"password\":\"" + password + "\"}";
        return send(peer, so, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)),
                "/api/v1/auth/token", "Content-Type", "application/json", "X-Forwarded-For", forwardedFor);
    }

    /** A request to this server through {@code peer}: the loopback address it connects from is that one. */
    private HttpResponse<String> send(String peer, String host, HttpRequest.Builder builder, String path,
                                      String... headers) {
        builder.uri(URI.create("http://" + peer + ":" + server.getPort() + path)).header("Host", host);
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

    /** The source addresses the audit log holds for an action about one of this test's accounts. */
    private List<String> sourcesOf(String action, String name) {
        List<String> sources = new ArrayList<>();
        try (var c = db().owner(); var st = c.prepareStatement("SELECT source_ip::text FROM audit_events "
                + "WHERE tenant_id = ? AND action = ? AND subject = ?")) {
            st.setLong(1, department.id());
            st.setString(2, action);
            st.setString(3, "username:" + label + "." + name);
            var rs = st.executeQuery();
            while (rs.next()) {
                sources.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sources;
    }
}
