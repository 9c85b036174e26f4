package vn.gov.portal.oversight.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Eventually;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestSmtp;

/**
 * Issue 6, item 5: a few working days before the month ends, a site short of its quota is told,
 * once: its head by e-mail through a real SMTP server (GreenMail), its board in the back office,
 * and the province sees who was told. No reminder goes out on a day off, and one site whose
 * reminder fails does not keep the others from theirs.
 */
@MicronautTest(transactional = false)
class QuotaRemindersTest extends PortalTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private final GreenMail smtp = TestSmtp.start();
    @Inject
    MovableClock clock;
    @Inject
    QuotaReminders reminders;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    @Override
    protected boolean movesTheClock() {
        return true;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(TestSmtp.properties(smtp, "cong@thainguyen.gov.vn"));
        return p;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aShortSiteIsToldOnceNearTheMonthsEnd() throws Exception {
        // Thursday 26/11/2026: 27/11 and 30/11 are the working days left.
        clock.set(LocalDateTime.parse("2026-11-26T09:00").atZone(VIETNAM).toInstant());
        String domain = Fixtures.flatProvince(provisioning, "nhac");
        Tenant province = province(domain);
        Tenant so = directory.snapshot().child(province.id(), "so");
        long head = accounts.create("nhac.truongban", "Trần Thị Nhắc", "nhac.truongban@example.vn", DEMO_PASSWORD, null);
        accounts.grant(so.id(), head, Role.HEAD, "test");

        assertThat(reminders.remind(province)).as("the department (a head with an address) and the commune (none)")
                .isEqualTo(2);
        assertThat(reminders.remind(province)).as("once a month").isZero();
        // The sender serves every site's queue: a mail another class left queued may arrive here too.
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> toHead().length == 1)).isTrue();
        var mail = toHead()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("nhac.truongban@example.vn");
        assertThat(mail.getSubject()).contains("Nhắc định mức cung cấp tin tháng 11/2026");
        assertThat(GreenMailUtil.getBody(mail)).contains("0/2").contains("2 ng");

        String admin = token(domain, "platform.admin");
        var listed = api(domain, admin, "GET", "/api/v1/oversight/reminders", null).body();
        assertThat(listed).contains("\"tenantId\":" + so.id()).contains("\"mailStatus\":\"QUEUED\"")
                .contains("nhac.truongban@example.vn").contains("\"workingDaysLeft\":2").contains("NO_ADDRESS");
        var home = send("so." + domain, java.net.http.HttpRequest.newBuilder().GET(), "/admin",
                "Authorization", "Bearer " + token("so." + domain, "nhac.truongban"));
        assertThat(home.body()).contains("0/2 tin được Cổng tỉnh tiếp nhận").contains("Cổng tỉnh đã gửi lời nhắc");

        assertThat(api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "GET", "/api/v1/oversight/reminders",
                null).statusCode()).as("a department's head").isEqualTo(403);
        assertThat(api(PROVINCE, token(PROVINCE, "platform.admin"), "GET", "/api/v1/oversight/reminders", null).body())
                .as("another province's list").doesNotContain("nhac.truongban@example.vn");
    }

    @Test
    void nobodyIsRemindedOnADayOff() {
        clock.set(LocalDateTime.parse("2026-11-29T09:00").atZone(VIETNAM).toInstant()); // a Sunday
        Tenant province = province(Fixtures.flatProvince(provisioning, "nhacb"));
        assertThat(reminders.remind(province)).isZero();
        clock.set(LocalDateTime.parse("2026-11-30T09:00").atZone(VIETNAM).toInstant());
        assertThat(reminders.remind(province)).isEqualTo(2);
    }

    @Test
    void aSiteWhoseReminderFailsDoesNotKeepTheOthersFromTheirs() throws Exception {
        clock.set(LocalDateTime.parse("2026-11-26T09:00").atZone(VIETNAM).toInstant());
        Tenant province = province(Fixtures.flatProvince(provisioning, "nhacc"));
        Tenant so = directory.snapshot().child(province.id(), "so");
        // A fault in the department's row alone (the database refuses it), every time until mended.
        ownerSql("CREATE FUNCTION test_refuse_reminder() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'test: this reminder cannot be kept'; END $$");
        ownerSql("CREATE TRIGGER test_refuse_reminder BEFORE INSERT ON quota_reminders FOR EACH ROW "
                + "WHEN (NEW.tenant_id = " + so.id() + ") EXECUTE FUNCTION test_refuse_reminder()");
        try {
            assertThat(reminders.remind(province)).as("the commune, past the department that failed").isEqualTo(1);
        } finally {
            ownerSql("DROP TRIGGER test_refuse_reminder ON quota_reminders");
            ownerSql("DROP FUNCTION test_refuse_reminder()");
        }
        assertThat(reminders.remind(province)).as("mended, the department at the next run").isEqualTo(1);
    }

    private void ownerSql(String sql) throws java.sql.SQLException {
        try (var c = db().owner(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private Tenant province(String domain) {
        return directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(domain.replace(".test", "")))
                .findFirst().orElseThrow();
    }


    private MimeMessage[] toHead() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("nhac.truongban@example.vn");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }
}
