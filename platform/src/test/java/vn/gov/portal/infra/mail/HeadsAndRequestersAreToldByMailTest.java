package vn.gov.portal.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.ProofOfWorkSolver;

/**
 * E-mail through a real SMTP server (GreenMail, started here on a free port of this machine):
 * the head of a new site gets their one-time link and it opens the first sign-in page; a unit
 * that files a request is acknowledged, approved (the head's link) or declined (the reason); a
 * server that is down costs attempts, written down, and the mail goes out once it is back; a
 * message that keeps failing is given up; a secret body does not outlive its sending; and the
 * province, and only the province, lists what was sent for its sites.
 */
@MicronautTest(transactional = false)
class HeadsAndRequestersAreToldByMailTest extends PortalTest {
    private static final String FROM = "Cổng TTĐT tỉnh Thái Nguyên <bbt@thainguyen.gov.vn>";
    private static final int MAX_ATTEMPTS = 20;
    private static final Pattern LINK = Pattern.compile("http://[^\\s]+/admin/kich-hoat/[A-Za-z0-9_-]+");

    private GreenMail smtp = startSmtp(0);
    private final int smtpPort = smtp.getSmtp().getPort();

    @Inject
    MailOutbox outbox;
    @Inject
    MailSender sender;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    vn.gov.portal.infra.db.TenantDb db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("portal.smtp.host", "127.0.0.1");
        p.put("portal.smtp.port", String.valueOf(smtpPort));
        p.put("portal.smtp.starttls", "false"); // GreenMail's plain SMTP; the default requires STARTTLS
        p.put("portal.smtp.from", FROM);
        p.put("portal.mail.sender-interval", "100ms");
        p.put("portal.mail.retry-after", "200ms");
        p.put("portal.mail.retry-max", "800ms");
        p.put("portal.mail.max-attempts", String.valueOf(MAX_ATTEMPTS));
        return p;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    private static GreenMail startSmtp(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    // ------------------------------------------------------------------ the claims

    @Test
    void aSiteCreatedWithAHeadMailsTheHeadALinkThatOpensTheFirstSignInPage() throws Exception {
        String to = "an.soxaydung@example.vn";
        var created = api(PROVINCE, token(PROVINCE, "platform.admin"), "POST", "/api/v1/tenants",
                "{\"subdomain\":\"soxaydungthu\",\"name\":\"Sở Xây dựng Thử\",\"kind\":\"DEPARTMENT\","
                        + "\"headName\":\"Nguyễn Văn An\",\"headEmail\":\"" + to + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"headMail\":{").contains("\"status\":\"QUEUED\"")
                .contains("\"to\":\"" + to + "\"");
        String shownLink = field(created.body(), "signInLink");
        long mailId = Long.parseLong(nested(created.body(), "headMail", "id"));

        MimeMessage mail = only(awaitMail(to, 1));
        assertThat(mail.getSubject()).isEqualTo("Trang Sở Xây dựng Thử: đường liên kết đặt mật khẩu cho Trưởng Ban Biên tập");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Cổng TTĐT tỉnh Thái Nguyên");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String body = (String) mail.getContent();
        assertThat(body).contains("Kính gửi ông/bà Nguyễn Văn An,", "\"Sở Xây dựng Thử\"", "soxaydungthu.truongban",
                "72 giờ", "Ban Biên tập Cổng Thông tin điện tử tỉnh Thái Nguyên", "Trân trọng");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group()).as("the link mailed is the link shown").isEqualTo(shownLink);

        URI uri = URI.create(link.group());
        var page = get(uri.getHost(), uri.getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nguyễn Văn An").contains("soxaydungthu.truongban");

        // Sent, and the secret is gone from the database; who, what and when stay.
        awaitStatus(mailId, "SENT");
        try (var c = db().owner(); var rs = row(c, mailId)) {
            assertThat(rs.getString("body_text")).isNull();
            assertThat(rs.getString("body_html")).isNull();
            assertThat(rs.getObject("wiped_at")).isNotNull();
            assertThat(rs.getObject("sent_at")).isNotNull();
            assertThat(rs.getString("recipient")).isEqualTo(to);
            assertThat(rs.getString("subject")).contains("Sở Xây dựng Thử");
            assertThat(rs.getInt("attempts")).isEqualTo(1);
        }
        // The database itself refuses a sent secret that still has its body.
        try (var c = db().owner(); var st = c.prepareStatement("UPDATE mail_outbox SET body_text = 'x' WHERE id = ?")) {
            st.setLong(1, mailId);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(st::executeUpdate))
                    .hasMessageContaining("mail_outbox");
        }
    }

