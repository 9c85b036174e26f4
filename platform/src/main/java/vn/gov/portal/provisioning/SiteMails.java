package vn.gov.portal.provisioning;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jooq.DSLContext;
import vn.gov.portal.identity.SignInLinks;
import vn.gov.portal.infra.mail.Mail;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.Tenant;

/**
 * The e-mails of a site's creation and of the requests for one, written to the outbox inside the
 * transaction of the change (texts: {@code mail.*} in the message bundle, Vietnamese, signed by
 * the province's portal board). Each returns what the person who caused it is told: queued, or
 * not sent because no SMTP server is configured.
 */
@Singleton
public class SiteMails {
    static final String HEAD_LINK = "site.head-link";
    static final String REQUEST_FILED = "request.filed";
    static final String REQUEST_DECLINED = "request.declined";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private final MailOutbox outbox;
    private final Templates templates;
    private final Clock clock;

    public SiteMails(MailOutbox outbox, Templates templates, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.clock = clock;
    }

    /** The head of a new site's board gets their one-time link: a secret, wiped once sent. */
    MailOutbox.Queued headLink(DSLContext ctx, Tenant province, long siteId, String siteName, String siteAddress,
                               String headName, String headEmail, String username, String link) {
        OffsetDateTime expires = OffsetDateTime.now(clock).plus(SignInLinks.LIFETIME);
        String board = inSentence(province.name());
        // A province's own head is seated by the platform operator, before the province has a
        // board: their mail must not say that board created a component site named after the
        // province, nor send them to that board (themselves) for a new link.
        boolean provinceItself = siteId == province.id();
        String kind = provinceItself ? "mail.province-head-link" : "mail.head-link";
        String body = text(kind + ".body", headName, board, siteName, siteAddress, username, link,
                WHEN.format(expires.atZoneSameInstant(ProvinceTime.ZONE)));
        return outbox.enqueue(ctx, Mail.of(siteId, HEAD_LINK, headEmail,
                text(kind + ".subject", provinceItself ? board : siteName),
                body + (provinceItself ? "\n\n" + text("mail.platform-signature") : signed(board))).secret(expires));
    }

    /**
     * Whoever filed a request is told it arrived, at the address the form was given. Anyone may
     * file and name any address, so the mail is fixed text: the province and the request's
     * number, nothing the filer typed (no name, unit or reason), or the province's official
     * sender would carry a stranger's words to a stranger. What was typed goes only to the
     * province's board, in its console.
     */
    MailOutbox.Queued requestFiled(DSLContext ctx, Tenant province, long requestId, String headEmail) {
        String board = inSentence(province.name());
        String number = Long.toString(requestId);
        return outbox.enqueue(ctx, Mail.of(province.id(), REQUEST_FILED, headEmail,
                text("mail.request-filed.subject", number),
                text("mail.request-filed.body", board, number) + signed(board)));
    }

    /**
     * A declined request: the unit is told why, in the board's words only. The address is still
     * the one anybody typed, so, as for the acknowledgement, nothing the filer wrote goes with it.
     */
    MailOutbox.Queued requestDeclined(DSLContext ctx, Tenant province, long requestId, String headEmail,
                                      String reason) {
        String board = inSentence(province.name());
        String number = Long.toString(requestId);
        return outbox.enqueue(ctx, Mail.of(province.id(), REQUEST_DECLINED, headEmail,
                text("mail.request-declined.subject", number),
                text("mail.request-declined.body", board, number, reason) + signed(board)));
    }

    private String signed(String board) {
        return "\n\n" + text("mail.signature", board);
    }

    private String text(String key, Object... args) {
        return templates.message(Templates.VIETNAMESE, key, args);
    }

    /** "Tỉnh Thái Nguyên" inside a sentence: "Cổng Thông tin điện tử tỉnh Thái Nguyên". */
    static String inSentence(String provinceName) {
        for (String unit : new String[] {"Tỉnh ", "Thành phố "}) {
            if (provinceName.startsWith(unit)) {
                return unit.toLowerCase(Locale.ROOT) + provinceName.substring(unit.length());
            }
        }
        return provinceName;
    }
}
