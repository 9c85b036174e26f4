package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.MEMBERSHIPS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.mail.Mail;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.Tenant;

/**
 * A site's board, managed through the product: who sits on it, seating a person (a new
 * one gets an account and a one-time link by e-mail; someone who already has an account, a notice),
 * changing a seat, and ending one with the handover (TB Đ12.5, BG Đ17): their unfinished articles
 * pass to a colleague and their tokens stop opening the site, in one step that the audit log records.
 *
 * <p>Who manages: the site's SITE_ADMIN and HEAD, the province's head and site admin on the sites
 * under it (PROVINCE_…), and the platform admin. Nobody gives or touches a seat ranked above their
 * own ({@link Role#rank}), and the site always keeps a head. A change takes effect on the
 * person's next request ({@link LiveSeats}).
 */
@Singleton
public class Members {
    static final String LINK_MAIL = "member.link";
    static final String SEATED_MAIL = "member.seated";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9 +().-]{6,20}$");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private final TenantDb db;
    private final Accounts accounts;
    private final AuditLog audit;
    private final MailOutbox outbox;
    private final Templates templates;
    private final UnfinishedWork unfinished;
    private final Clock clock;

    public Members(TenantDb db, Accounts accounts, AuditLog audit, MailOutbox outbox, Templates templates,
                   UnfinishedWork unfinished, Clock clock) {
        this.unfinished = unfinished;
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.outbox = outbox;
        this.templates = templates;
        this.clock = clock;
    }

    @Serdeable
    public record Member(long accountId, String username, String fullName, @Nullable String email,
                         @Nullable String phone, List<String> roles) {
    }

    /** Someone to seat: a person, and the seat. */
    @Serdeable
    public record NewMember(@Nullable String fullName, @Nullable String email, @Nullable String phone,
                            @Nullable String role) {
    }

    /**
     * The member as the list shows them, whether their account is new, the e-mail they were sent,
     * and a new person's one-time link: shown to the manager as the console shows a new head's, so
     * it can be passed on another way when no mail server is configured.
     */
    public record Seated(Member member, boolean newAccount, @Nullable MailOutbox.Queued mail,
                         @Nullable String signInLink) {
    }

    /** Who is acting: the label the audit log writes, and the roles this request acts with. */
    public record Manager(String label, Set<String> roles) {
    }

    public List<Member> list(long tenantId, Set<String> callerRoles) {
        mustManage(callerRoles);
        return db.read(TenantScope.of(tenantId), ctx -> members(ctx, tenantId, null));
    }

    private static List<Member> members(DSLContext ctx, long tenantId, @Nullable Long onlyAccount) {
        var rows = ctx.select(ACCOUNTS.ID, ACCOUNTS.USERNAME, ACCOUNTS.FULL_NAME, ACCOUNTS.EMAIL, ACCOUNTS.PHONE,
                        MEMBERSHIPS.ROLE)
                .from(MEMBERSHIPS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(MEMBERSHIPS.ACCOUNT_ID))
                .where(MEMBERSHIPS.TENANT_ID.eq(tenantId))
                .and(onlyAccount == null ? DSL.noCondition() : MEMBERSHIPS.ACCOUNT_ID.eq(onlyAccount))
                .orderBy(ACCOUNTS.USERNAME, MEMBERSHIPS.ROLE).fetch();
        Map<Long, List<Record6<Long, String, String, String, String, String>>> byAccount = rows.stream()
                .collect(Collectors.groupingBy(r -> r.value1(), LinkedHashMap::new, Collectors.toList()));
        return byAccount.values().stream().map(rs -> new Member(rs.getFirst().value1(), rs.getFirst().value2(),
                rs.getFirst().value3(), rs.getFirst().value4(), rs.getFirst().value5(),
                rs.stream().map(r -> r.value6()).toList())).toList();
    }

    /**
     * Seats a person on the site's board. A new e-mail address makes a new account (username from
     * the address, {@link #usernameFor}) with no usable password and a one-time link to set one;
     * an address that already has an account gets the seat and a notice.
     *
     * @param linkBase scheme, host and port of the site as the caller reached it ("https://so.tinh.gov.vn")
     */
    public Seated add(Tenant site, Manager by, NewMember in, String linkBase) {
        mustManage(by.roles());
        String fullName = in.fullName() == null ? "" : VietnameseText.nfc(in.fullName().strip());
        if (fullName.length() < 2 || fullName.length() > 200) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "member.full-name", "fullName");
        }
        String email = in.email() == null ? "" : in.email().strip();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "member.email", "email");
        }
        String phone = in.phone() == null || in.phone().isBlank() ? null : in.phone().strip();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "member.phone", "phone");
        }
        Role role = seat(in.role());
        mayGive(by.roles(), role);
        return db.write(TenantScope.of(site.id()), ctx -> {
            Long existing = ctx.select(ACCOUNTS.ID).from(ACCOUNTS)
                    .where(DSL.lower(ACCOUNTS.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
                    .orderBy(ACCOUNTS.ID).limit(1).fetchOne(ACCOUNTS.ID);
            boolean fresh = existing == null;
            long account;
            if (fresh) {
                account = SignInLinks.invite(ctx, usernameFor(email, fullName), fullName, email);
                if (phone != null) {
                    ctx.update(ACCOUNTS).set(ACCOUNTS.PHONE, phone).where(ACCOUNTS.ID.eq(account)).execute();
                }
            } else {
                account = existing;
                if (ctx.fetchExists(MEMBERSHIPS, MEMBERSHIPS.TENANT_ID.eq(site.id()),
                        MEMBERSHIPS.ACCOUNT_ID.eq(account))) {
                    throw new ProblemException(HttpStatus.CONFLICT, "member.already-seated", "already-seated");
                }
            }
            // Joins this transaction (same scope): the quota check, the seat and its audit entry.
            accounts.grant(site.id(), account, role, by.label());
            Member member = members(ctx, site.id(), account).getFirst();
            String seatName = text("member.role." + role.name());
            MailOutbox.Queued mail;
            String link = null;
            if (fresh) {
                OffsetDateTime expires = OffsetDateTime.now(clock).plus(SignInLinks.LIFETIME);
                link = linkBase + SignInLinks.PATH + SignInLinks.issue(ctx, account, site.id(), "FIRST_SIGN_IN", OffsetDateTime.now(clock));
                mail = outbox.enqueue(ctx, Mail.of(site.id(), LINK_MAIL, email,
                        text("mail.member-link.subject", site.name()),
                        // The link works once: the mail also says where to sign in afterwards.
                        text("mail.member-link.body", member.fullName(), site.name(), seatName, member.username(), link,
                                WHEN.format(expires.atZoneSameInstant(ProvinceTime.ZONE)), linkBase + "/admin")).secret(expires));
            } else {
                mail = outbox.enqueue(ctx, Mail.of(site.id(), SEATED_MAIL, email,
                        text("mail.member-seated.subject", site.name()),
                        text("mail.member-seated.body", member.fullName(), site.name(), seatName, member.username(),
                                linkBase + "/admin")));
            }
            audit.record(ctx, site.id(), by.label(), fresh ? "member.invited" : "member.seated",
                    "account:" + account + ":" + role, null);
            return new Seated(member, fresh, mail, link);
        });
    }

    /** The person now holds exactly {@code role} on this site, in place of the seat(s) they held. */
    public Member changeSeat(long tenantId, Manager by, long accountId, @Nullable String roleName) {
        mustManage(by.roles());
        Role role = seat(roleName);
        mayGive(by.roles(), role);
        return db.write(TenantScope.of(tenantId), ctx -> {
            List<String> held = seatsOf(ctx, tenantId, accountId);
            mayTouch(by.roles(), held);
            if (held.contains(Role.HEAD.name()) && role != Role.HEAD) {
                mustKeepAHead(ctx, tenantId, accountId);
            }
            ctx.deleteFrom(MEMBERSHIPS).where(MEMBERSHIPS.TENANT_ID.eq(tenantId), MEMBERSHIPS.ACCOUNT_ID.eq(accountId),
                    MEMBERSHIPS.ROLE.ne(role.name())).execute();
            ctx.insertInto(MEMBERSHIPS).set(MEMBERSHIPS.TENANT_ID, tenantId).set(MEMBERSHIPS.ACCOUNT_ID, accountId)
                    .set(MEMBERSHIPS.ROLE, role.name()).set(MEMBERSHIPS.GRANTED_BY, by.label())
                    .onConflictDoNothing().execute();
            audit.record(ctx, tenantId, by.label(), "member.seat_changed",
                    "account:" + accountId + ":" + String.join(",", held) + "->" + role, null);
            return members(ctx, tenantId, accountId).getFirst();
        });
    }

    /**
     * Ends {@code leaving}'s seats on this site and gives their drafts and pending items to {@code to}.
     * Their tokens stop opening this site at their next request ({@link LiveSeats} finds no seat
     * here); a seat the same person holds on another site goes on working there.
     */
    public int handOver(long tenantId, Manager by, long leaving, long to) {
        mustManage(by.roles());
        if (leaving == to) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "member.handover-self");
        }
        return db.write(TenantScope.of(tenantId), ctx -> {
            List<String> held = seatsOf(ctx, tenantId, leaving);
            boolean receiverSits = ctx.fetchExists(MEMBERSHIPS, MEMBERSHIPS.TENANT_ID.eq(tenantId),
                    MEMBERSHIPS.ACCOUNT_ID.eq(to));
            if (!receiverSits) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "member.not-found");
            }
            mayTouch(by.roles(), held);
            if (held.contains(Role.HEAD.name())) {
                mustKeepAHead(ctx, tenantId, leaving);
            }
            int n = unfinished.handOver(ctx, tenantId, leaving, to);
            ctx.deleteFrom(MEMBERSHIPS).where(MEMBERSHIPS.TENANT_ID.eq(tenantId), MEMBERSHIPS.ACCOUNT_ID.eq(leaving))
                    .execute();
            audit.record(ctx, tenantId, by.label(), "member.handed_over",
                    "account:" + leaving + " -> account:" + to + " articles:" + n, null);
            return n;
        });
    }

    private static List<String> seatsOf(DSLContext ctx, long tenantId, long accountId) {
        List<String> held = ctx.select(MEMBERSHIPS.ROLE).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.TENANT_ID.eq(tenantId), MEMBERSHIPS.ACCOUNT_ID.eq(accountId))
                .forUpdate().fetch(MEMBERSHIPS.ROLE);
        if (held.isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "member.not-found");
        }
        return held;
    }

    /** A site is never left without a head (TN Đ5.3: the head answers for what it publishes). */
    private static void mustKeepAHead(DSLContext ctx, long tenantId, long accountId) {
        // Locks the site's head seats, so two managers removing the last two heads at once cannot both pass.
        int others = ctx.select(MEMBERSHIPS.ACCOUNT_ID).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.TENANT_ID.eq(tenantId), MEMBERSHIPS.ROLE.eq(Role.HEAD.name()),
                        MEMBERSHIPS.ACCOUNT_ID.ne(accountId))
                .forUpdate().fetch().size();
        if (others == 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "member.last-head", "last-head");
        }
    }

    private static Role seat(@Nullable String name) {
        Role role = Role.parse(name);
        if (role == null || !role.isSeat()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "member.role", "role");
        }
        return role;
    }

    /** The rank a manager acts with: their highest role, on this site or on its province's board. */
    public static int rankOf(Collection<String> roles) {
        int best = 0;
        for (Role r : Role.values()) {
            if (roles.contains(r.name()) || roles.contains(r.asProvinceBoard())) {
                best = Math.max(best, r.rank());
            }
        }
        return best;
    }

    private static void mayGive(Set<String> roles, Role role) {
        if (role.rank() > rankOf(roles)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "member.above-own", "seat-rank");
        }
    }

    private static void mayTouch(Set<String> roles, List<String> held) {
        int mine = rankOf(roles);
        for (String seat : held) {
            if (Role.valueOf(seat).rank() > mine) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "member.above-own", "seat-rank");
            }
        }
    }

    /** Who manages a board, on the site itself or from its province's board: {@link Permission#MANAGE_MEMBERS}. */
    private static void mustManage(Set<String> roles) {
        Permission.MANAGE_MEMBERS.mustSeats(roles);
    }

    /**
     * A username for a new person: the e-mail's local part, without marks, in lower case, with what
     * a username may not hold dropped ("Lan.Nguyen+bbt@so.gov.vn" is "lan.nguyenbbt"); when that
     * leaves fewer than 3 characters, the folded full name with dots ("nguyen.thi.lan").
     * {@link SignInLinks#invite} adds a number when it is taken ("lan.nguyen2").
     */
    static String usernameFor(String email, String fullName) {
        String local = clean(email.substring(0, email.indexOf('@')));
        String name = local.length() >= 3 ? local : clean(String.join(".", VietnameseText.fold(fullName).split("\\s+")));
        if (name.length() < 3) {
            name = "thanhvien" + (name.isEmpty() ? "" : "." + name);
        }
        return name.length() > 58 ? name.substring(0, 58).replaceAll("[._-]+$", "") : name;
    }

    private static String clean(String s) {
        return VietnameseText.fold(s).replaceAll("[^a-z0-9._-]", "").replaceAll("^[._-]+", "");
    }

    private String text(String key, Object... args) {
        return templates.message(Templates.VIETNAMESE, key, args);
    }
}
