package vn.gov.portal.infra.mail;

import static vn.gov.portal.db.Tables.MAIL_OUTBOX;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;

/**
 * The transactional outbox (V19): a feature writes a message in the same transaction as the
 * change that causes it, and {@link MailSender} sends it after the commit. A change that rolls
 * back takes its message with it; a message whose sending fails is retried, not lost.
 */
@Singleton
public class MailOutbox {
    /** How many messages a listing shows at most, newest first. */
    static final int LISTING_LIMIT = 200;

    public enum Status {
        /** Waiting to be sent, or to be tried again. */
        QUEUED,
        SENT,
        /** Given up: too many failed attempts, a refused address, or its link expired first. */
        FAILED,
        /** No SMTP server was configured when it was written: recorded, never sent. */
        NOT_CONFIGURED
    }

    /** What the person who caused a message is told about it. */
    @Serdeable
    public record Queued(long id, String to, Status status) {
    }

    /** A message as a listing shows it: who was told what and when, never the body. */
    @Serdeable
    public record Entry(long id, long tenantId, String kind, String to, String subject, Status status, int attempts,
                        OffsetDateTime createdAt, @Nullable OffsetDateTime nextAttemptAt,
                        @Nullable OffsetDateTime sentAt, @Nullable String lastError, boolean wiped) {
    }

    private final MailSettings settings;
    private final TenantDb db;

    public MailOutbox(MailSettings settings, TenantDb db) {
        this.settings = settings;
        this.db = db;
    }

    /**
     * Writes {@code mail} in the caller's transaction, whose scope must include its tenant. With
     * no SMTP server configured it is recorded as NOT_CONFIGURED, and a secret body is not kept
     * at all: nothing will ever send it.
     */
    public Queued enqueue(DSLContext ctx, Mail mail) {
        boolean sendable = settings.configured();
        boolean keepBody = sendable || !mail.secret();
        // The queue's times are the database's: due_mail compares them with its now(), and a
        // test that moves the application's clock must not push a mail out of reach.
        Field<OffsetDateTime> now = DSL.currentOffsetDateTime();
        Field<OffsetDateTime> never = DSL.val(null, OffsetDateTime.class);
        Status status = sendable ? Status.QUEUED : Status.NOT_CONFIGURED;
        long id = ctx.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.TENANT_ID, mail.tenantId())
                .set(MAIL_OUTBOX.KIND, mail.kind())
                .set(MAIL_OUTBOX.RECIPIENT, mail.to().strip())
                // A subject is one header line: a line break in it would start another header.
                .set(MAIL_OUTBOX.SUBJECT, VietnameseText.nfc(mail.subject()).replaceAll("[\\r\\n]+", " ").strip())
                .set(MAIL_OUTBOX.BODY_TEXT, keepBody ? VietnameseText.nfc(mail.text()) : null)
                .set(MAIL_OUTBOX.BODY_HTML, keepBody ? VietnameseText.nfc(mail.html()) : null)
                .set(MAIL_OUTBOX.SECRET, mail.secret())
                .set(MAIL_OUTBOX.STATUS, status.name())
                .set(MAIL_OUTBOX.CREATED_AT, now)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, sendable ? now : never)
                .set(MAIL_OUTBOX.VALID_UNTIL, mail.validUntil())
                .set(MAIL_OUTBOX.WIPED_AT, keepBody ? never : now)
                .returning(MAIL_OUTBOX.ID).fetchOne(MAIL_OUTBOX.ID);
        return new Queued(id, mail.to().strip(), status);
    }

    /** The newest messages of the sites in {@code scope}, of one status or all. */
    public List<Entry> recent(TenantScope scope, @Nullable Status status) {
        return db.read(scope, ctx -> ctx.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.TENANT_ID, MAIL_OUTBOX.KIND,
                        MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.STATUS, MAIL_OUTBOX.ATTEMPTS,
                        MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.SENT_AT,
                        MAIL_OUTBOX.LAST_ERROR, MAIL_OUTBOX.WIPED_AT)
                .from(MAIL_OUTBOX)
                .where(status == null ? DSL.noCondition() : MAIL_OUTBOX.STATUS.eq(status.name()))
                .orderBy(MAIL_OUTBOX.CREATED_AT.desc(), MAIL_OUTBOX.ID.desc())
                .limit(LISTING_LIMIT)
                .fetch(r -> new Entry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        Status.valueOf(r.value6()), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(),
                        r.value12() != null)));
    }
}
