package vn.gov.portal.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.portal.testing.Eventually.within;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestSmtp;

/**
 * A message the sender cannot finish (its row cannot be marked: here a fault the database raises)
 * is logged and tried again next run; the messages queued after it still go out. Before, the
 * failure left the run at that message every time, and nothing behind it was ever sent.
 */
@MicronautTest(transactional = false)
class MailSenderGoesOnPastAFailingMessageTest extends PortalTest {
    private final GreenMail smtp = TestSmtp.start();

    @Inject
    MailOutbox outbox;
    @Inject
    TenantDb db;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantProvisioning provisioning;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(TestSmtp.properties(smtp, "Cổng thử nghiệm <bbt@thu.test>"));
        return p;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void theMessagesAfterAFailingOneAreStillSent() throws Exception {
        String domain = Fixtures.flatProvince(provisioning, "thugui");
        long province = directory.snapshot().provinces().stream().filter(p -> p.baseDomains().contains(domain))
                .findFirst().orElseThrow().id();
        ownerSql("CREATE FUNCTION test_refuse_mail_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'test: this message cannot be marked'; END $$");
        ownerSql("CREATE TRIGGER test_refuse_mail_update BEFORE UPDATE ON mail_outbox FOR EACH ROW "
                + "WHEN (OLD.recipient = 'hong@" + domain + "') EXECUTE FUNCTION test_refuse_mail_update()");
        try {
            // Queued together, the failing one first (the sender takes them in id order).
            db.write(TenantScope.of(province), ctx -> {
                outbox.enqueue(ctx, Mail.of(province, "test", "hong@" + domain, "Thư hỏng", "Thư này không đánh dấu được."));
                outbox.enqueue(ctx, Mail.of(province, "test", "tot@" + domain, "Thư sau", "Thư này phải đi."));
                return null;
            });
            assertThat(within(20_000, () -> receivedBy("tot@" + domain)))
                    .as("the message queued after the failing one").isTrue();
        } finally {
            ownerSql("DROP TRIGGER test_refuse_mail_update ON mail_outbox");
            ownerSql("DROP FUNCTION test_refuse_mail_update()");
        }
    }

    private boolean receivedBy(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        });
    }

    private void ownerSql(String sql) throws SQLException {
        try (var c = db().owner(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
