package vn.gov.portal.provisioning.provinces;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Totp;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.PortalTest;

/**
 * Issue 12, Build 3 and 7: a platform admin must have a second factor. One made by the setup
 * link is sent to enrol on the platform host, and until then neither the console nor the
 * provinces API (by cookie or by token) lets them see or create a province; once enrolled, with
 * a code from the app, everything opens, and every later sign-in needs a code. The demo's
 * platform.admin on nentang.localhost is exempt, so the README's commands keep working.
 */
@MicronautTest(transactional = false)
class PlatformAdminEnrolsASecondFactorTest extends PortalTest {
    private static final String PLATFORM = "nentang.localhost";
    private static final String ENROL = "/admin/nen-tang/xac-thuc-hai-lop";
    private static final String PASSWORD = "Hai-lop#2026";
    private static final String PROVINCE_JSON = """
            {"name":"Tỉnh Hà Tĩnh","code":"42","domains":["hatinh2fa.localhost"],"preset":"TN-2026"}""";

    @Inject
    PlatformSetupLinks setupLinks;
    @Inject
    MovableClock clock;

    @Override
    protected boolean movesTheClock() {
        return true;
    }

    @Test
    void aNewPlatformAdminEnrolsBeforeTheConsoleOpensAndSignsInWithACodeAfter() {
        clock.set(Instant.now());
        String username = "nentang.hailop";
        String cookie = setUp(username);

        // Sent to enrol from every console page; the page says why.
        var home = get(PLATFORM, "/admin/nen-tang", "Cookie", cookie);
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.headers().firstValue("Location")).hasValue(ENROL);
        var create = form("/admin/nen-tang/tinh", cookie, "name=" + enc("Tỉnh Hà Tĩnh") + "&code=42&domains="
                + "hatinh2fa.localhost&preset=TN-2026");
        assertThat(create.statusCode()).as("the console's create form").isEqualTo(303);
        assertThat(create.headers().firstValue("Location")).hasValue(ENROL);
        var page = get(PLATFORM, ENROL, "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Quản trị nền tảng bắt buộc phải dùng xác thực hai lớp");

