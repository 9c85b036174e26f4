package vn.gov.portal.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * A real SMTP server for a test class (GreenMail on a free loopback port), and the application's
 * mail settings that send to it: plain SMTP (GreenMail offers no STARTTLS, which the default
 * requires) and a sender that looks for due messages every 100 ms, so a test waits little.
 */
public final class TestSmtp {
    private TestSmtp() {
    }

    /** Started; the test class stops it when it is done. */
    public static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** The properties that point the application's mail at {@code smtp}, sending as {@code from}. */
    public static Map<String, String> properties(GreenMail smtp, String from) {
        return Map.of(
                "portal.smtp.host", "127.0.0.1",
                "portal.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                "portal.smtp.starttls", "false",
                "portal.smtp.from", from,
                "portal.mail.sender-interval", "100ms");
    }
}
