package vn.gov.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 13: a back-office form's CSRF token is bound to the session that was shown it; a write
 * from another origin is refused whatever it carries; over HTTPS the cookies are {@code __Host-}
 * cookies; and every /admin answer carries the content-security headers.
 *
 * <p>The harmless write used throughout is "change my password" with two different new
 * passwords: 422 means the form got past the CSRF and origin checks, 403 that it did not.
 */
@SharedApplication
class BackOfficeFormsAreBoundToTheirSessionTest extends PortalTest {
    private static final String PASSWORD_FORM = "/admin/tai-khoan/mat-khau";
    private static final String MISMATCH = "&currentPassword=x&newPassword=Mot%402026abc&newPassword2=Hai%402026abc";

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String so;
    private String xa;
    private String label;

    @BeforeAll
    void aProvinceOfItsOwn() {
        String domain = Fixtures.flatProvince(provisioning, "csrf");
        so = "so." + domain;
        xa = "xa." + domain;
        label = domain.substring(0, domain.indexOf('.'));
        var province = directory.snapshot().provinces().stream().filter(p -> (p.subdomain() + ".test").equals(domain))
                .findFirst().orElseThrow();
        for (String site : List.of("so", "xa")) {
            for (String who : List.of("bientap", "truongban")) {
                long id = accounts.create(label + "." + site + "." + who, "Người thử " + who, null, DEMO_PASSWORD, null);
                accounts.grant(directory.snapshot().child(province.id(), site).id(), id,
                        who.equals("bientap") ? Role.EDITOR : Role.HEAD, "test");
            }
        }
    }

    private String session(String host, String who) {
        String site = host.substring(0, host.indexOf('.'));
        return "portal_session=" + token(host, label + "." + site + "." + who);
    }

