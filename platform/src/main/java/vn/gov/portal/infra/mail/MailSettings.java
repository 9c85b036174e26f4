package vn.gov.portal.infra.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The SMTP server mail leaves through, from the environment: PORTAL_SMTP_HOST, PORTAL_SMTP_PORT,
 * PORTAL_SMTP_USER, PORTAL_SMTP_PASSWORD, PORTAL_SMTP_FROM, PORTAL_SMTP_STARTTLS.
 *
 * <p>Without a host, mail is <em>not configured</em>: messages are still written to the outbox
 * (marked NOT_CONFIGURED, so whoever caused one is told it was not sent) and nothing connects
 * anywhere. That is the default, so a developer's machine and the tests never send mail.
 */
@ConfigurationProperties("portal.smtp")
public class MailSettings {
    private @Nullable String host;
    private int port;
    private @Nullable String user;
    private @Nullable String password;
    private @Nullable String from;
    /**
     * On by default: a password and one-time links must not cross the network in clear. A relay
     * on the same machine without TLS needs PORTAL_SMTP_STARTTLS=false.
     */
    private boolean starttls = true;

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public @Nullable String getHost() {
        return configured() ? host.strip() : null;
    }

    public void setHost(@Nullable String host) {
        this.host = host;
    }

    /** 587 (submission) with STARTTLS, 25 without, unless set (0 is unset). */
    public int getPort() {
        return port > 0 ? port : starttls ? 587 : 25;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public @Nullable String getUser() {
        return user == null || user.isBlank() ? null : user.strip();
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    public @Nullable String getPassword() {
        return password == null || password.isEmpty() ? null : password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    /** The sender ("Cổng TTĐT <bbt@example.gov.vn>" or a bare address); else the user, if it is an address. */
    public @Nullable String getFrom() {
        if (from != null && !from.isBlank()) {
            return from.strip();
        }
        String u = getUser();
        return u != null && u.contains("@") ? u : null;
    }

    public void setFrom(@Nullable String from) {
        this.from = from;
    }

    public boolean isStarttls() {
        return starttls;
    }

    public void setStarttls(boolean starttls) {
        this.starttls = starttls;
    }

    /** For the start-up log: where mail goes, never the password. */
    String describe() {
        return configured() ? getHost() + ":" + getPort() + (starttls ? " (STARTTLS)" : " (no TLS)") + ", from "
                + getFrom() + (getUser() != null ? ", as " + getUser() : "") : "not configured (PORTAL_SMTP_HOST unset)";
    }
}
