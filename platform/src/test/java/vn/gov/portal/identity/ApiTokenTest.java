package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.security.JwtSecret;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** API sign-in and the token's reach: one site, an expiry, a signature. */
@SharedApplication
class ApiTokenTest extends PortalTest {
    private static final String PASSWORD = DEMO_PASSWORD;

    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Value("${" + JwtSecret.PROPERTY + "}")
    String secret;

    private HttpResponse<String> me(String host, String token) {
        return get(host, "/api/v1/auth/me", "Authorization", "Bearer " + token);
    }

    private long tenantId(String subdomain) {
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow();
        return subdomain.equals("thainguyen") ? province.id() : directory.snapshot().children(province.id()).stream()
                .filter(t -> t.subdomain().equals(subdomain)).findFirst().orElseThrow().id();
    }

    @Test
    void aBoardMemberGetsABearerTokenForTheirSite() {
        var r = signIn(DEPARTMENT, "sotaichinh.truongban", PASSWORD);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":3600");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        var whoami = me(DEPARTMENT, token(DEPARTMENT, "Sotaichinh.TruongBan"));
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"username\":\"sotaichinh.truongban\"",
                "\"site\":\"sotaichinh.thainguyen.localhost\"", "\"roles\":[\"HEAD\"]");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameRefusal() {
        var wrong = signIn(COMMUNE, "phandinhphung.truongban", "Sai@mat-khau1");
        var unknown = signIn(COMMUNE, "khong.ton.tai", "Sai@mat-khau1");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrong.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng")
                .isEqualTo(unknown.body());
    }

    @Test
    void aTokenIsRefusedOnAnotherSite() {
        String token = token(DEPARTMENT, "sotaichinh.bientap");
        assertThat(me(DEPARTMENT, token).statusCode()).isEqualTo(200);
        assertThat(me(COMMUNE, token).statusCode()).isEqualTo(401);
        assertThat(me(PROVINCE, token).statusCode()).isEqualTo(401);
    }

    @Test
    void nobodySignsInOnASiteWhereTheyHaveNoSeat() {
        assertThat(signIn(COMMUNE, "sotaichinh.bientap", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void theProvinceBoardReachesItsComponentSitesAndThePlatformAdminEverySite() {
        assertThat(me(DEPARTMENT, token(DEPARTMENT, "thainguyen.truongban")).body())
                .contains("\"roles\":[\"PROVINCE_HEAD\"]");
        assertThat(me(COMMUNE, token(COMMUNE, "platform.admin")).body()).contains("\"roles\":[\"PLATFORM_ADMIN\"]");
    }

    @Test
    void unsignedTokenIsRejected() {
        var claims = new JWTClaimsSet.Builder().subject("sotaichinh.truongban").claim("roles", List.of("HEAD"))
                .claim("tenant", tenantId("sotaichinh")).expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .build();
        assertThat(me(DEPARTMENT, new PlainJWT(claims).serialize()).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWithoutExpiryIsRejected() throws Exception {
        var claims = new JWTClaimsSet.Builder().subject("sotaichinh.truongban").claim("roles", List.of("HEAD"))
                .claim("tenant", tenantId("sotaichinh")).build();
        assertThat(me(DEPARTMENT, sign(claims)).statusCode()).isEqualTo(401);
        var withExpiry = new JWTClaimsSet.Builder(claims).expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .issueTime(new Date()).build();
        assertThat(me(DEPARTMENT, sign(withExpiry)).statusCode()).as("the same token with an expiry passes")
                .isEqualTo(200);
    }

    @Test
    void tokenWithoutTenantOrForAnotherTenantIsRejected() throws Exception {
        Date exp = new Date(System.currentTimeMillis() + 60_000);
        var noTenant = new JWTClaimsSet.Builder().subject("sotaichinh.truongban").claim("roles", List.of("HEAD"))
                .expirationTime(exp).issueTime(new Date()).build();
        assertThat(me(DEPARTMENT, sign(noTenant)).statusCode()).isEqualTo(401);
        var otherTenant = new JWTClaimsSet.Builder(noTenant).claim("tenant", tenantId("phandinhphung")).build();
        assertThat(me(DEPARTMENT, sign(otherTenant)).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountFromThatAddressForAWhile() {
        long id = accounts.create("thu.khoa", "Tài khoản thử khóa", null, "Khoa@2026x", null);
        accounts.grant(tenantId("sotaichinh"), id, Role.EDITOR, "test");
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS; i++) {
            assertThat(signIn(DEPARTMENT, "thu.khoa", "Sai@2026x").statusCode()).isEqualTo(401);
        }
        var locked = signIn(DEPARTMENT, "thu.khoa", "Khoa@2026x");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(locked.body()).contains("15 phút");
    }

    @Test
    void parallelGuessesGetNoMoreTriesThanOneAtATime() throws Exception {
        long id = accounts.create("thu.songsong", "Tài khoản thử song song", null, "Songsong@2026x", null);
        accounts.grant(tenantId("sotaichinh"), id, Role.EDITOR, "test");
        int guesses = SignInThrottle.PER_ACCOUNT_AT_ADDRESS * 2;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(guesses)) {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < guesses; i++) {
                answers.add(pool.submit(() -> signIn(DEPARTMENT, "thu.songsong", "Sai@2026x").statusCode()));
            }
            int checked = 0;
            for (var answer : answers) {
                checked += answer.get() == 401 ? 1 : 0;
            }
            assertThat(checked).as("passwords checked").isEqualTo(SignInThrottle.PER_ACCOUNT_AT_ADDRESS);
        }
    }

    @Test
    void aGoodPasswordForgetsTheAccountsFailures() {
        long id = accounts.create("thu.quen", "Tài khoản thử quên", null, "Quen@2026x", null);
        accounts.grant(tenantId("sotaichinh"), id, Role.EDITOR, "test");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AT_ADDRESS - 1; i++) {
                assertThat(signIn(DEPARTMENT, "thu.quen", "Sai@2026x").statusCode()).isEqualTo(401);
            }
            assertThat(signIn(DEPARTMENT, "thu.quen", "Quen@2026x").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void missingCredentialsAreABadRequest() {
        var r = send(DEPARTMENT, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"x\"}")),
                "/api/v1/auth/token", "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var junk = send(DEPARTMENT, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("{not json")),
                "/api/v1/auth/token", "Content-Type", "application/json");
        assertThat(junk.statusCode()).isEqualTo(400);
        assertThat(junk.body()).doesNotContain("Exception");
    }

    @Test
    void passwordsAreStoredAsArgon2idOnly() throws Exception {
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(
                "SELECT password_hash FROM accounts WHERE username = 'sotaichinh.truongban'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
        }
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
