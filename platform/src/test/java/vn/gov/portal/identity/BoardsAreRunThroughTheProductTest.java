package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestSmtp;

/**
 * A board run through the product (issue 12), on a province of its own: a site admin seats a new
 * person, who gets a one-time link by e-mail (GreenMail) and signs in; seats change and end with
 * effect at the person's next request, on that site only; nobody gives a seat above their own; the
 * last head stays; a member (ủy viên) reads and comments but never writes; another site's board
 * is out of reach.
 */
@MicronautTest(transactional = false)
class BoardsAreRunThroughTheProductTest extends PortalTest {
    private static final Pattern LINK = Pattern.compile("http://[^\\s]+/admin/kich-hoat/[A-Za-z0-9_-]+");
    private static final String PASSWORD = "Bbt@2026-thanhvien";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final GreenMail smtp = TestSmtp.start();

    @Inject
    Accounts accounts;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantProvisioning provisioning;

    private String so;
    private String xa;
    private String soAdmin;
    private String soHead;
    private long soAdminId;
    private long soId;
    private String xaAdmin;
    private String provinceHead;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(TestSmtp.properties(smtp, "Cổng thử <bbt@example.vn>"));
        return p;
    }


    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    /**
     * The province's sites start with nobody; their first site admin and head are seated the way
     * provisioning seats people, with a password (the product's own way in for them is the head's
     * e-mailed link, which the mail tests cover).
     */
    @BeforeAll
    void aProvinceOfItsOwn() {
        String domain = Fixtures.flatProvince(provisioning, "bbt");
        so = "so." + domain;
        xa = "xa." + domain;
        var province = directory.snapshot().provinces().stream().filter(p -> (p.subdomain() + ".test").equals(domain))
                .findFirst().orElseThrow();
        soId = directory.snapshot().child(province.id(), "so").id();
        long xaId = directory.snapshot().child(province.id(), "xa").id();
        String label = domain.substring(0, domain.indexOf('.'));
        soAdminId = accounts.create(label + ".so.quantri", "Quản trị Sở thử", null, DEMO_PASSWORD, null);
        accounts.grant(soId, soAdminId, Role.SITE_ADMIN, "test");
        long head = accounts.create(label + ".so.truongban", "Trưởng ban Sở thử", null, DEMO_PASSWORD, null);
        accounts.grant(soId, head, Role.HEAD, "test");
        long xaAdminId = accounts.create(label + ".xa.quantri", "Quản trị Xã thử", null, DEMO_PASSWORD, null);
        accounts.grant(xaId, xaAdminId, Role.SITE_ADMIN, "test");
        long provinceHeadId = accounts.create(label + ".truongban", "Trưởng ban Cổng tỉnh thử", null, DEMO_PASSWORD, null);
        accounts.grant(province.id(), provinceHeadId, Role.HEAD, "test");
        provinceHead = label + ".truongban";
        soAdmin = label + ".so.quantri";
        soHead = label + ".so.truongban";
        xaAdmin = label + ".xa.quantri";
    }

    // ------------------------------------------------------------------ the claims

    @Test
    void anAddedEditorIsMailedALinkSetsAPasswordAndSignsIn() throws Exception {
        String email = "bien.tap" + SEQ.incrementAndGet() + "@so-thu.vn";
        var added = api(so, token(so, soAdmin), "POST", "/api/v1/members",
                "{\"fullName\":\"Trần Thị Biên\",\"email\":\"" + email + "\",\"phone\":\"0208 3851 234\",\"role\":\"EDITOR\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("\"roles\":[\"EDITOR\"]", "\"newAccount\":true", "\"status\":\"QUEUED\"",
                "\"email\":\"" + email + "\"", "\"phone\":\"0208 3851 234\"");
        String username = field(added.body(), "username");
        assertThat(username).as("from the e-mail's local part").startsWith("bien.tap");
        assertThat(api(so, token(so, soAdmin), "GET", "/api/v1/members", null).body())
                .contains("\"username\":\"" + username + "\"", "\"fullName\":\"Trần Thị Biên\"");

        MimeMessage mail = awaitMail(email, 1).getFirst();
        String body = (String) mail.getContent();
        assertThat(mail.getSubject()).contains("Sở Thử nghiệm");
        assertThat(body).contains("Kính gửi ông/bà Trần Thị Biên", "Biên tập viên", username, "72 giờ");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group()).isEqualTo(field(added.body(), "signInLink"));

        assertThat(activate(link.group()).statusCode()).isEqualTo(303);
        String token = token(so, username, PASSWORD);
        assertThat(me(so, token).body()).contains("\"roles\":[\"EDITOR\"]");
        assertThat(api(so, token, "POST", "/api/v1/articles", "{\"title\":\"Bài của biên tập viên mới\"}").statusCode())
                .isEqualTo(201);
        assertThat(audited("member.invited")).isTrue();
    }

    @Test
    void aChangedSeatTakesEffectOnTheHoldersNextRequest() throws Exception {
        var person = seat(so, soAdmin, "Lê Văn Duyệt", Role.EDITOR);
        String token = token(so, person.username(), PASSWORD);
        String head = token(so, soHead);
        String article = pendingArticle(token, "Bài chờ duyệt của biên tập viên");

        // Promoted by the head: the token issued to an editor approves at once.
        var promoted = api(so, head, "PATCH", "/api/v1/members/" + person.id(), "{\"role\":\"DEPUTY_HEAD\"}");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.body()).contains("\"roles\":[\"DEPUTY_HEAD\"]");
        String other = pendingArticle(token(so, seat(so, soAdmin, "Ngô Thị Viết", Role.CONTRIBUTOR).username(),
                PASSWORD), "Bài của cộng tác viên");
        assertThat(api(so, token, "POST", "/api/v1/articles/" + other + "/approve", "{}").statusCode()).isEqualTo(200);

        // The site admin ranks below a deputy head: neither that seat nor its holder is theirs to touch.
        assertThat(api(so, token(so, soAdmin), "PATCH", "/api/v1/members/" + person.id(),
                "{\"role\":\"CONTRIBUTOR\"}").statusCode()).isEqualTo(403);

        // Demoted by the head: the very next request with the same token can no longer approve.
        assertThat(api(so, head, "PATCH", "/api/v1/members/" + person.id(), "{\"role\":\"CONTRIBUTOR\"}")
                .statusCode()).isEqualTo(200);
        assertThat(api(so, token, "POST", "/api/v1/articles/" + article + "/approve", "{}").statusCode())
                .isEqualTo(403);
        assertThat(me(so, token).body()).contains("\"roles\":[\"CONTRIBUTOR\"]");

        // The site admin demotes an editor to contributor; the editor's token acts as a contributor.
        var editor = seat(so, soAdmin, "Phan Văn Sửa", Role.EDITOR);
        String editorToken = token(so, editor.username(), PASSWORD);
        assertThat(me(so, editorToken).body()).contains("\"roles\":[\"EDITOR\"]");
        assertThat(api(so, token(so, soAdmin), "PATCH", "/api/v1/members/" + editor.id(), "{\"role\":\"CONTRIBUTOR\"}")
                .statusCode()).isEqualTo(200);
        assertThat(me(so, editorToken).body()).contains("\"roles\":[\"CONTRIBUTOR\"]");
        assertThat(audited("member.seat_changed")).isTrue();
    }

    @Test
    void anEndedSeatRefusesTheTokenOnThatSiteWhileTheSamePersonsSeatElsewhereWorks() throws Exception {
        var person = seat(so, soAdmin, "Đỗ Thị Hai Nơi", Role.EDITOR);
        String soToken = token(so, person.username(), PASSWORD);
        String draft = field(api(so, soToken, "POST", "/api/v1/articles", "{\"title\":\"Nháp trước khi rời\"}").body(), "id");

        // The same address seated on the commune's board: the existing account, told by a notice.
        var onXa = api(xa, token(xa, xaAdmin), "POST", "/api/v1/members",
                "{\"fullName\":\"Đỗ Thị Hai Nơi\",\"email\":\"" + person.email() + "\",\"role\":\"EDITOR\"}");
        assertThat(onXa.statusCode()).as(onXa.body()).isEqualTo(201);
        assertThat(onXa.body()).contains("\"newAccount\":false", "\"accountId\":" + person.id());
        MimeMessage notice = awaitMail(person.email(), 2).stream()
                .filter(m -> subject(m).contains("Xã Thử nghiệm")).findFirst().orElseThrow();
        assertThat((String) notice.getContent()).contains(person.username()).doesNotContain("/admin/kich-hoat/");
        String xaToken = token(xa, person.username(), PASSWORD);

        assertThat(api(so, token(so, soAdmin), "DELETE", "/api/v1/members/" + person.id(), null).statusCode())
                .as("the handover needs a receiver").isEqualTo(400);
        var ended = api(so, token(so, soAdmin), "DELETE", "/api/v1/members/" + person.id() + "?handoverTo=" + soAdminId,
                null);
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(ended.body()).contains("\"articlesMoved\":1");

        assertThat(me(so, soToken).statusCode()).as("no seat left on this site").isEqualTo(401);
        assertThat(api(so, soToken, "GET", "/api/v1/articles/" + draft, null).statusCode()).isEqualTo(401);
        assertThat(me(xa, xaToken).statusCode()).as("the commune's seat goes on").isEqualTo(200);
        assertThat(api(xa, xaToken, "POST", "/api/v1/articles", "{\"title\":\"Vẫn viết cho xã\"}").statusCode())
                .isEqualTo(201);
        assertThat(signIn(so, person.username(), PASSWORD).statusCode()).isEqualTo(401);
        assertThat(api(so, token(so, soAdmin), "GET", "/api/v1/members", null).body())
                .doesNotContain("\"username\":\"" + person.username() + "\"");
    }

    @Test
    void nobodyGivesOrTouchesASeatAboveTheirOwnAndBadInputIsRefusedInVietnamese() {
        String admin = token(so, soAdmin);
        for (String above : new String[] {"HEAD", "DEPUTY_HEAD"}) {
            var r = api(so, admin, "POST", "/api/v1/members", newMember("Người Cấp Cao", above));
            assertThat(r.statusCode()).as(above).isEqualTo(403);
            assertThat(r.body()).contains("cao hơn vai trò của chính mình");
        }
        long headId = memberId(so, admin, soHead);
        assertThat(api(so, admin, "PATCH", "/api/v1/members/" + headId, "{\"role\":\"EDITOR\"}").statusCode())
                .isEqualTo(403);
        assertThat(api(so, admin, "DELETE", "/api/v1/members/" + headId + "?handoverTo=" + soAdminId, null)
                .statusCode()).isEqualTo(403);
        assertThat(api(so, admin, "POST", "/api/v1/members", newMember("Thư Ký Ban", "SECRETARY")).statusCode())
                .isEqualTo(201);

        var editor = seat(so, soAdmin, "Biên Tập Không Quản Lý", Role.EDITOR);
        assertThat(api(so, token(so, editor.username(), PASSWORD), "POST", "/api/v1/members",
                newMember("Người Lạ", "CONTRIBUTOR")).statusCode()).as("an editor manages nobody").isEqualTo(403);

        var badRole = api(so, admin, "POST", "/api/v1/members", newMember("Vai Trò Lạ", "KING"));
        assertThat(badRole.statusCode()).isEqualTo(422);
        assertThat(badRole.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(badRole.body()).contains("Vai trò phải là một trong");
        var badMail = api(so, admin, "POST", "/api/v1/members",
                "{\"fullName\":\"Thư Sai\",\"email\":\"khong-phai-thu\",\"role\":\"EDITOR\"}");
        assertThat(badMail.statusCode()).isEqualTo(422);
        assertThat(badMail.body()).contains("Địa chỉ thư điện tử không hợp lệ");
        var noName = api(so, admin, "POST", "/api/v1/members", "{\"email\":\"a" + SEQ.incrementAndGet()
                + "@so-thu.vn\",\"role\":\"EDITOR\"}");
        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(noName.body()).contains("Họ tên phải có từ 2 đến 200 ký tự");
        var twice = api(so, admin, "POST", "/api/v1/members",
                "{\"fullName\":\"Lần Hai\",\"email\":\"" + editor.email() + "\",\"role\":\"EDITOR\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
    }

    @Test
    void theProvincesHeadManagesTheBoardsOfItsSites() {
        String token = token(so, provinceHead);
        assertThat(me(so, token).body()).contains("\"roles\":[\"PROVINCE_HEAD\"]");
        var deputy = api(so, token, "POST", "/api/v1/members", newMember("Phó Trưởng Ban Do Tỉnh Giao", "DEPUTY_HEAD"));
        assertThat(deputy.statusCode()).as(deputy.body()).isEqualTo(201);
        assertThat(deputy.body()).contains("\"roles\":[\"DEPUTY_HEAD\"]");
        assertThat(api(so, token, "GET", "/api/v1/members", null).body()).contains("Phó Trưởng Ban Do Tỉnh Giao");
    }

    @Test
    void theLastHeadCannotBeRemovedOrDemoted() {
        String head = token(so, soHead);
        long headId = memberId(so, head, soHead);
        var demoted = api(so, head, "PATCH", "/api/v1/members/" + headId, "{\"role\":\"DEPUTY_HEAD\"}");
        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(demoted.body()).contains("Trưởng ban duy nhất");
        assertThat(api(so, head, "DELETE", "/api/v1/members/" + headId + "?handoverTo=" + soAdminId, null)
                .statusCode()).isEqualTo(409);
        assertThat(api(so, head, "POST", "/api/v1/members/" + headId + "/handover", "{\"to\":" + soAdminId + "}")
                .statusCode()).isEqualTo(409);
        assertThat(me(so, head).body()).contains("\"roles\":[\"HEAD\"]");
    }

    @Test
    void aMemberReadsAndCommentsOnPendingItemsButNeverWrites() throws Exception {
        var member = seat(so, soAdmin, "Ủy Viên Góp Ý", Role.MEMBER);
        String token = token(so, member.username(), PASSWORD);
        var writer = seat(so, soAdmin, "Người Viết Bài", Role.CONTRIBUTOR);
        String writerToken = token(so, writer.username(), PASSWORD);
        String pending = pendingArticle(writerToken, "Bài để ủy viên góp ý");
        String draft = field(api(so, writerToken, "POST", "/api/v1/articles", "{\"title\":\"Nháp chưa gửi\"}").body(), "id");

        assertThat(api(so, token, "GET", "/api/v1/articles", null).statusCode()).isEqualTo(200);
        assertThat(api(so, token, "GET", "/api/v1/articles/" + pending, null).statusCode()).isEqualTo(200);
        assertThat(api(so, token, "POST", "/api/v1/articles", "{\"title\":\"Ủy viên viết\"}").statusCode()).isEqualTo(403);
        assertThat(api(so, token, "PUT", "/api/v1/articles/" + pending, "{\"title\":\"Ủy viên sửa\"}").statusCode())
                .isEqualTo(403);
        assertThat(api(so, token, "POST", "/api/v1/articles/" + pending + "/approve", "{}").statusCode()).isEqualTo(403);

        var comment = api(so, token, "POST", "/api/v1/articles/" + pending + "/comments",
                "{\"body\":\"Đề nghị ghi rõ nguồn số liệu ở đoạn hai.\"}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
        assertThat(comment.body()).contains("\"authorName\":\"Ủy Viên Góp Ý\"", "\"revision\":");
        assertThat(api(so, token, "POST", "/api/v1/articles/" + draft + "/comments", "{\"body\":\"Sớm quá\"}")
                .statusCode()).as("only pending items").isEqualTo(409);
        assertThat(api(so, token, "POST", "/api/v1/articles/" + pending + "/comments", "{\"body\":\"  \"}")
                .statusCode()).isEqualTo(422);
        assertThat(api(so, token(so, soHead), "GET", "/api/v1/articles/" + pending + "/comments", null).body())
                .contains("Đề nghị ghi rõ nguồn số liệu ở đoạn hai.");

        // In the back office: a landing page with a menu, and the comment on the review page.
        String cookie = "portal_session=" + token;
        var home = get(so, "/admin", "Cookie", cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<nav", "/admin/bai-viet", "Bài để ủy viên góp ý");
        var sent = postForm(so, "/admin/bai-viet/" + pending + "/gop-y", cookie, "_csrf", csrfOf(so, cookie), "body",
                "Góp ý thứ hai từ trang quản trị.");
        assertThat(sent.statusCode()).isEqualTo(303);
        var page = get(so, "/admin/bai-viet/" + pending, "Cookie", cookie);
        assertThat(page.body()).contains("Đề nghị ghi rõ nguồn số liệu ở đoạn hai.", "Góp ý thứ hai từ trang quản trị.",
                "Ủy Viên Góp Ý");
        var empty = postForm(so, "/admin/bai-viet/" + pending + "/gop-y", cookie, "_csrf", csrfOf(so, cookie), "body", "");
        assertThat(empty.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("gopY="));
        assertThat(get(so, empty.headers().firstValue("Location").orElseThrow(), "Cookie", cookie).body())
                .contains("Góp ý phải có nội dung");

        // A secretary is an editor who also prepares the reports: writes, and lands on a menu too.
        var secretary = seat(so, soAdmin, "Thư Ký Ban Biên Tập", Role.SECRETARY);
        String secretaryToken = token(so, secretary.username(), PASSWORD);
        assertThat(api(so, secretaryToken, "POST", "/api/v1/articles", "{\"title\":\"Bài của thư ký\"}").statusCode())
                .isEqualTo(201);
        var secretaryHome = get(so, "/admin", "Cookie", "portal_session=" + secretaryToken);
        assertThat(secretaryHome.statusCode()).isEqualTo(200);
        assertThat(secretaryHome.body()).contains("<nav", "/admin/bao-cao");
    }

    @Test
    void anotherSitesBoardIsOutOfReach() throws Exception {
        var person = seat(so, soAdmin, "Người Của Sở", Role.CONTRIBUTOR);
        String pending = pendingArticle(token(so, person.username(), PASSWORD), "Bài của Sở");
        String soAdminToken = token(so, soAdmin);
        String xaAdminToken = token(xa, xaAdmin);

        assertThat(api(xa, soAdminToken, "GET", "/api/v1/members", null).statusCode())
                .as("the Sở's token on the commune's host").isEqualTo(401);
        assertThat(api(xa, soAdminToken, "POST", "/api/v1/members", newMember("Chen Ngang", "EDITOR")).statusCode())
                .isEqualTo(401);
        assertThat(api(xa, xaAdminToken, "PATCH", "/api/v1/members/" + person.id(), "{\"role\":\"EDITOR\"}")
                .statusCode()).as("the commune's admin, on the Sở's member").isEqualTo(404);
        assertThat(api(xa, xaAdminToken, "DELETE", "/api/v1/members/" + person.id() + "?handoverTo=" + soAdminId, null)
                .statusCode()).isEqualTo(404);
        assertThat(api(xa, xaAdminToken, "GET", "/api/v1/articles/" + pending + "/comments", null).statusCode())
                .isEqualTo(404);
        assertThat(api(xa, xaAdminToken, "POST", "/api/v1/articles/" + pending + "/comments", "{\"body\":\"Xã góp ý\"}")
                .statusCode()).isEqualTo(404);
        assertThat(me(so, token(so, person.username(), PASSWORD)).body()).contains("\"roles\":[\"CONTRIBUTOR\"]");
    }

    @Test
    void theMembersPageAddsChangesAndEndsSeatsAndSaysWhyItRefuses() throws Exception {
        String cookie = "portal_session=" + token(so, soAdmin);
        var page = get(so, "/admin/thanh-vien", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Thêm thành viên", "name=\"fullName\"", "Thư ký", "Ủy viên")
                .doesNotContain("<option value=\"HEAD\"");

        var refused = postForm(so, "/admin/thanh-vien/them", cookie, "_csrf", csrfOf(so, cookie), "fullName", "Nguyễn Văn Gõ Sai",
                "email", "sai-dia-chi", "role", "EDITOR");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Địa chỉ thư điện tử không hợp lệ", "value=\"Nguyễn Văn Gõ Sai\"");

        String email = "trang.quantri" + SEQ.incrementAndGet() + "@so-thu.vn";
        var added = postForm(so, "/admin/thanh-vien/them", cookie, "_csrf", csrfOf(so, cookie), "fullName", "Vũ Thị Trang",
                "email", email, "phone", "", "role", "CONTRIBUTOR");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("Vũ Thị Trang", "Đã thêm thành viên với tài khoản mới",
                "Đã xếp thư gửi tới " + email, "/admin/kich-hoat/");
        awaitMail(email, 1);
        long id = memberId(so, token(so, soAdmin), username(email));

        assertThat(postForm(so, "/admin/thanh-vien/" + id + "/vai-tro", cookie, "_csrf", csrfOf(so, cookie), "role", "EDITOR")
                .statusCode()).isEqualTo(303);
        assertThat(api(so, token(so, soAdmin), "GET", "/api/v1/members", null).body())
                .containsPattern("\"accountId\":" + id + ",[^}]*\"roles\":\\[\"EDITOR\"]");
        var above = postForm(so, "/admin/thanh-vien/" + id + "/vai-tro", cookie, "_csrf", csrfOf(so, cookie), "role", "HEAD");
        assertThat(above.statusCode()).isEqualTo(403);
        assertThat(above.body()).contains("cao hơn vai trò của chính mình", "Thêm thành viên");

        assertThat(postForm(so, "/admin/thanh-vien/ban-giao", cookie, "_csrf", csrfOf(so, cookie), "from", String.valueOf(id),
                "to", String.valueOf(soAdminId)).statusCode()).isEqualTo(303);
        assertThat(api(so, token(so, soAdmin), "GET", "/api/v1/members", null).body())
                .doesNotContain("\"accountId\":" + id + ",");

        String editorCookie = "portal_session=" + token(so, seat(so, soAdmin, "Không Quản Lý", Role.EDITOR).username(),
                PASSWORD);
        assertThat(get(so, "/admin/thanh-vien", "Cookie", editorCookie).statusCode()).isEqualTo(403);
        assertThat(postForm(so, "/admin/thanh-vien/them", editorCookie, "_csrf", csrfOf(so, editorCookie), "fullName", "Ai Đó",
                "email", "ai.do@so-thu.vn", "role", "CONTRIBUTOR").statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ through the product

    private record Seated(long id, String username, String email) {
    }

    /** Seats a new person through the API, then sets their password through the link they were mailed. */
    private Seated seat(String host, String managerUsername, String fullName, Role role) {
        String email = "nguoi" + SEQ.incrementAndGet() + "@so-thu.vn";
        var r = api(host, token(host, managerUsername), "POST", "/api/v1/members",
                "{\"fullName\":\"" + fullName + "\",\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        try {
            Matcher link = LINK.matcher((String) awaitMail(email, 1).getFirst().getContent());
            assertThat(link.find()).isTrue();
            assertThat(activate(link.group()).statusCode()).isEqualTo(303);
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return new Seated(Long.parseLong(field(r.body(), "accountId")), field(r.body(), "username"), email);
    }

    private HttpResponse<String> activate(String link) {
        URI uri = URI.create(link);
        AnonymousForm form = anonymousForm(uri.getHost(), uri.getPath());
        return postForm(uri.getHost(), uri.getPath(), form.cookie(), "_csrf", form.csrf(), "password", PASSWORD,
                "password2", PASSWORD);
    }

    private String pendingArticle(String writerToken, String title) {
        var created = api(so, writerToken, "POST", "/api/v1/articles", "{\"title\":\"" + title + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");
        assertThat(api(so, writerToken, "POST", "/api/v1/articles/" + id + "/submit", null).statusCode()).isEqualTo(200);
        return id;
    }

    private String newMember(String fullName, String role) {
        return "{\"fullName\":\"" + fullName + "\",\"email\":\"nguoi" + SEQ.incrementAndGet()
                + "@so-thu.vn\",\"role\":\"" + role + "\"}";
    }

    private long memberId(String host, String token, String username) {
        String list = api(host, token, "GET", "/api/v1/members", null).body();
        Matcher m = Pattern.compile("\"accountId\":([0-9]+),\"username\":\"" + Pattern.quote(username) + "\"")
                .matcher(list);
        assertThat(m.find()).as(username + " in " + list).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The username the product gave the person with this address (from the link mail). */
    private String username(String email) throws Exception {
        String body = (String) received(email).getFirst().getContent();
        Matcher m = Pattern.compile("tên đăng nhập: ([a-z0-9._-]+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private String token(String host, String username, String password) {
        var r = signIn(host, username, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return field(r.body(), "access_token");
    }

    private HttpResponse<String> me(String host, String token) {
        return get(host, "/api/v1/auth/me", "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> postForm(String host, String path, String cookie, String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(form.toString())), path,
                "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
    }

    /** Whether the Sở's audit log holds an entry of this action (read as the schema owner). */
    private boolean audited(String action) throws Exception {
        try (var c = db().owner(); var st = c.prepareStatement(
                "SELECT count(*) FROM audit_events WHERE tenant_id = ? AND action = ?")) {
            st.setLong(1, soId);
            st.setString(2, action);
            var rs = st.executeQuery();
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private List<MimeMessage> received(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equals(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<MimeMessage> awaitMail(String to, int count) {
        await(count + " message(s) to " + to, () -> received(to).size() >= count);
        return received(to);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
