package vn.gov.portal.infra.mail;

import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;

/**
 * A message to write to the outbox: the site it concerns, what kind of message it is (e.g.
 * {@code site.head-link}), one recipient, a subject, a plain-text body and optionally an HTML one.
 *
 * @param secret     the body opens a door (a one-time sign-in link): it is wiped once the message
 *                   is sent or given up, and never kept when mail is not configured
 * @param validUntil past this the message is pointless (its link expired) and is not sent any more
 */
public record Mail(long tenantId, String kind, String to, String subject, String text, @Nullable String html,
                   boolean secret, @Nullable OffsetDateTime validUntil) {

    public static Mail of(long tenantId, String kind, String to, String subject, String text) {
        return new Mail(tenantId, kind, to, subject, text, null, false, null);
    }

    /** The same message, carrying a secret that stops being worth sending at {@code validUntil}. */
    public Mail secret(OffsetDateTime validUntil) {
        return new Mail(tenantId, kind, to, subject, text, html, true, validUntil);
    }

    public Mail withHtml(String html) {
        return new Mail(tenantId, kind, to, subject, text, html, secret, validUntil);
    }
}
