package vn.gov.portal.provisioning.provinces;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestSmtp;

/**
 * Issue 12, Build 1: the platform operator creates provinces through the API of the platform
 * host, and each runs on its own preset copy, domains, aliases and language scheme. Vĩnh Phúc
 * (VP-2017: flat, English on its own host) and Tuyên Quang (TQ-2026: English under /en) are
 * made once here and used by every claim; Bắc Giang (BG-2023) for the nested domain scheme.
 */
@MicronautTest(transactional = false)
class ProvincesRunByTheOperatorTest extends PortalTest {
    private static final String PLATFORM = "nentang.localhost";
    private static final String VP = "vinhphuc.localhost";
    private static final String VP_ALIAS = "vinhphuc-vn.localhost";
    private static final String TQ = "tuyenquang.localhost";
    private static final String BG = "bacgiang.localhost";
    private static final String HEAD_PASSWORD = "Vinh-Phuc#2026";
    private static final Pattern LINK = Pattern.compile("http://[^\\s]+/admin/kich-hoat/[A-Za-z0-9_-]+");

    private final GreenMail smtp = TestSmtp.start();
    @jakarta.inject.Inject
    PlatformSetupLinks setupLinks;
    private String operator;
    private String vpCreated;
    private String tqCreated;
    private String vpHead;
    private String tqHead;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(TestSmtp.properties(smtp, "Nền tảng <nentang@example.vn>"));
        return p;
    }


    @BeforeAll
    void createTheProvinces() {
        operator = token(PLATFORM, "platform.admin");
        vpCreated = createProvince("""
                {"name":"Tỉnh Vĩnh Phúc","code":"26","domains":["vinhphuc.localhost"],
                 "aliases":["vinhphuc-vn.localhost"],"preset":"VP-2017",
                 "head":{"fullName":"Trần Văn Phúc","email":"phuc@vinhphuc.example.vn"}}""");
        tqCreated = createProvince("""
                {"name":"Tỉnh Tuyên Quang","code":"08","domains":["tuyenquang.localhost"],"aliases":[],
                 "preset":"TQ-2026","head":{"fullName":"Hà Thị Quang","email":"quang@tuyenquang.example.vn"}}""");
        vpHead = activate(field(vpCreated, "signInLink"), field(vpCreated, "headUsername"));
        tqHead = activate(field(tqCreated, "signInLink"), field(tqCreated, "headUsername"));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    private String createProvince(String json) {
        var r = api(PLATFORM, operator, "POST", "/api/v1/provinces", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    /** Opens a one-time link, sets the password as the page asks, and signs in over the API. */
    private String activate(String link, String username) {
        URI uri = URI.create(link);
        var form = get(uri.getHost(), uri.getPath());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        AnonymousForm anonymous = anonymousForm(form);
        String csrf = anonymous.csrf();
        String body = "_csrf=" + csrf + "&password=" + enc(HEAD_PASSWORD) + "&password2=" + enc(HEAD_PASSWORD);
        var set = send(uri.getHost(), HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)),
                uri.getPath(), "Content-Type", "application/x-www-form-urlencoded", "Cookie", anonymous.cookie());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(303);
        var signedIn = signIn(uri.getHost(), username, HEAD_PASSWORD);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return field(signedIn.body(), "access_token");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the claims

    @Test
    void vinhPhucServesItsDomainItsAliasEnglishOnItsOwnHostAndWwwRedirects() {
        assertThat(field(vpCreated, "host")).isEqualTo(VP);
        for (String host : new String[] {VP, VP_ALIAS}) {
            var home = get(host, "/");
            assertThat(home.statusCode()).as(host).isEqualTo(200);
            assertThat(home.body()).as(host).contains("Tỉnh Vĩnh Phúc");
        }
        var english = get("english." + VP, "/");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("lang=\"en\"");
        var www = get("www." + VP, "/x?y=1");
        assertThat(www.statusCode()).isEqualTo(301);
        assertThat(www.headers().firstValue("Location")).hasValue("http://" + VP + "/x?y=1");
        assertThat(get("www." + VP_ALIAS, "/").headers().firstValue("Location")).hasValue("http://" + VP_ALIAS + "/");
        assertThat(get("www.nobody.localhost", "/").statusCode()).as("no site, no redirect").isEqualTo(404);

        var list = api(PLATFORM, operator, "GET", "/api/v1/provinces?q=vinh", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"name\":\"Tỉnh Vĩnh Phúc\"").contains("\"code\":\"26\"")
                .contains("\"preset\":\"VP-2017\"").contains(VP_ALIAS).doesNotContain("Tuyên Quang");
    }

    @Test
    void theNewHeadActivatesTheirAccountFromTheMail() throws Exception {
        String to = "phuc@vinhphuc.example.vn";
        long deadline = System.currentTimeMillis() + 20_000;
        MimeMessage mail = null;
        while (mail == null && System.currentTimeMillis() < deadline) {
            mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, to)).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertThat(mail).as("the head's mail").isNotNull();
        String body = (String) mail.getContent();
        assertThat(body).contains("Trần Văn Phúc").contains(field(vpCreated, "headUsername"));
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group()).as("the link mailed is the one shown").isEqualTo(field(vpCreated, "signInLink"));
        // activate() used it already: the link works once.
        URI uri = URI.create(link.group());
        assertThat(get(uri.getHost(), uri.getPath()).statusCode()).isEqualTo(410);
        var me = api(VP, vpHead, "GET", "/api/v1/auth/me", null);
        assertThat(me.body()).contains("\"HEAD\"");
    }

    private static boolean sentTo(MimeMessage m, String to) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(to));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tuyenQuangOffersEnglishUnderEnAndNoOtherLanguage() {
        assertThat(get(TQ, "/").statusCode()).isEqualTo(200);
        var en = get(TQ, "/en/");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("lang=\"en\"");
        assertThat(get(TQ, "/ko/").statusCode()).isEqualTo(404);
        assertThat(get("english." + TQ, "/").statusCode()).as("PATH scheme: no English host").isEqualTo(404);
        assertThat(api(TQ, tqHead, "GET", "/api/v1/preset", null).body())
                .contains("\"basedOn\":\"TQ-2026\"").contains("\"languages\":[\"vi\",\"en\"]")
                .contains("\"languageScheme\":\"PATH\"").contains("\"direction\":\"AFTER\"")
                .contains("\"countedFrom\":\"EVENT_END\"");
    }

    @Test
    void aQuotaChangedByOneProvinceLeavesTheOthersAndTheShippedPresetUnchanged() {
        String demoAdmin = token(PROVINCE, "platform.admin");
        String demoBefore = api(PROVINCE, demoAdmin, "GET", "/api/v1/preset", null).body();
        assertThat(demoBefore).contains("\"tenantKind\":\"DEPARTMENT\",\"contentScope\":\"news\",\"minPerMonth\":2");

        var changed = api(VP, vpHead, "PUT", "/api/v1/preset",
                "{\"quotas\":[{\"tenantKind\":\"DEPARTMENT\",\"minPerMonth\":7,\"counted\":\"PUBLISHED\"}],"
                        + "\"languages\":[\"vi\",\"en\",\"ko\"]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"tenantKind\":\"DEPARTMENT\",\"contentScope\":\"news\",\"minPerMonth\":7")
                .contains("\"languages\":[\"vi\",\"en\",\"ko\"]");
        assertThat(get("ko." + VP, "/").statusCode()).as("HOST scheme: Korean gets a host").isEqualTo(200);

        assertThat(api(PROVINCE, demoAdmin, "GET", "/api/v1/preset", null).body())
                .contains("\"tenantKind\":\"DEPARTMENT\",\"contentScope\":\"news\",\"minPerMonth\":2")
                .doesNotContain("\"minPerMonth\":7");
        assertThat(api(TQ, tqHead, "GET", "/api/v1/preset", null).body()).doesNotContain("\"minPerMonth\":7")
                .contains("\"languages\":[\"vi\",\"en\"]");
        // A second province started from VP-2017 starts from the preset as shipped.
        String again = createProvince("""
                {"name":"Tỉnh Vĩnh Phúc Hai","code":"97","domains":["vinhphuchai.localhost"],"preset":"VP-2017"}""");
        assertThat(field(again, "host")).isEqualTo("vinhphuchai.localhost");
        assertThat(api(PLATFORM, operator, "GET", "/api/v1/provinces?q=97", null).body())
                .contains("Vĩnh Phúc Hai");
        assertThat(get("ko.vinhphuchai.localhost", "/").statusCode()).isEqualTo(404);
        assertThat(get("english.vinhphuchai.localhost", "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aFlatProvinceRefusesACommuneUnderADistrictAndANestedOneAcceptsIt() {
        var district = api(VP, vpHead, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"binhxuyen\",\"name\":\"Huyện Bình Xuyên\",\"kind\":\"DISTRICT\"}");
        assertThat(district.statusCode()).as(district.body()).isEqualTo(201);
        assertThat(get("english.binhxuyen." + VP, "/").statusCode()).as("a later site gets its English host")
                .isEqualTo(200);
        var nested = api(VP, vpHead, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"huongcanh\",\"name\":\"Xã Hương Canh\",\"kind\":\"COMMUNE\",\"parent\":\"binhxuyen\"}");
        assertThat(nested.statusCode()).as(nested.body()).isEqualTo(422);
        assertThat(nested.body()).contains("\"rule\":\"domain-scheme\"");
        var bulk = send(VP, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                "subdomain,name,kind,parent,head_name,head_email\n"
                        + "huongcanh,Xã Hương Canh,COMMUNE,binhxuyen,Lê Văn Canh,canh@example.vn\n")),
                "/api/v1/tenants/bulk?dryRun=true", "Authorization", "Bearer " + vpHead, "Content-Type", "text/csv");
        assertThat(bulk.body()).as("the bulk file is held to the same rule").contains("tenant.domain-scheme");

        String bg = createProvince("""
                {"name":"Tỉnh Bắc Giang","code":"24","domains":["bacgiang.localhost"],"preset":"BG-2023",
                 "head":{"fullName":"Ngô Văn Giang","email":"giang@bacgiang.example.vn"}}""");
        String bgHead = activate(field(bg, "signInLink"), field(bg, "headUsername"));
        assertThat(api(BG, bgHead, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"yendung\",\"name\":\"Huyện Yên Dũng\",\"kind\":\"DISTRICT\"}").statusCode())
                .isEqualTo(201);
        var commune = api(BG, bgHead, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"tanan\",\"name\":\"Xã Tân An\",\"kind\":\"COMMUNE\",\"parent\":\"yendung\"}");
        assertThat(commune.statusCode()).as(commune.body()).isEqualTo(201);
        assertThat(field(commune.body(), "host")).isEqualTo("tanan.yendung." + BG);
    }

    @Test
    void onlyAPlatformAdminSignsInOnThePlatformHostWhichServesNoTenantPages() {
        assertThat(signIn(PLATFORM, field(vpCreated, "headUsername"), HEAD_PASSWORD).statusCode())
                .as("a province head cannot sign in there").isEqualTo(401);
        assertThat(api(PLATFORM, vpHead, "GET", "/api/v1/provinces", null).statusCode())
                .as("a province head's token is not good there").isEqualTo(401);
        assertThat(api(PLATFORM, vpHead, "POST", "/api/v1/provinces", "{}").statusCode()).isEqualTo(401);
        assertThat(api(VP, operator, "GET", "/api/v1/tenants", null).statusCode())
                .as("the platform's token is good on no site").isEqualTo(401);
        String adminOnVp = token(VP, "platform.admin");
        assertThat(api(VP, adminOnVp, "GET", "/api/v1/provinces", null).statusCode())
                .as("the operator's API exists on the platform host only").isEqualTo(404);

        assertThat(get(PLATFORM, "/").statusCode()).isEqualTo(303);
        assertThat(get(PLATFORM, "/tin-tuc").statusCode()).isEqualTo(404);
        assertThat(get(PLATFORM, "/gioi-thieu").statusCode()).isEqualTo(404);
        assertThat(api(PLATFORM, operator, "GET", "/api/v1/articles", null).statusCode()).isEqualTo(404);
        assertThat(get(PLATFORM, "/admin").headers().firstValue("Location")).hasValue("/admin/nen-tang");
        assertThat(get(PLATFORM, "/admin/nen-tang/dang-nhap").statusCode()).isEqualTo(200);
        assertThat(get(VP, "/admin/nen-tang/dang-nhap").statusCode()).isEqualTo(404);
    }

    @Test
    void aSetupLinkOnThePlatformHostMakesAPlatformAdminOnce() {
        String path = URI.create(setupLinks.issue()).getPath();
        assertThat(path).startsWith("/admin/nen-tang/khoi-tao/");
        assertThat(get(VP, path).statusCode()).as("the platform host's page only").isEqualTo(404);
        var form = get(PLATFORM, path);
        assertThat(form.statusCode()).isEqualTo(200);
        AnonymousForm anonymous = anonymousForm(form);
        String csrf = anonymous.csrf();
        String password = "Nen-tang#2026";
        String body = "_csrf=" + csrf + "&username=nentang.quantri&fullName=" + enc("Lý Văn Nền") + "&email="
                + "&password=" + enc(password) + "&password2=" + enc(password);
        var set = send(PLATFORM, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)), path,
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", anonymous.cookie());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(303);
        assertThat(set.headers().firstValue("Location")).hasValue("/admin/nen-tang");
        var signedIn = signIn(PLATFORM, "nentang.quantri", password);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        // Signed in, but with no second factor yet: the API refuses until they enrol in the console
        // (PlatformAdminEnrolsASecondFactorTest follows one through).
        assertThat(api(PLATFORM, field(signedIn.body(), "access_token"), "GET", "/api/v1/provinces", null).body())
                .contains("\"rule\":\"second-factor-enrolment\"");
        assertThat(get(PLATFORM, path).statusCode()).as("the link works once").isEqualTo(410);
    }

    @Test
    void theOperatorsRefusalsNameTheirRule() {
        assertThat(api(PLATFORM, operator, "POST", "/api/v1/provinces", """
                {"name":"Tỉnh Thử","code":"98","domains":["thu.localhost"],"preset":"XX-2000"}""").body())
                .contains("\"rule\":\"preset\"");
        var taken = api(PLATFORM, operator, "POST", "/api/v1/provinces", """
                {"name":"Tỉnh Thử","code":"98","domains":["vinhphuc-vn.localhost"],"preset":"TN-2026"}""");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("\"rule\":\"domain-taken\"");
        assertThat(api(PLATFORM, operator, "POST", "/api/v1/provinces", """
                {"name":"Tỉnh Thử","code":"98","domains":["huyen.vinhphuc.localhost"],"preset":"TN-2026"}""").body())
                .as("a domain inside another province's").contains("\"rule\":\"domain-taken\"");
        assertThat(api(PLATFORM, operator, "POST", "/api/v1/provinces", """
                {"name":"Tỉnh Thử","code":"98","domains":["not a domain"],"preset":"TN-2026"}""").body())
                .contains("\"rule\":\"domain\"");
        assertThat(api(PLATFORM, operator, "POST", "/api/v1/provinces", """
                {"name":"Tỉnh Thử","code":"26","domains":["thu.localhost"],"preset":"TN-2026"}""").body())
                .contains("\"rule\":\"code-taken\"");
    }

    @Test
    void aProvinceBoardRunsItsAliasesAndCannotTouchAnotherProvincesPresetOrAliases() {
        long vpId = Long.parseLong(field(vpCreated, "id"));
        long tqId = Long.parseLong(field(tqCreated, "id"));
        var added = api(VP, vpHead, "POST", "/api/v1/tenants/" + vpId + "/aliases", "{\"host\":\"congvinhphuc.localhost\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("congvinhphuc.localhost").contains(VP_ALIAS);
        assertThat(get("congvinhphuc.localhost", "/").body()).contains("Tỉnh Vĩnh Phúc");
        assertThat(api(TQ, tqHead, "POST", "/api/v1/tenants/" + tqId + "/aliases",
                "{\"host\":\"congvinhphuc.localhost\"}").body()).as("unique across the platform")
                .contains("\"rule\":\"domain-taken\"");
        assertThat(api(VP, vpHead, "POST", "/api/v1/tenants/" + vpId + "/aliases", "{\"host\":\"" + PLATFORM + "\"}")
                .body()).contains("\"rule\":\"domain-taken\"");
        var removed = api(VP, vpHead, "DELETE", "/api/v1/tenants/" + vpId + "/aliases/congvinhphuc.localhost", null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(get("congvinhphuc.localhost", "/").statusCode()).isEqualTo(404);

        // Across provinces: another province's site is not there, and a token is good on its own host only.
        assertThat(api(VP, vpHead, "GET", "/api/v1/tenants/" + tqId + "/aliases", null).statusCode()).isEqualTo(404);
        assertThat(api(VP, vpHead, "POST", "/api/v1/tenants/" + tqId + "/aliases", "{\"host\":\"x.localhost\"}")
                .statusCode()).isEqualTo(404);
        assertThat(api(TQ, vpHead, "PUT", "/api/v1/preset", "{\"languages\":[\"vi\"]}").statusCode()).isEqualTo(401);
        assertThat(api(TQ, tqHead, "GET", "/api/v1/preset", null).body()).contains("\"languages\":[\"vi\",\"en\"]");
    }
}
