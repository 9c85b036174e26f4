package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestSmtp;

/**
 * A person's own account over the API, on a province of its own: the profile, a password change
 * (needs the current one, ends the other sessions, keeps the caller's), a reset by e-mail (the
 * same answer for anyone, a link that works once and for an hour, every session ended), a reset a
 * site admin starts for a member (not for another site's), the second factor at sign-in with its
 * recovery codes, the province's policy that sends heads to enrol, and the audit log of it all.
 * Mail goes through a real SMTP server (GreenMail); the clock is moved for the link's hour and
 * for the TOTP steps.
 */
@MicronautTest(transactional = false)
class AccountSecurityTest extends PortalTest {
    private static final String PASSWORD = DEMO_PASSWORD;
    private static final Pattern RESET_LINK = Pattern.compile("http://[^\\s]+/admin/dat-lai-mat-khau/([A-Za-z0-9_-]+)");
    private final GreenMail smtp = TestSmtp.start();

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Inject
    MovableClock clock;

    private String domain;
    private String label;
    private String so;
    private String xa;
    private Tenant province;
    private Tenant department;
    private Tenant commune;

    @Override
    protected boolean movesTheClock() {
        return true;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(TestSmtp.properties(smtp, "Cổng thử <bbt@example.vn>"));
        return p;
    }


    @BeforeAll
    void aProvinceOfItsOwn() {
        domain = Fixtures.flatProvince(provisioning, "taikhoan");
        label = domain.substring(0, domain.indexOf('.'));
        province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(label))
                .findFirst().orElseThrow();
        department = directory.snapshot().children(province.id()).stream()
                .filter(t -> t.subdomain().equals("so")).findFirst().orElseThrow();
        commune = directory.snapshot().children(province.id()).stream()
                .filter(t -> t.subdomain().equals("xa")).findFirst().orElseThrow();
        so = "so." + domain;
        xa = "xa." + domain;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    /** A person seated on a site, with an e-mail address; returns the account id. */
    private long person(String name, Tenant site, Role role) {
        long id = accounts.create(label + "." + name, "Người " + name, label + "." + name + "@example.vn", PASSWORD,
                null);
        accounts.grant(site.id(), id, role, "test");
        return id;
    }

    private String username(String name) {
        return label + "." + name;
    }