    @Test
    void aRequestIsAcknowledgedAndItsAnswerMailed() throws Exception {
        String head = "binh.xadangky@example.vn";
        long approvedId = file("xadangkythu", "Xã Đăng Ký Thử", head, "10.8.0.1");
        MimeMessage ack = only(awaitMail(head, 1));
        assertThat(ack.getSubject()).isEqualTo("Đã nhận đề nghị số " + approvedId
                + " mở trang thông tin điện tử thành phần");
        // Anyone may file and name any address: the acknowledgement is the province's fixed text, and
        // nothing the filer typed (unit, name, sub-domain, reason) rides on the province's sender.
        assertThat((String) ack.getContent()).contains("(số " + approvedId + ")", "tỉnh Thái Nguyên",
                "Nếu ông/bà không gửi đề nghị này, xin bỏ qua thư")
                .doesNotContain("Xã Đăng Ký Thử", "Nguyễn Thị Bình", "xadangkythu", "công khai thủ tục");

        String admin = token(PROVINCE, "thainguyen.truongban");
        var approved = api(PROVINCE, admin, "POST", "/api/v1/site-requests/" + approvedId + "/approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        assertThat(nested(approved.body(), "headMail", "status")).isEqualTo("QUEUED");
        List<MimeMessage> both = awaitMail(head, 2);
        MimeMessage linkMail = both.stream().filter(m -> !m.equals(ack)).findFirst().orElseThrow();
        String body = (String) linkMail.getContent();
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        assertThat(link.group()).isEqualTo(field(approved.body(), "signInLink"));
        URI uri = URI.create(link.group());
        assertThat(uri.getHost()).isEqualTo("xadangkythu.thainguyen.localhost");
        assertThat(get(uri.getHost(), uri.getPath()).statusCode()).isEqualTo(200);

        String declinedHead = "cuong.xatuchoi@example.vn";
        long declinedId = file("xatuchoithu", "Xã Từ Chối Thử", declinedHead, "10.8.0.2");
        var declined = api(PROVINCE, admin, "POST", "/api/v1/site-requests/" + declinedId + "/decline",
                "{\"reason\":\"Đơn vị đã sáp nhập vào xã Đồng Hỷ từ ngày 1/7/2025.\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(field(declined.body(), "status")).isEqualTo("DECLINED");
        assertThat(nested(declined.body(), "mail", "status")).isEqualTo("QUEUED");
        MimeMessage answer = awaitMail(declinedHead, 2).stream()
                .filter(m -> subject(m).contains("chưa được chấp thuận")).findFirst().orElseThrow();
        assertThat(answer.getSubject()).isEqualTo("Đề nghị số " + declinedId
                + " mở trang thông tin điện tử thành phần chưa được chấp thuận");
        assertThat((String) answer.getContent()).contains("Đơn vị đã sáp nhập vào xã Đồng Hỷ từ ngày 1/7/2025.",
                "số " + declinedId).doesNotContain("Xã Từ Chối Thử", "Nguyễn Thị Bình", "công khai thủ tục");

        // Only secrets are wiped: the acknowledgement and the decline keep their text.
        long declineMail = Long.parseLong(nested(declined.body(), "mail", "id"));
        awaitStatus(declineMail, "SENT");
        try (var c = db().owner(); var rs = row(c, declineMail)) {
            assertThat(rs.getString("body_text")).contains("Đơn vị đã sáp nhập");
            assertThat(rs.getBoolean("secret")).isFalse();
        }
    }

    @Test
    void whileTheServerIsDownAttemptsAreRecordedAndTheMailGoesOutWhenItIsBack() throws Exception {
        String to = "dung.sodulich@example.vn";
        smtp.stop();
        long id;
        try {
            var created = api(PROVINCE, token(PROVINCE, "platform.admin"), "POST", "/api/v1/tenants",
                    "{\"subdomain\":\"sodulichthu\",\"name\":\"Sở Du lịch Thử\",\"kind\":\"DEPARTMENT\","
                            + "\"headName\":\"Lê Thị Dung\",\"headEmail\":\"" + to + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            id = Long.parseLong(nested(created.body(), "headMail", "id"));

            await("two failed attempts", () -> intColumn(id, "attempts") >= 2);
            try (var c = db().owner(); var rs = row(c, id)) {
                assertThat(rs.getString("status")).isEqualTo("QUEUED");
                assertThat(rs.getString("last_error")).containsIgnoringCase("connect");
                assertThat(rs.getObject("next_attempt_at", java.time.OffsetDateTime.class))
                        .isAfter(rs.getObject("created_at", java.time.OffsetDateTime.class));
                assertThat(rs.getString("body_text")).as("kept until it is sent").contains("/admin/kich-hoat/");
                assertThat(rs.getObject("sent_at")).isNull();
            }
        } finally {
            smtp = startSmtp(smtpPort);
        }
        MimeMessage mail = only(awaitMail(to, 1));
        assertThat((String) mail.getContent()).contains("Lê Thị Dung");
        awaitStatus(id, "SENT");
        try (var c = db().owner(); var rs = row(c, id)) {
            assertThat(rs.getString("status")).isEqualTo("SENT");
            assertThat(rs.getInt("attempts")).isGreaterThanOrEqualTo(3);
            assertThat(rs.getString("body_text")).isNull();
        }
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpAndItsSecretWiped() throws Exception {
        smtp.stop();
        long givenUp;
        long expired;
        try {
            String admin = token(PROVINCE, "platform.admin");
            givenUp = Long.parseLong(nested(api(PROVINCE, admin, "POST", "/api/v1/tenants",
                    "{\"subdomain\":\"sobothu\",\"name\":\"Sở Bỏ Thử\",\"kind\":\"DEPARTMENT\","
                            + "\"headName\":\"Phạm Văn Em\",\"headEmail\":\"em.sobo@example.vn\"}").body(), "headMail", "id"));
            expired = Long.parseLong(nested(api(PROVINCE, admin, "POST", "/api/v1/tenants",
                    "{\"subdomain\":\"sohethan\",\"name\":\"Sở Hết Hạn\",\"kind\":\"DEPARTMENT\","
                            + "\"headName\":\"Vũ Thị Giang\",\"headEmail\":\"giang.sohethan@example.vn\"}").body(),
                    "headMail", "id"));
            await("a failed attempt", () -> intColumn(givenUp, "attempts") >= 1);
            // Skip ahead: one failure short of giving up; and a link that expired while the server was down.
            ownerUpdate("UPDATE mail_outbox SET attempts = " + (MAX_ATTEMPTS - 1) + " WHERE id = " + givenUp);
            ownerUpdate("UPDATE mail_outbox SET valid_until = now() - interval '1 minute' WHERE id = " + expired);
            awaitStatus(givenUp, "FAILED");
            awaitStatus(expired, "FAILED");
        } finally {
            smtp = startSmtp(smtpPort);
        }
        try (var c = db().owner(); var rs = row(c, givenUp)) {
            assertThat(rs.getInt("attempts")).isEqualTo(MAX_ATTEMPTS);
            assertThat(rs.getString("last_error")).containsIgnoringCase("connect");
            assertThat(rs.getString("body_text")).isNull();
            assertThat(rs.getObject("wiped_at")).isNotNull();
            assertThat(rs.getObject("next_attempt_at")).isNull();
            assertThat(rs.getObject("sent_at")).isNull();
        }
        try (var c = db().owner(); var rs = row(c, expired)) {
            assertThat(rs.getString("last_error")).isEqualTo("Not sent before it expired");
            assertThat(rs.getString("body_text")).isNull();
        }
        // Given up means given up: the server is back, a sending run goes by, and nothing goes out.
        sender.sendDue();
        assertThat(received("em.sobo@example.vn")).isEmpty();
        assertThat(received("giang.sohethan@example.vn")).isEmpty();
        assertThat(api(PROVINCE, token(PROVINCE, "thainguyen.truongban"), "GET", "/api/v1/mail?status=FAILED", null)
                .body()).contains("em.sobo@example.vn", "giang.sohethan@example.vn");
    }

    @Test
    void theProvinceListsItsSitesMailAndNoOtherBoardSeesIt() throws Exception {
        String to = "hoa.soyteb@example.vn";
        var created = api(PROVINCE, token(PROVINCE, "platform.admin"), "POST", "/api/v1/tenants",
                "{\"subdomain\":\"soytebthu\",\"name\":\"Sở Y tế B Thử\",\"kind\":\"DEPARTMENT\","
                        + "\"headName\":\"Đỗ Thị Hoa\",\"headEmail\":\"" + to + "\"}");
        long site = Long.parseLong(field(created.body(), "id"));
        long id = Long.parseLong(nested(created.body(), "headMail", "id"));
        awaitStatus(id, "SENT");

        String provinceHead = token(PROVINCE, "thainguyen.truongban");
        var listed = api(PROVINCE, provinceHead, "GET", "/api/v1/mail", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"to\":\"" + to + "\"", "Sở Y tế B Thử", "\"status\":\"SENT\"",
                "\"tenantId\":" + site, "\"kind\":\"site.head-link\"");
        assertThat(listed.body()).as("never a body").doesNotContain("kich-hoat").doesNotContain("Kính gửi");
        assertThat(api(PROVINCE, provinceHead, "GET", "/api/v1/mail?status=SENT", null).body()).contains(to);
        assertThat(api(PROVINCE, provinceHead, "GET", "/api/v1/mail?status=QUEUED", null).body()).doesNotContain(to);
        assertThat(api(PROVINCE, provinceHead, "GET", "/api/v1/mail?status=nope", null).statusCode()).isEqualTo(422);

        // Another site's board: not on the API, and not through the wall either.
        var department = api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "GET", "/api/v1/mail", null);
        assertThat(department.statusCode()).isEqualTo(403);
        assertThat(department.body()).doesNotContain(to);
        assertThat(api(COMMUNE, token(COMMUNE, "phandinhphung.truongban"), "GET", "/api/v1/mail", null).statusCode())
                .isEqualTo(403);
        long sotaichinh = directory.snapshot().child(provinceId(), "sotaichinh").id();
        assertThat(outbox.recent(TenantScope.of(sotaichinh), null)).noneMatch(m -> m.id() == id);
        String other = Fixtures.flatProvince(provisioning, "thumail");
        var otherProvince = directory.snapshot().provinces().stream()
                .filter(p -> p.baseDomains().contains(other)).findFirst().orElseThrow();
        assertThat(outbox.recent(TenantScope.subtree(directory.snapshot().subtreeIds(otherProvince)), null))
                .noneMatch(m -> m.id() == id);
        assertThat(outbox.recent(TenantScope.of(site), null)).anyMatch(m -> m.id() == id);
        // Hand-written SQL as the application role, with no scope: no row at all.
        try (var c = db().app(); var rs = c.createStatement().executeQuery("SELECT count(*) FROM mail_outbox")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        // And the province's console shows who was told.
        String cookie = "portal_session=" + provinceHead;
        var console = get(PROVINCE, "/admin/trang-thanh-phan", "Cookie", cookie);
        assertThat(console.body()).contains("Thư đã gửi gần đây").contains(to);
    }

    @Test
    void aMergedSiteKeepsItsMailAndADeletedOneTakesItAlong() {
        String admin = token(PROVINCE, "platform.admin");
        long a = siteWithHead(admin, "xagopthu", "Xã Gộp Thử", "a.xagop@example.vn");
        long b = siteWithHead(admin, "xanhanthu", "Xã Nhận Thử", "b.xanhan@example.vn");
        var merged = api(PROVINCE, admin, "POST", "/api/v1/tenants/" + a + "/merge", "{\"into\":" + b + "}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(ownerCount("SELECT count(*) FROM mail_outbox WHERE tenant_id = " + a)).as("A's mail stays A's")
                .isEqualTo(1);

        long c = siteWithHead(admin, "xaxoathu", "Xã Xóa Thử", "c.xaxoa@example.vn");
        assertThat(api(PROVINCE, admin, "PATCH", "/api/v1/tenants/" + c, "{\"status\":\"ARCHIVED\"}").statusCode())
                .isEqualTo(200);
        var deleted = api(PROVINCE, admin, "DELETE", "/api/v1/tenants/" + c + "?confirm=xaxoathu", null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"mail_outbox\":1");
        assertThat(ownerCount("SELECT count(*) FROM mail_outbox WHERE tenant_id = " + c)).isZero();
    }

    @Test
    void anHtmlBodyTravelsBesideTheText() throws Exception {
        String to = "html.thu@example.vn";
        long id = db.write(TenantScope.of(provinceId()), ctx -> outbox.enqueue(ctx,
                Mail.of(provinceId(), "test.html", to, "Thư thử có HTML", "Nội dung thuần văn bản.")
                        .withHtml("<p>Nội dung <strong>HTML</strong>.</p>"))).id();
        MimeMessage mail = only(awaitMail(to, 1));
        var parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat((String) parts.getBodyPart(0).getContent()).isEqualTo("Nội dung thuần văn bản.");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<strong>HTML</strong>");
        awaitStatus(id, "SENT");
        try (var c = db().owner(); var rs = row(c, id)) {
            assertThat(rs.getString("body_html")).as("not a secret: kept").contains("<strong>");
        }
    }

    @Test
    void theSendersBackoffDoublesUpToItsCap() {
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(sender.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(sender.backoff(30)).isEqualTo(Duration.ofMillis(800));
    }

    // ------------------------------------------------------------------ helpers

    private long siteWithHead(String admin, String label, String name, String email) {
        var r = api(PROVINCE, admin, "POST", "/api/v1/tenants", "{\"subdomain\":\"" + label + "\",\"name\":\"" + name
                + "\",\"kind\":\"COMMUNE\",\"headName\":\"Trần Văn Khoa\",\"headEmail\":\"" + email + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Long.parseLong(field(r.body(), "id"));
    }

    private long ownerCount(String sql) {
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long provinceId() {
        return directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow().id();
    }

    private long file(String label, String unit, String headEmail, String address) {
        var r = send(PROVINCE, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                        "{\"unitName\":\"" + unit + "\",\"kind\":\"COMMUNE\",\"subdomain\":\"" + label
                                + "\",\"headName\":\"Nguyễn Thị Bình\",\"headEmail\":\"" + headEmail
                                + "\",\"reason\":\"Xã cần trang để công khai thủ tục hành chính\"}")),
                "/api/v1/site-requests", pow().headers("Content-Type", "application/json", "X-Forwarded-For", address));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(nested(r.body(), "mail", "status")).isEqualTo("QUEUED");
        assertThat(nested(r.body(), "mail", "to")).isEqualTo(headEmail);
        return Long.parseLong(field(r.body(), "id"));
    }

    /** A field of a nested JSON object: {@code "outer":{…"name":value…}}. */
    private static String nested(String json, String outer, String name) {
        Matcher m = Pattern.compile("\"" + outer + "\":(\\{[^{}]*})").matcher(json);
        assertThat(m.find()).as(outer + " in " + json).isTrue();
        return field(m.group(1), name);
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
        List<MimeMessage> all = received(to);
        assertThat(all).as("messages to " + to).hasSize(count);
        return all;
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitStatus(long id, String status) {
        await("mail " + id + " " + status, () -> status.equals(stringColumn(id, "status")));
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

    /** The row of a message, read as the schema owner (past the wall: the test looks at everything). */
    private ResultSet row(java.sql.Connection c, long id) throws SQLException {
        var st = c.prepareStatement("SELECT * FROM mail_outbox WHERE id = ?");
        st.setLong(1, id);
        ResultSet rs = st.executeQuery();
        assertThat(rs.next()).as("mail " + id).isTrue();
        return rs;
    }

    private String stringColumn(long id, String column) {
        try (var c = db().owner(); var rs = row(c, id)) {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int intColumn(long id, String column) {
        try (var c = db().owner(); var rs = row(c, id)) {
            return rs.getInt(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ownerUpdate(String sql) {
        try (var c = db().owner(); var st = c.createStatement()) {
            assertThat(st.executeUpdate(sql)).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A solved proof of work of the province's request form, as its page's script would send it. */
    private ProofOfWorkSolver.Solution pow() {
        return ProofOfWorkSolver.solve(get(PROVINCE, "/api/v1/pow/challenge?form=site-request").body());
    }
}