    private HttpResponse<String> post(String host, String path, String cookies, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Cookie", cookies, "Content-Type",
                "application/x-www-form-urlencoded"));
        all.addAll(List.of(headers));
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)), path,
                all.toArray(String[]::new));
    }

    @Test
    void aFormPassesWithItsOwnSessionsTokenOnly() {
        String editor = session(so, "bientap");
        assertThat(post(so, PASSWORD_FORM, editor, "_csrf=" + csrfOf(so, editor) + MISMATCH).statusCode())
                .as("its own token").isEqualTo(422);

        String head = session(so, "truongban");
        var refused = post(so, PASSWORD_FORM, editor, "_csrf=" + csrfOf(so, head) + MISMATCH);
        assertThat(refused.statusCode()).as("another session's token").isEqualTo(403);
        assertThat(refused.body()).contains("Phiên làm việc của biểu mẫu đã hết hạn");

        // Another sign-in of the same person is another session, with a token of its own.
        String again = session(so, "bientap");
        assertThat(post(so, PASSWORD_FORM, editor, "_csrf=" + csrfOf(so, again) + MISMATCH).statusCode())
                .isEqualTo(403);
        assertThat(post(so, PASSWORD_FORM, editor, MISMATCH.substring(1)).statusCode()).as("no token").isEqualTo(403);
    }

    @Test
    void anotherSitesSessionAndTokenDoNothingHere() {
        String theirs = session(xa, "truongban");
        String ours = session(so, "truongban");
        assertThat(post(so, PASSWORD_FORM, ours, "_csrf=" + csrfOf(xa, theirs) + MISMATCH).statusCode())
                .as("the commune head's token with this site's session").isEqualTo(403);
        assertThat(post(so, PASSWORD_FORM, theirs, "_csrf=" + csrfOf(xa, theirs) + MISMATCH).statusCode())
                .as("the commune's whole pair on the department's host").isEqualTo(303);
    }

    @Test
    void aCookieAndFieldPairPlantedByASiblingHostIsRefused() {
        // Before issue 13 any 32-character CSRF cookie passed with the same value in the field, and
        // a page on a sibling sub-domain can set a cookie for the whole province's domain.
        String planted = "0123456789abcdef0123456789abcdef";
        String victim = session(so, "bientap");
        assertThat(post(so, PASSWORD_FORM, victim + "; portal_csrf=" + planted, "_csrf=" + planted + MISMATCH)
                .statusCode()).as("the old double-submit pair").isEqualTo(403);
        assertThat(post(so, PASSWORD_FORM, victim + "; portal_presession=" + planted, "_csrf=" + planted + MISMATCH)
                .statusCode()).as("a pre-session cookie and its own value").isEqualTo(403);
        // Even a genuine pre-session pair, fetched by the attacker, is not the victim's session's.
        AnonymousForm attackers = anonymousForm(so);
        assertThat(post(so, PASSWORD_FORM, victim + "; " + attackers.cookie(), "_csrf=" + attackers.csrf() + MISMATCH)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theSignInFormIsBoundToItsPreSessionCookie() {
        AnonymousForm mine = anonymousForm(so);
        AnonymousForm other = anonymousForm(so);
        assertThat(mine.cookie()).isNotEqualTo(other.cookie());
        String wrongPassword = "&username=" + label + ".so.bientap&password=sai";
        assertThat(post(so, "/admin/dang-nhap", mine.cookie(), "_csrf=" + other.csrf() + wrongPassword).statusCode())
                .as("another visitor's token").isEqualTo(403);
        assertThat(post(so, "/admin/dang-nhap", mine.cookie(), "_csrf=" + mine.csrf() + wrongPassword).statusCode())
                .as("its own: on to the password check").isEqualTo(401);
        var signedIn = post(so, "/admin/dang-nhap", mine.cookie(),
                "_csrf=" + mine.csrf() + "&username=" + label + ".so.bientap&password=" + DEMO_PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(303);
    }

    @Test
    void aWriteFromAnotherOriginIsRefusedInVietnamese() {
        String editor = session(so, "bientap");
        String body = "_csrf=" + csrfOf(so, editor) + MISMATCH;
        int port = server.getPort();
        var foreign = post(so, PASSWORD_FORM, editor, body, "Origin", "http://tancong." + so.substring(3) + ":" + port);
        assertThat(foreign.statusCode()).as("a sibling sub-domain").isEqualTo(403);
        assertThat(foreign.body()).contains("đến từ một trang web khác");
        assertThat(post(so, PASSWORD_FORM, editor, body, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(post(so, PASSWORD_FORM, editor, body, "Origin", "null", "Sec-Fetch-Site", "cross-site")
                .statusCode()).isEqualTo(403);
        assertThat(post(so, PASSWORD_FORM, editor, body, "Origin", "http://" + xa + ":" + port).statusCode())
                .as("another site of the same province").isEqualTo(403);
        assertThat(post(so, PASSWORD_FORM, editor, body, "Sec-Fetch-Site", "same-site").statusCode())
                .as("no Origin, but the browser says where it came from").isEqualTo(403);
        var apiStyle = post(so, PASSWORD_FORM, editor, body, "Origin", "http://evil.example", "Accept",
                "application/json");
        assertThat(apiStyle.statusCode()).isEqualTo(403);
        assertThat(apiStyle.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));

        assertThat(post(so, PASSWORD_FORM, editor, body, "Origin", "http://" + so + ":" + port).statusCode())
                .as("its own origin").isEqualTo(422);
        assertThat(post(so, PASSWORD_FORM, editor, body, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(422);
        // A page under Referrer-Policy: no-referrer posts "Origin: null"; Sec-Fetch-Site decides then.
        assertThat(post(so, PASSWORD_FORM, editor, body, "Origin", "null", "Sec-Fetch-Site", "same-origin")
                .statusCode()).isEqualTo(422);
        assertThat(post(so, PASSWORD_FORM, editor, body).statusCode()).as("an old client says neither").isEqualTo(422);
    }

    @Test
    void overHttpsTheCookiesAreHostOnlyAndAPlainNamedOneIsIgnored() {
        var page = get(so, "/admin/dang-nhap", "X-Forwarded-Proto", "https");
        String preSession = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-portal_presession=")).findFirst().orElseThrow();
        assertThat(preSession).contains("Secure", "Path=/").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Domain=");
        String cookie = preSession.substring(0, preSession.indexOf(';'));
        String token = csrfViaHttps(cookie);
        String signInForm = "_csrf=" + token + "&username=" + label + ".so.bientap&password=" + DEMO_PASSWORD;
        assertThat(post(so, "/admin/dang-nhap", cookie, signInForm).statusCode())
                .as("over plain HTTP a __Host- cookie is not read").isEqualTo(403);

        var ok = post(so, "/admin/dang-nhap", cookie, signInForm, "X-Forwarded-Proto", "https");
        assertThat(ok.statusCode()).isEqualTo(303);
        String session = ok.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-portal_session=")).findFirst().orElseThrow();
        assertThat(session).contains("Secure", "Path=/", "SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Domain=");

        String value = session.substring("__Host-portal_session=".length(), session.indexOf(';'));
        assertThat(get(so, "/admin", "Cookie", "__Host-portal_session=" + value, "X-Forwarded-Proto", "https")
                .statusCode()).isEqualTo(200);
        assertThat(get(so, "/admin", "Cookie", "portal_session=" + value, "X-Forwarded-Proto", "https")
                .statusCode()).as("a plain-named cookie, which a sibling host could have set").isEqualTo(303);
    }

    private String csrfViaHttps(String cookie) {
        var page = get(so, "/admin/dang-nhap", "Cookie", cookie, "X-Forwarded-Proto", "https");
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void everyBackOfficeAnswerCarriesTheContentSecurityHeaders() {
        String editor = session(so, "bientap");
        List<HttpResponse<String>> answers = List.of(get(so, "/admin/dang-nhap"), get(so, "/admin", "Cookie", editor),
                get(so, "/admin/bai-viet/moi", "Cookie", editor), get(so, "/admin/khong-co-trang-nay", "Cookie", editor),
                get(so, "/admin/thanh-vien", "Cookie", editor),
                post(so, PASSWORD_FORM, editor, MISMATCH.substring(1)));
        for (var r : answers) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(r.uri() + " " + r.statusCode()).contains("default-src 'self'", "script-src 'self'",
                    "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as("nothing of ours to other sites")
                    .hasValue("same-origin");
        }
    }
}
