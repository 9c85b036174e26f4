package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The sign-in limits follow the account, not the site, and lock out an attacker's address
 * without locking out the owner: on a province of its own (department "so", commune "xa"),
 * visitors told apart by X-Forwarded-For (the tests' loopback is a trusted proxy, TestDatabase).
 */
@SharedApplication
class SignInLimitsFollowTheAccountTest extends PortalTest {
    private static final String PASSWORD = DEMO_PASSWORD;
    private static final String WRONG = "Sai@2026x";

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String label;
    private String so;
    private String xa;
    private Tenant department;
    private Tenant commune;
    private String otherProvincesSite;

    @BeforeAll
    void provincesOfTheirOwn() {
        String domain = Fixtures.flatProvince(provisioning, "giohan");
        label = domain.substring(0, domain.indexOf('.'));
        Tenant province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(label))
                .findFirst().orElseThrow();
        department = site(province, "so");
        commune = site(province, "xa");
        so = "so." + domain;
        xa = "xa." + domain;
        otherProvincesSite = "so." + Fixtures.flatProvince(provisioning, "tinhkhac");
    }

    @Test
    void failuresOnOneSiteCountOnEveryOtherSiteOfTheProvince() {
        person("haitrang", department, commune);
        String from = "203.0.113.10";
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
            assertThat(signInFrom(i % 2 == 0 ? so : xa, "haitrang", WRONG, from).statusCode()).isEqualTo(401);
        }
        // Per site, each would have had 5 guesses of its own (5 x 107 in a real province).
        assertThat(signInFrom(so, "haitrang", PASSWORD, from).statusCode()).isEqualTo(429);
        assertThat(signInFrom(xa, "haitrang", PASSWORD, from).statusCode()).isEqualTo(429);
    }

    @Test
    void guessesSpreadOverAddressesAndSitesHitTheAccountsOwnLimit() {
        person("raikhap", department, commune);
        int addresses = SignInThrottle.PER_ACCOUNT / SignInThrottle.PER_ACCOUNT_AT_ADDRESS;
        for (int a = 0; a < addresses; a++) {
            for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
                assertThat(signInFrom(i % 2 == 0 ? so : xa, "raikhap", WRONG, "198.18.0." + a).statusCode())
                        .isEqualTo(401);
            }
        }
        var fresh = signInFrom(xa, "raikhap", PASSWORD, "198.18.1.1");
        assertThat(fresh.statusCode()).as("a fresh address once the account's own limit is spent").isEqualTo(429);
        assertThat(fresh.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(auditActions(commune, "username:" + username("raikhap"))).contains("auth.locked_out_everywhere");
    }

    @Test
    void theOwnerAtAnotherAddressSignsInWhileTheAttackersAddressIsLocked() {
        person("chuthat", department);
        String attacker = "203.0.113.66";
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
            assertThat(signInFrom(so, "chuthat", WRONG + i, attacker).statusCode()).isEqualTo(401);
        }
        assertThat(signInFrom(so, "chuthat", PASSWORD, attacker).statusCode())
                .as("the attacker's address is locked out, even with the right password").isEqualTo(429);
        assertThat(signInFrom(so, "chuthat", PASSWORD, "198.51.100.20").statusCode())
                .as("the owner, from their own address").isEqualTo(200);
        assertThat(signInFrom(so, "chuthat", PASSWORD, attacker).statusCode())
                .as("the owner's success does not unlock the attacker's address").isEqualTo(429);
        assertThat(auditActions(department, "username:" + username("chuthat")))
                .containsOnly("auth.refused", "auth.locked_out");
        assertThat(auditActions(department, username("chuthat"))).contains("auth.signed_in");
    }

    @Test
    void guessingOnAnotherProvincesSiteGainsNoTriesAndStaysInThatProvince() {
        person("lienthinh", department);
        String from = "203.0.113.77";
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
            // No seat there: refused like a wrong password, and counted all the same.
            assertThat(signInFrom(otherProvincesSite, "lienthinh", PASSWORD, from).statusCode()).isEqualTo(401);
        }
        assertThat(signInFrom(so, "lienthinh", PASSWORD, from).statusCode()).isEqualTo(429);
        assertThat(auditActions(department, "username:" + username("lienthinh")))
                .as("another province's refusals are not written to this site's log").containsOnly("auth.locked_out");
    }

    @Test
    void anApiTokenIssuedIsAudited() {
        person("mathe", department);
        assertThat(signInFrom(so, "mathe", PASSWORD, "198.51.100.30").statusCode()).isEqualTo(200);
        assertThat(auditActions(department, username("mathe"))).contains("auth.signed_in", "auth.token_issued");
        assertThat(auditActions(commune, username("mathe"))).isEmpty();
    }

    @Test
    void theBackOfficeFormSaysWhenToComeBack() {
        person("bieumau", department);
        String from = "203.0.113.88";
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
            assertThat(form(so, "bieumau", WRONG, from).statusCode()).isEqualTo(401);
        }
        var locked = form(so, "bieumau", PASSWORD, from);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(locked.body()).contains("15 phút");
        assertThat(form(so, "bieumau", PASSWORD, "198.51.100.40").statusCode()).as("the owner elsewhere")
                .isEqualTo(303);
    }

    // ------------------------------------------------------------------ helpers

    private Tenant site(Tenant province, String subdomain) {
        return directory.snapshot().children(province.id()).stream().filter(t -> t.subdomain().equals(subdomain))
                .findFirst().orElseThrow();
    }

    /** A person seated as an editor on these sites. */
    private void person(String name, Tenant... sites) {
        long id = accounts.create(username(name), "Người " + name, null, PASSWORD, null);
        for (Tenant site : sites) {
            accounts.grant(site.id(), id, Role.EDITOR, "test");
        }
    }

    private String username(String name) {
        return label + "." + name;
    }

    private HttpResponse<String> signInFrom(String host, String name, String password, String address) {
        String body = "{\"username\":\"" + username(name) + "\",\"password\":\"" + password + "\"}";
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)),
                "/api/v1/auth/token", "Content-Type", "application/json", "X-Forwarded-For", address);
    }

    /** The back-office sign-in form, with the pre-session cookie and token the page hands out. */
    private HttpResponse<String> form(String host, String name, String password, String address) {
        AnonymousForm page = anonymousForm(host);
        String body = "username=" + username(name) + "&password=" + java.net.URLEncoder.encode(password,
                java.nio.charset.StandardCharsets.UTF_8) + "&_csrf=" + page.csrf();
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)), "/admin/dang-nhap",
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", page.cookie(),
                "X-Forwarded-For", address);
    }

    private List<String> auditActions(Tenant site, String who) {
        List<String> actions = new ArrayList<>();
        try (var c = db().owner(); var st = c.prepareStatement("SELECT action FROM audit_events WHERE tenant_id = ? "
                + "AND (actor LIKE ? OR subject = ?) ORDER BY id")) {
            st.setLong(1, site.id());
            st.setString(2, "%:" + who);
            st.setString(3, who);
            var rs = st.executeQuery();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }
}
