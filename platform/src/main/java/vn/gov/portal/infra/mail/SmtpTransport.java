package vn.gov.portal.infra.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * Hands one message to the configured SMTP server (Jakarta Mail, Eclipse Angus). A connection per
 * message: the platform sends a few messages a day, and a fresh connection never carries a broken
 * one's state into the next attempt.
 */
@Singleton
class SmtpTransport {
    /** Seconds, as milliseconds: a server that does not answer must not hold the sender for long. */
    private static final String CONNECT_TIMEOUT = "10000";
    private static final String IO_TIMEOUT = "30000";
    private final MailSettings settings;
    private final Session session;

    SmtpTransport(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        if (settings.configured()) {
            p.put("mail.transport.protocol", "smtp");
            p.put("mail.smtp.host", settings.getHost());
            p.put("mail.smtp.port", String.valueOf(settings.getPort()));
            p.put("mail.smtp.auth", String.valueOf(settings.getUser() != null));
            p.put("mail.smtp.starttls.enable", String.valueOf(settings.isStarttls()));
            // Required, not merely tried: a server that does not offer TLS gets nothing in clear.
            p.put("mail.smtp.starttls.required", String.valueOf(settings.isStarttls()));
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            p.put("mail.smtp.connectiontimeout", CONNECT_TIMEOUT);
            p.put("mail.smtp.timeout", IO_TIMEOUT);
            p.put("mail.smtp.writetimeout", IO_TIMEOUT);
        }
        this.session = Session.getInstance(p);
    }

    /** What the outbox holds of one message. */
    record Outgoing(long id, String to, String subject, String text, @Nullable String html) {
    }

    void send(Outgoing m) throws MessagingException {
        String from = settings.getFrom();
        if (from == null) {
            throw new MessagingException("PORTAL_SMTP_FROM is not set (nor PORTAL_SMTP_USER as an address)");
        }
        InternetAddress sender = new InternetAddress(from, true);
        if (sender.getPersonal() != null) {
            // "Cổng TTĐT tỉnh Thái Nguyên <bbt@…>": the name goes out encoded (RFC 2047), not as raw UTF-8.
            try {
                sender.setPersonal(sender.getPersonal(), "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        MimeMessage message = new MimeMessage(session);
        message.setFrom(sender);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
        message.setSubject(m.subject(), "UTF-8");
        message.setSentDate(new Date());
        // RFC 3834: written by a program, so out-of-office replies and the like are not sent back.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (m.html() == null) {
            message.setText(m.text(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.html(), "UTF-8", "html");
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
        }
        if (settings.getUser() != null) {
            Transport.send(message, settings.getUser(), settings.getPassword());
        } else {
            Transport.send(message);
        }
    }

    /**
     * A failure that another attempt cannot mend: an address that does not parse, or one the
     * server refused for good (5xx). Anything else (no connection, a 4xx, a timeout) is tried again.
     */
    static boolean permanent(MessagingException failure) {
        // Jakarta Mail chains an exception's "next" one as its cause.
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof AddressException) {
                return true;
            }
            if (e instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure in one line for last_error: each cause's message, without a stack trace (a
     * refused connection reads "MailConnectException: Couldn't connect to host… <- ConnectException:
     * Connection refused").
     */
    static String describe(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure; t != null && b.length() < 1000; t = t.getCause()) {
            if (!b.isEmpty()) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage().replaceAll("\\s+", " ").strip());
            }
        }
        return b.length() > 1000 ? b.substring(0, 997) + "..." : b.toString();
    }
}
