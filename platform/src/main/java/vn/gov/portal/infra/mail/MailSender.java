package vn.gov.portal.infra.mail;

import static vn.gov.portal.db.Tables.MAIL_OUTBOX;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.db.tables.records.MailOutboxRecord;
import vn.gov.portal.infra.db.OneNodeJobs;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;

/**
 * Sends what the outbox holds when it is due, on one node at a time ({@link OneNodeJobs}).
 *
 * <p>A failed attempt is written down (attempts, last_error) and tried again after a backoff
 * that doubles from {@code portal.mail.retry-after} up to {@code portal.mail.retry-max}; after
 * {@code portal.mail.max-attempts} attempts, on an address the server refuses for good, or once
 * its link has expired, the message is given up (FAILED). A secret body is wiped as soon as the
 * message is sent or given up.
 *
 * <p>Delivery is at least once: a node that dies between the server's "250 OK" and the update
 * that marks the message sent sends it again next time. Sending twice is better than not at all.
 */
@Singleton
public class MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    static final String JOB = "infra.mail.sender";
    /** Messages one run sends at most; the rest wait for the next run. */
    private static final int BATCH = 50;
    private final TenantDb db;
    private final OneNodeJobs jobs;
    private final MailSettings settings;
    private final SmtpTransport transport;
    private final int maxAttempts;
    private final Duration retryAfter;
    private final Duration retryMax;
    private final Clock clock;

    public MailSender(TenantDb db, OneNodeJobs jobs, MailSettings settings, SmtpTransport transport,
                      @Value("${portal.mail.max-attempts:8}") int maxAttempts,
                      @Value("${portal.mail.retry-after:1m}") Duration retryAfter,
                      @Value("${portal.mail.retry-max:1h}") Duration retryMax, Clock clock) {
        this.db = db;
        this.jobs = jobs;
        this.settings = settings;
        this.transport = transport;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryAfter = retryAfter;
        this.retryMax = retryMax;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        LOG.info("Mail: {}", settings.describe());
    }

    @Scheduled(fixedDelay = "${portal.mail.sender-interval:1s}", initialDelay = "3s")
    void run() {
        // Without a server there is nothing to send with; messages a node with one queued wait for it.
        if (settings.configured()) {
            jobs.tryRun(JOB, this::sendDue);
        }
    }

    /** One run: every due message, each read, sent and marked in its own tenant's scope. */
    void sendDue() {
        // due_mail (V19) is the sender's one door across tenants: ids only.
        var due = db.directory(ctx -> ctx.fetch("SELECT tenant_id, mail_id FROM due_mail(?)", BATCH));
        for (var row : due) {
            long tenant = row.get(0, Long.class);
            long id = row.get(1, Long.class);
            // A failure outside the sending itself (reading or marking the row) is this message's
            // alone: logged, retried at the next run, and the rest of the batch still goes.
            try {
                attempt(tenant, id);
            } catch (RuntimeException e) {
                LOG.error("Mail {} of tenant {}: could not be handled; the others go on", id, tenant, e);
            }
        }
    }

    private void attempt(long tenant, long id) {
        TenantScope scope = TenantScope.of(tenant);
        MailOutboxRecord m = db.read(scope, ctx -> ctx.selectFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.ID.eq(id)).and(MAIL_OUTBOX.STATUS.eq(MailOutbox.Status.QUEUED.name())).fetchOne());
        if (m == null) {
            return;
        }
        if (m.getValidUntil() != null && m.getValidUntil().isBefore(OffsetDateTime.now(clock))) {
            finish(scope, m, MailOutbox.Status.FAILED, m.getAttempts(), "Not sent before it expired");
            LOG.warn("Mail {} of tenant {}: expired before it could be sent, given up", id, tenant);
            return;
        }
        try {
            transport.send(new SmtpTransport.Outgoing(m.getId(), m.getRecipient(), m.getSubject(), m.getBodyText(),
                    m.getBodyHtml()));
        } catch (MessagingException | RuntimeException e) {
            int attempts = m.getAttempts() + 1;
            String error = SmtpTransport.describe(e);
            boolean giveUp = attempts >= maxAttempts
                    || e instanceof MessagingException me && SmtpTransport.permanent(me);
            LOG.warn("Mail {} of tenant {}: attempt {} failed{}: {}", id, tenant, attempts,
                    giveUp ? ", given up" : "", error);
            if (giveUp) {
                finish(scope, m, MailOutbox.Status.FAILED, attempts, error);
            } else {
                db.write(scope, ctx -> ctx.update(MAIL_OUTBOX)
                        .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                        .set(MAIL_OUTBOX.LAST_ERROR, error)
                        // the database's time, as due_mail reads it (see MailOutbox.enqueue)
                        .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, DSL.field("now() + {0} * interval '1 millisecond'",
                                OffsetDateTime.class, DSL.val(backoff(attempts).toMillis())))
                        .where(MAIL_OUTBOX.ID.eq(id)).and(MAIL_OUTBOX.STATUS.eq(MailOutbox.Status.QUEUED.name()))
                        // Changed by hand meanwhile (attempts reset, say): that change stands.
                        .and(MAIL_OUTBOX.ATTEMPTS.eq(m.getAttempts()))
                        .execute());
            }
            return;
        }
        finish(scope, m, MailOutbox.Status.SENT, m.getAttempts() + 1, null);
        LOG.info("Mail {} ({}) of tenant {} sent", id, m.getKind(), tenant);
    }

    /** Sent or given up: out of the queue, and a secret body is gone (the table's check insists). */
    private void finish(TenantScope scope, MailOutboxRecord m, MailOutbox.Status status, int attempts,
                        @Nullable String error) {
        Field<OffsetDateTime> now = DSL.currentOffsetDateTime();
        db.write(scope, ctx -> {
            UpdateSetMoreStep<MailOutboxRecord> update = ctx.update(MAIL_OUTBOX)
                    .set(MAIL_OUTBOX.STATUS, status.name())
                    .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                    .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                    .set(MAIL_OUTBOX.SENT_AT, status == MailOutbox.Status.SENT ? now : DSL.val(null, OffsetDateTime.class))
                    .set(MAIL_OUTBOX.LAST_ERROR, error == null ? m.getLastError() : error);
            if (m.getSecret()) {
                update = update.set(MAIL_OUTBOX.BODY_TEXT, (String) null).set(MAIL_OUTBOX.BODY_HTML, (String) null)
                        .set(MAIL_OUTBOX.WIPED_AT, now);
            }
            return update.where(MAIL_OUTBOX.ID.eq(m.getId()))
                    .and(MAIL_OUTBOX.STATUS.eq(MailOutbox.Status.QUEUED.name())).execute();
        });
    }

    /** retry-after, doubled for each further failure, never more than retry-max. */
    Duration backoff(int attempts) {
        Duration wait = retryAfter;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