        // The API refuses a token of theirs, naming the rule and where to enrol.
        var signedIn = signIn(PLATFORM, username, PASSWORD);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"secondFactorEnrolmentRequired\":true");
        String early = field(signedIn.body(), "access_token");
        var list = api(PLATFORM, early, "GET", "/api/v1/provinces", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(403);
        assertThat(list.body()).contains("\"rule\":\"second-factor-enrolment\"").contains("/admin/nen-tang/xac-thuc-hai-lop");
        var refused = api(PLATFORM, early, "POST", "/api/v1/provinces", PROVINCE_JSON);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(get("hatinh2fa.localhost", "/").statusCode()).as("no province was made").isEqualTo(404);

        // Enrolment: a wrong first code starts over with a new secret; the right one turns it on.
        var started = form(ENROL, cookie, "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String firstSecret = secret(started.body());
        assertThat(started.body()).contains("otpauth://totp/");
        var wrong = form(ENROL + "/xac-nhan", cookie, "code=000000");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Mã xác thực không đúng");
        byte[] secret = Totp.fromBase32(secret(wrong.body()));
        assertThat(Totp.base32(secret)).isNotEqualTo(firstSecret);
        long step = Totp.step(clock.instant());
        var confirmed = form(ENROL + "/xac-nhan", cookie, "code=" + Totp.code(secret, step));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        List<String> recovery = recoveryCodes(confirmed.body());
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        // Everything opens at once, for the session and the token they already have.
        assertThat(get(PLATFORM, "/admin/nen-tang", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(get(PLATFORM, ENROL, "Cookie", cookie).body()).contains("Đang bật. Còn 10 mã dự phòng");
        assertThat(api(PLATFORM, early, "GET", "/api/v1/provinces", null).statusCode()).isEqualTo(200);
        var made = api(PLATFORM, early, "POST", "/api/v1/provinces", PROVINCE_JSON);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);

        // Signing in again needs the code; a code works once, a recovery code once.
        var noCode = signIn(PLATFORM, username, PASSWORD);
        assertThat(noCode.statusCode()).isEqualTo(401);
        assertThat(noCode.body()).contains("\"rule\":\"second-factor\"");
        assertThat(signInWith(username, "totp", Totp.code(secret, step)).statusCode())
                .as("the code that confirmed is spent").isEqualTo(401);
        clock.set(clock.instant().plusSeconds(Totp.STEP_SECONDS));
        var withCode = signInWith(username, "totp", Totp.code(secret, step + 1));
        assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(200);
        assertThat(withCode.body()).contains("\"secondFactorEnrolmentRequired\":false");
        String later = field(withCode.body(), "access_token");
        assertThat(api(PLATFORM, later, "GET", "/api/v1/provinces?q=42", null).body()).contains("Tỉnh Hà Tĩnh");
        assertThat(signInWith(username, "recoveryCode", recovery.get(2)).statusCode()).isEqualTo(200);
        assertThat(signInWith(username, "recoveryCode", recovery.get(2)).statusCode())
                .as("a recovery code works once").isEqualTo(401);
        // The console's form takes a recovery code in the code field.
        var console = form("/admin/nen-tang/dang-nhap", null, "username=" + username + "&password=" + enc(PASSWORD)
                + "&totp=" + enc(recovery.get(5).toLowerCase()));
        assertThat(console.statusCode()).as(console.body()).isEqualTo(303);
        assertThat(console.headers().firstValue("Location")).hasValue("/admin/nen-tang");
        var consoleNoCode = form("/admin/nen-tang/dang-nhap", null, "username=" + username + "&password="
                + enc(PASSWORD));
        assertThat(consoleNoCode.statusCode()).isEqualTo(401);
        assertThat(consoleNoCode.body()).contains("vui lòng nhập mã xác thực");

        // The operator's token and pages are good on the platform host only.
        assertThat(api("hatinh2fa.localhost", later, "GET", "/api/v1/tenants", null).statusCode()).isEqualTo(401);
        var onSite = get("hatinh2fa.localhost", ENROL, "Cookie", cookie);
        assertThat(onSite.statusCode()).as("the platform's session is no one on a site").isEqualTo(303);
        assertThat(onSite.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).startsWith("/admin/dang-nhap"));
        var anonymous = get(PLATFORM, ENROL);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).startsWith("/admin/dang-nhap"));
    }

    @Test
    void theDemoPlatformAdminOnNentangLocalhostWorksWithThePasswordAlone() {
        var r = signIn(PLATFORM, "platform.admin", DEMO_PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"secondFactorEnrolmentRequired\":false");
        assertThat(api(PLATFORM, field(r.body(), "access_token"), "GET", "/api/v1/provinces", null).statusCode())
                .isEqualTo(200);
        var console = form("/admin/nen-tang/dang-nhap", null, "username=platform.admin&password=" + DEMO_PASSWORD);
        assertThat(console.statusCode()).isEqualTo(303);
        String cookie = session(console);
        assertThat(get(PLATFORM, "/admin/nen-tang", "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ helpers

    /** Redeems a fresh setup link as its page asks; the session cookie it signs in with. */
    private String setUp(String username) {
        String path = URI.create(setupLinks.issue()).getPath();
        var set = form(path, null, "username=" + username + "&fullName=" + enc("Đinh Văn Hai") + "&email="
                + "&password=" + enc(PASSWORD) + "&password2=" + enc(PASSWORD));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(303);
        return session(set);
    }

    private static String session(HttpResponse<String> r) {
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("portal_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** A console form posted as a browser would: the session's (or a pre-session's) cookie and token. */
    private HttpResponse<String> form(String path, String session, String body) {
        String signInPage = "/admin/nen-tang/dang-nhap";
        AnonymousForm anonymous = session == null ? anonymousForm(PLATFORM, signInPage) : null;
        String cookies = session == null ? anonymous.cookie() : session;
        String csrf = session == null ? anonymous.csrf() : csrfOf(PLATFORM, signInPage, session);
        return send(PLATFORM, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                "_csrf=" + csrf + (body.isEmpty() ? "" : "&" + body))), path,
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies);
    }

    private HttpResponse<String> signInWith(String username, String field, String code) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"" + field + "\":\""
                + code + "\"}";
        return send(PLATFORM, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)),
                "/api/v1/auth/token", "Content-Type", "application/json");
    }

    private static String secret(String html) {
        Matcher m = Pattern.compile("<code id=\"totp-secret\">([A-Z2-7]+)</code>").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    private static List<String> recoveryCodes(String html) {
        Matcher m = Pattern.compile("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>").matcher(html);
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