    private String tokenOf(String host, String name, String password) {
        var r = signIn(host, username(name), password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return field(r.body(), "access_token");
    }

    private int me(String host, String token) {
        return api(host, token, "GET", "/api/v1/auth/me", null).statusCode();
    }

    private HttpResponse<String> json(String host, String path, String body) {
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)), path,
                "Content-Type", "application/json", "Accept", "application/json");
    }

    // ------------------------------------------------------------------ profile, password

    @Test
    void aPersonReadsAndEditsTheirProfile() {
        person("hoso", department, Role.EDITOR);
        String token = tokenOf(so, "hoso", PASSWORD);
        var read = api(so, token, "GET", "/api/v1/account", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"username\":\"" + username("hoso") + "\"", "\"secondFactor\":false");

        var bad = api(so, token, "PUT", "/api/v1/account", "{\"fullName\":\"Trần Thị Hồ Sơ\",\"email\":\"khong-phai-thu\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Địa chỉ thư điện tử không hợp lệ");

        var saved = api(so, token, "PUT", "/api/v1/account",
                "{\"fullName\":\"Trần Thị Hồ Sơ\",\"email\":\"Ho.So@Example.vn\",\"phone\":\"0208 3855 123\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(api(so, token, "GET", "/api/v1/account", null).body())
                .contains("\"fullName\":\"Trần Thị Hồ Sơ\"", "\"email\":\"ho.so@example.vn\"", "\"phone\":\"0208 3855 123\"");
        assertThat(auditActions(department, username("hoso"))).contains("account.profile_updated");
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndEndsTheOtherSessions() {
        person("doimatkhau", department, Role.EDITOR);
        String laptop = tokenOf(so, "doimatkhau", PASSWORD);
        String phone = tokenOf(so, "doimatkhau", PASSWORD);

        var wrong = api(so, laptop, "POST", "/api/v1/account/password",
                "{\"currentPassword\":\"Sai-mat-khau-1\",\"newPassword\":\"Mat-khau-moi-2026\"}");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("Mật khẩu hiện tại không đúng");
        var weak = api(so, laptop, "POST", "/api/v1/account/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"ngan\"}");
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("ít nhất 8 ký tự");
        assertThat(me(so, phone)).as("refusals end nothing").isEqualTo(200);

        var changed = api(so, laptop, "POST", "/api/v1/account/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Mat-khau-moi-2026\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        String fresh = field(changed.body(), "access_token");

        assertThat(me(so, phone)).as("the other session").isEqualTo(401);
        assertThat(me(so, laptop)).as("the old token of the caller").isEqualTo(401);
        assertThat(me(so, fresh)).as("the caller carries on with the new token").isEqualTo(200);
        assertThat(signIn(so, username("doimatkhau"), PASSWORD).statusCode()).isEqualTo(401);
        tokenOf(so, "doimatkhau", "Mat-khau-moi-2026");
        assertThat(auditActions(department, username("doimatkhau")))
                .contains("account.password_change_refused", "account.password_changed", "auth.signed_in");
    }

    // ------------------------------------------------------------------ reset by e-mail

    @Test
    void aResetAnswersTheSameForAKnownAndAnUnknownLogin() {
        person("quenmatkhau", department, Role.EDITOR);
        var known = json(so, "/api/v1/auth/password-reset", "{\"login\":\"" + username("quenmatkhau") + "\"}");
        var unknown = json(so, "/api/v1/auth/password-reset", "{\"login\":\"" + label + ".khongcoai\"}");
        var byMail = json(so, "/api/v1/auth/password-reset",
                "{\"login\":\"" + username("quenmatkhau").toUpperCase() + "@EXAMPLE.VN\"}");
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body()).isEqualTo(byMail.body());
        assertThat(awaitMail(username("quenmatkhau") + "@example.vn", 2)).hasSize(2);

        // The back office's "Quên mật khẩu?" page says the same for anyone too.
        assertThat(get(so, "/admin/dang-nhap").body()).contains("href=\"/admin/quen-mat-khau\"");
        AnonymousForm before = anonymousForm(so);
        String csrf = before.csrf();
        var page = send(so, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + csrf + "&login=" + label + ".khongcoai2")), "/admin/quen-mat-khau",
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", before.cookie());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nếu tài khoản tồn tại và có địa chỉ thư điện tử");
    }

    @Test
    void aResetLinkWorksOnceVoidsTheOthersAndEndsEverySession() throws Exception {
        person("datlai", department, Role.EDITOR);
        String session = tokenOf(so, "datlai", PASSWORD);
        String address = username("datlai") + "@example.vn";
        assertThat(json(so, "/api/v1/auth/password-reset", "{\"login\":\"" + username("datlai") + "\"}").statusCode())
                .isEqualTo(202);
        String first = linkIn(awaitMail(address, 1).getLast());
        assertThat(json(so, "/api/v1/auth/password-reset", "{\"login\":\"" + address + "\"}").statusCode())
                .isEqualTo(202);
        String second = linkIn(awaitMail(address, 2).getLast());
        assertThat(second).isNotEqualTo(first);

        assertThat(get(so, "/admin/dat-lai-mat-khau/" + first).statusCode()).as("voided by the newer").isEqualTo(410);
        assertThat(get(xa, "/admin/dat-lai-mat-khau/" + second).statusCode()).as("another site's host").isEqualTo(410);
        assertThat(get(so, "/admin/kich-hoat/" + second).statusCode()).as("not a first sign-in link").isEqualTo(410);
        var page = get(so, "/admin/dat-lai-mat-khau/" + second);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Đặt lại mật khẩu", username("datlai"));

        assertThat(resetForm(second, "Mat-khau-dat-lai-1").statusCode()).isEqualTo(200);
        assertThat(resetForm(second, "Mat-khau-dat-lai-2").statusCode()).as("a link works once").isEqualTo(410);
        assertThat(me(so, session)).as("every session ended").isEqualTo(401);
        assertThat(signIn(so, username("datlai"), PASSWORD).statusCode()).as("the old password").isEqualTo(401);
        tokenOf(so, "datlai", "Mat-khau-dat-lai-1");
        assertThat(auditActions(department, username("datlai")))
                .contains("account.password_reset_requested", "account.password_reset");
    }

    @Test
    void aResetLinkStopsWorkingAfterAnHour() throws Exception {
        person("hethan", department, Role.EDITOR);
        String address = username("hethan") + "@example.vn";
        json(so, "/api/v1/auth/password-reset", "{\"login\":\"" + username("hethan") + "\"}");
        MimeMessage mail = awaitMail(address, 1).getFirst();
        assertThat((String) mail.getContent()).contains("1 giờ");
        String token = linkIn(mail);
        assertThat(get(so, "/admin/dat-lai-mat-khau/" + token).statusCode()).isEqualTo(200);
        Instant before = clock.instant();
        try {
            clock.set(before.plus(Duration.ofMinutes(61)));
            assertThat(get(so, "/admin/dat-lai-mat-khau/" + token).statusCode()).isEqualTo(410);
            assertThat(resetForm(token, "Mat-khau-qua-gio-1").statusCode()).isEqualTo(410);
        } finally {
            clock.set(before);
        }
        tokenOf(so, "hethan", PASSWORD);
    }

    @Test
    void aSiteAdminMailsAResetLinkToAMemberOfTheirSiteOnly() throws Exception {
        person("quantri", department, Role.SITE_ADMIN);
        long member = person("thanhvien", department, Role.CONTRIBUTOR);
        long elsewhere = person("xakhac", commune, Role.CONTRIBUTOR);
        person("congtac", department, Role.CONTRIBUTOR);
        String admin = tokenOf(so, "quantri", PASSWORD);

        var started = api(so, admin, "POST", "/api/v1/members/" + member + "/password-reset", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.body()).contains("\"to\":\"" + username("thanhvien") + "@example.vn\"");
        String token = linkIn(awaitMail(username("thanhvien") + "@example.vn", 1).getFirst());
        assertThat(get(so, "/admin/dat-lai-mat-khau/" + token).statusCode()).isEqualTo(200);

        assertThat(api(so, admin, "POST", "/api/v1/members/" + elsewhere + "/password-reset", null).statusCode())
                .as("a member of another site").isEqualTo(404);
        assertThat(api(xa, admin, "POST", "/api/v1/members/" + elsewhere + "/password-reset", null).statusCode())
                .as("this site's token on another site's host").isEqualTo(401);
        String contributor = tokenOf(so, "congtac", PASSWORD);
        assertThat(api(so, contributor, "POST", "/api/v1/members/" + member + "/password-reset", null).statusCode())
                .isEqualTo(403);
        assertThat(auditActions(department, username("quantri"))).contains("account.password_reset_started");
    }

    // ------------------------------------------------------------------ second factor

    @Test
    void withASecondFactorSignInNeedsTheCodeAndARecoveryCodeWorksOnce() {
        person("haibuoc", department, Role.EDITOR);
        clock.set(Instant.now());
        String token = tokenOf(so, "haibuoc", PASSWORD);
        var started = api(so, token, "POST", "/api/v1/account/second-factor", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        byte[] secret = Totp.fromBase32(field(started.body(), "secret"));
        assertThat(field(started.body(), "otpauthUri")).startsWith("otpauth://totp/").contains("secret=");
        assertThat(api(so, token, "POST", "/api/v1/account/second-factor/confirm", "{\"code\":\"000000\"}")
                .statusCode()).isEqualTo(422);
        long step = Totp.step(clock.instant());
        var confirmed = api(so, token, "POST", "/api/v1/account/second-factor/confirm",
                "{\"code\":\"" + Totp.code(secret, step) + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        List<String> recovery = recoveryCodes(confirmed.body());
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        var noCode = signIn(so, username("haibuoc"), PASSWORD);
        assertThat(noCode.statusCode()).isEqualTo(401);
        assertThat(noCode.body()).contains("\"rule\":\"second-factor\"", "mã xác thực");
        assertThat(signInWith(so, "haibuoc", PASSWORD, "totp", Totp.code(secret, step)).statusCode())
                .as("the code used to confirm is spent").isEqualTo(401);
        assertThat(signInWith(so, "haibuoc", "Sai-mat-khau-9", "totp", Totp.code(secret, step + 1)).statusCode())
                .as("a good code with a wrong password").isEqualTo(401);

        clock.set(clock.instant().plusSeconds(Totp.STEP_SECONDS));
        var withCode = signInWith(so, "haibuoc", PASSWORD, "totp", Totp.code(secret, step + 1));
        assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(200);
        assertThat(signInWith(so, "haibuoc", PASSWORD, "totp", Totp.code(secret, step + 1)).statusCode())
                .as("a code works once").isEqualTo(401);

        assertThat(signInWith(so, "haibuoc", PASSWORD, "recoveryCode", recovery.get(3)).statusCode()).isEqualTo(200);
        // Five failures lock the account for a while; the sign-ins above used three. A fresh count:
        // the good sign-ins reset it.
        assertThat(signInWith(so, "haibuoc", PASSWORD, "recoveryCode", recovery.get(3)).statusCode())
                .as("a recovery code works once").isEqualTo(401);
        String later = field(signInWith(so, "haibuoc", PASSWORD, "recoveryCode",
                recovery.get(4).toLowerCase().replace("-", " ")).body(), "access_token");
        assertThat(api(so, later, "GET", "/api/v1/account", null).body())
                .contains("\"secondFactor\":true", "\"recoveryCodesLeft\":8");

        assertThat(api(so, later, "POST", "/api/v1/account/second-factor/disable", "{\"password\":\"Sai-mat-khau-9\"}")
                .statusCode()).isEqualTo(403);
        assertThat(api(so, later, "POST", "/api/v1/account/second-factor/disable", "{\"password\":\"" + PASSWORD + "\"}")
                .statusCode()).isEqualTo(204);
        tokenOf(so, "haibuoc", PASSWORD);
        assertThat(auditActions(department, username("haibuoc"))).contains("account.second_factor_enabled",
                "auth.second_factor_refused", "auth.recovery_code_used", "account.second_factor_disabled",
                "auth.signed_in");
    }

    @Test
    void whenTheProvinceAsksHeadsAndSiteAdminsMustEnrolBeforeActing() {
        person("truongban", province, Role.HEAD);
        person("quantritinh", province, Role.SITE_ADMIN);
        person("quantriso", department, Role.SITE_ADMIN);
        person("bientapso", department, Role.EDITOR);
        String head = tokenOf(domain, "truongban", PASSWORD);
        assertThat(api(so, tokenOf(so, "quantriso", PASSWORD), "PUT", "/api/v1/security-policy",
                "{\"requireSecondFactorForHeads\":true}").statusCode()).as("on a component site's host").isEqualTo(404);
        assertThat(api(domain, tokenOf(domain, "quantritinh", PASSWORD), "PUT", "/api/v1/security-policy",
                "{\"requireSecondFactorForHeads\":true}").statusCode()).as("the province's site admin").isEqualTo(403);
        var set = api(domain, head, "PUT", "/api/v1/security-policy", "{\"requireSecondFactorForHeads\":true}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        try {
            headsAndSiteAdminsEnrolFirst(head);
        } finally {
            // The other claims here seat site admins on this province: they must not be sent to enrol.
            api(domain, head, "PUT", "/api/v1/security-policy", "{\"requireSecondFactorForHeads\":false}");
        }
    }

    private void headsAndSiteAdminsEnrolFirst(String head) {
        assertThat(api(domain, head, "GET", "/api/v1/security-policy", null).body())
                .contains("\"requireSecondFactorForHeads\":true");

        var admin = signIn(so, username("quantriso"), PASSWORD);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"secondFactorEnrolmentRequired\":true");
        String bare = field(admin.body(), "access_token");
        assertThat(api(so, bare, "GET", "/api/v1/members", null).statusCode()).as("nothing before enrolling")
                .isEqualTo(403);
        var started = api(so, bare, "POST", "/api/v1/account/second-factor", null);
        byte[] secret = Totp.fromBase32(field(started.body(), "secret"));
        var confirmed = api(so, bare, "POST", "/api/v1/account/second-factor/confirm",
                "{\"code\":\"" + Totp.code(secret, Totp.step(clock.instant())) + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String full = field(confirmed.body(), "access_token");
        assertThat(api(so, full, "GET", "/api/v1/members", null).statusCode()).isEqualTo(200);
        assertThat(api(so, full, "POST", "/api/v1/account/second-factor/disable",
                "{\"password\":\"" + PASSWORD + "\"}").statusCode()).as("required, so it stays").isEqualTo(409);

        // The back office sends such a person to "Tài khoản của tôi" from the sign-in and from every other page.
        person("quantrixa", commune, Role.SITE_ADMIN);
        AnonymousForm before = anonymousForm(xa);
        String csrf = before.csrf();
        var signedIn = send(xa, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf
                        + "&username=" + username("quantrixa") + "&password=" + PASSWORD)), "/admin/dang-nhap",
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", before.cookie());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/admin/tai-khoan");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("portal_session="))
                .findFirst().orElseThrow().split(";")[0];
        var home = get(xa, "/admin", "Cookie", cookie);
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.headers().firstValue("Location")).hasValue("/admin/tai-khoan");
        var account = get(xa, "/admin/tai-khoan", "Cookie", cookie);
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("phải bật xác thực hai lớp trước khi làm việc khác");

        assertThat(signIn(so, username("bientapso"), PASSWORD).body()).as("an editor is not asked")
                .contains("\"secondFactorEnrolmentRequired\":false");
        assertThat(auditActions(province, username("truongban"))).contains("security.policy_updated");
    }

    @Test
    void aPlatformAdminMustEnrolButTheDemosOwnOnLocalhostNeedNot() {
        accounts.create(label + ".hatang", "Quản trị hạ tầng thử", null, PASSWORD, Role.PLATFORM_ADMIN);
        var r = signIn(domain, username("hatang"), PASSWORD);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"secondFactorEnrolmentRequired\":true");
        var demo = signIn(PROVINCE, "platform.admin", DEMO_PASSWORD);
        assertThat(demo.body()).contains("\"secondFactorEnrolmentRequired\":false");
    }

    @Test
    void failuresLockoutsAndSignOutsGoToTheSitesAuditLog() {
        person("nhatky", department, Role.EDITOR);
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
            assertThat(signIn(so, username("nhatky"), "Sai-mat-khau-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(signIn(so, username("nhatky"), PASSWORD).statusCode()).isEqualTo(429);
        assertThat(signIn(so, username("nhatky"), PASSWORD).statusCode()).isEqualTo(429);
        assertThat(auditActions(department, "username:" + username("nhatky")))
                .containsOnly("auth.refused", "auth.locked_out")
                .filteredOn("auth.locked_out"::equals).hasSize(1);
        assertThat(auditActions(commune, "username:" + username("nhatky"))).isEmpty();

        person("dangxuat", department, Role.EDITOR);
        String token = tokenOf(so, "dangxuat", PASSWORD);
        assertThat(api(so, token, "POST", "/api/v1/auth/logout", null).statusCode()).isEqualTo(204);
        assertThat(auditActions(department, username("dangxuat"))).contains("auth.signed_in", "auth.signed_out");
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> signInWith(String host, String name, String password, String field, String code) {
        String body = "{\"username\":\"" + username(name) + "\",\"password\":\"" + password + "\",\"" + field
                + "\":\"" + code + "\"}";
        return json(host, "/api/v1/auth/token", body);
    }

    private static List<String> recoveryCodes(String json) {
        Matcher m = Pattern.compile("\"recoveryCodes\":\\[([^\\]]*)\\]").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Arrays.stream(m.group(1).split(",")).map(s -> s.replace("\"", "")).toList();
    }

    /** The reset form posted as a browser would: the pre-session cookie and its token. */
    private HttpResponse<String> resetForm(String token, String password) {
        AnonymousForm before = anonymousForm(so);
        String csrf = before.csrf();
        String form = "_csrf=" + csrf + "&password=" + password + "&password2=" + password;
        return send(so, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(form)),
                "/admin/dat-lai-mat-khau/" + token, "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", before.cookie());
    }

    /** Actions in a site's audit log whose actor or subject names {@code who}, read past the wall. */
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

    private static String linkIn(MimeMessage mail) throws Exception {
        Matcher m = RESET_LINK.matcher((String) mail.getContent());
        assertThat(m.find()).as((String) mail.getContent()).isTrue();
        URI uri = URI.create(m.group());
        assertThat(uri.getHost()).isNotNull();
        return m.group(1);
    }

    private List<MimeMessage> awaitMail(String to, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<MimeMessage> mine = Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, to)).toList();
            if (mine.size() >= count) {
                assertThat(mine).hasSize(count);
                return mine;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + count + " message(s) to " + to);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean sentTo(MimeMessage m, String to) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
