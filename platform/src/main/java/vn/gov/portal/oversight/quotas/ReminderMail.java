package vn.gov.portal.oversight.quotas;

/** What became of a month's reminder: {@code quota_reminders.mail_status} (V25, text). */
enum ReminderMail {
    /** A mail to each head waits in the outbox. */
    QUEUED,
    /** Written to the outbox, but the platform has no SMTP server to send it. */
    NOT_CONFIGURED,
    /** The site's heads have no e-mail address: nothing to send. */
    NO_ADDRESS
}
