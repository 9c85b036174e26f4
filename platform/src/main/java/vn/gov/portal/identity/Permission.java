package vn.gov.portal.identity;

import io.micronaut.http.HttpStatus;
import java.util.Collection;
import java.util.Set;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Tenant;

/**
 * One permission table (DESIGN.md, Keycloak's AdminPermissionEvaluator): what a caller may do
 * on the site it is signed in on, by the seats its token carries there and the kind of site.
 * The back office's menu and landing ask it, so a link is shown only to whom it will answer.
 *
 * <p>Seats are named, not enum constants: a seat added to {@link Role} (MEMBER, SECRETARY) is
 * matched by its name here without this table needing the constant. Each row repeats the rule
 * its service enforces (the class named in the comment); BackOfficeLandingTest signs in with
 * every seat and fails when a row and its service disagree.
 * A member (ủy viên) reads the board's work and comments, never writes; a secretary (thư ký) is
 * an editor who also prepares the reports (Role.withImplied gives a secretary EDITOR as well).
 */
public enum Permission {
    /** Write and submit articles; their lists (ArticleService). */
    WRITE_ARTICLES(Where.ANY_SITE, false, "article.forbidden.write", "CONTRIBUTOR", "EDITOR", "SECRETARY",
            "DEPUTY_HEAD", "HEAD"),
    /** Read the site's articles, pending ones and their changes included (ArticleService). */
    READ_ARTICLES(Where.ANY_SITE, false, "article.forbidden.read", "CONTRIBUTOR", "EDITOR", "SECRETARY",
            "DEPUTY_HEAD", "HEAD", "MEMBER"),
    /** Approve, send back, unpublish, proposals received (ArticleService, Proposals): TN Đ5.3. */
    REVIEW_ARTICLES(Where.ANY_SITE, false, "article.forbidden.review", "DEPUTY_HEAD", "HEAD"),
    /**
     * Approve one's own work by force, with a written reason (ArticleService, PageService): the head
     * alone answers for the site (TN Đ5.3). The caller names its own refusal message.
     */
    FORCE_APPROVE(Where.ANY_SITE, false, "article.force-head-only", "HEAD"),
    /** Shown what waits for approval on the back office's landing: reviewers, and members who comment on it. */
    FOLLOW_PENDING(Where.ANY_SITE, false, "article.forbidden.read", "DEPUTY_HEAD", "HEAD", "MEMBER"),
    /** Comment on an article waiting for approval: every seat of the site's own board (ReviewComments). */
    COMMENT_ON_REVIEWS(Where.ANY_SITE, false, "comment.forbidden", "CONTRIBUTOR", "EDITOR", "SECRETARY",
            "DEPUTY_HEAD", "HEAD", "SITE_ADMIN", "MEMBER"),
    /** The site's categories (Categories.create). */
    MANAGE_CATEGORIES(Where.ANY_SITE, false, "category.forbidden", "HEAD", "DEPUTY_HEAD", "SITE_ADMIN"),
    /** The site's pages and their list (PageService). */
    READ_PAGES(Where.ANY_SITE, false, "page.forbidden.read", "CONTRIBUTOR", "EDITOR", "SECRETARY", "DEPUTY_HEAD",
            "HEAD", "SITE_ADMIN", "MEMBER"),
    /** Write a page's change and send it for approval (PageService): the articles' writers. */
    WRITE_PAGES(Where.ANY_SITE, false, "page.forbidden.write", "CONTRIBUTOR", "EDITOR", "SECRETARY", "DEPUTY_HEAD",
            "HEAD"),
    /** "Reviewed, nothing changed" on a public page (PageService.markReviewed). */
    CONFIRM_PAGES(Where.ANY_SITE, false, "page.forbidden.confirm", "EDITOR", "SECRETARY", "DEPUTY_HEAD", "HEAD"),
    /** Approve or send back a page's change (PageService), as for articles. */
    REVIEW_PAGES(Where.ANY_SITE, false, "page.forbidden.review", "DEPUTY_HEAD", "HEAD"),
    /** A draft's or pending item's media: the seats that read drafts in the back office (MediaController). */
    READ_DRAFT_MEDIA(Where.ANY_SITE, false, "error.403.detail", "CONTRIBUTOR", "EDITOR", "SECRETARY", "DEPUTY_HEAD",
            "HEAD", "MEMBER", "SITE_ADMIN"),
    /** The site's ratings summary: its board's senior seats, the province board's heads (Ratings.summary). */
    READ_RATINGS(Where.ANY_SITE, true, "error.403.detail", "HEAD", "DEPUTY_HEAD", "EDITOR", "SECRETARY",
            "SITE_ADMIN", "PROVINCE_HEAD", "PROVINCE_DEPUTY_HEAD"),
    /** The site's own conformance results: anyone signed in on it (ConformanceAdminController.own). */
    READ_CONFORMANCE(Where.ANY_SITE, true, "error.403.detail", Permission.ANY_SEAT),
    /** The board's members: seat, change, end (Members); the province's board reaches its sites. */
    MANAGE_MEMBERS(Where.ANY_SITE, true, "member.forbidden", "SITE_ADMIN", "HEAD", "PROVINCE_SITE_ADMIN",
            "PROVINCE_HEAD"),
    /** Mail a member of the board a password-reset link (AccountSecurity.resetForMember): the site admin. */
    RESET_MEMBER_PASSWORDS(Where.ANY_SITE, true, "member.forbidden", "SITE_ADMIN"),
    /** The site's names, emblem, footer, menu, blocks, languages (SiteSettingsService.mustManage). */
    MANAGE_SETTINGS(Where.ANY_SITE, true, "site-settings.forbidden", "SITE_ADMIN", "HEAD", "PROVINCE_SITE_ADMIN",
            "PROVINCE_HEAD"),
    /** The site's use of its quotas (UsageController). */
    READ_USAGE(Where.ANY_SITE, true, "error.403.detail", "SITE_ADMIN", "HEAD"),
    /** One's own profile, password and second factor (AccountController): anyone signed in. */
    OWN_ACCOUNT(Where.ANY_SITE, true, "error.403.detail", Permission.ANY_SEAT),
    /** The province's sign-in policy, read (AccountSecurity.mayReadPolicy): its head and site admin. */
    READ_SECURITY_POLICY(Where.PROVINCE, false, "security-policy.forbidden", "HEAD", "SITE_ADMIN"),
    /** The province's sign-in policy, set: its head alone (AccountSecurity.mayReadPolicy). */
    SET_SECURITY_POLICY(Where.PROVINCE, false, "security-policy.forbidden", "HEAD"),
    /** The site's periodic reports to its province (Reports.mustRead); the province files none. */
    READ_REPORTS(Where.COMPONENT_SITE, false, "report.forbidden-read", "EDITOR", "SECRETARY", "DEPUTY_HEAD", "HEAD",
            "SITE_ADMIN", "MEMBER"),
    /** Prepare Mẫu 02 (Reports.mustWrite): the secretary, whose task it is, editors, deputy heads, the head. */
    WRITE_REPORTS(Where.COMPONENT_SITE, false, "report.forbidden-write", "SECRETARY", "EDITOR", "DEPUTY_HEAD",
            "HEAD"),
    /** Submit a report (Reports.mustSubmit): the head alone, it goes out under the agency's name. */
    SUBMIT_REPORTS(Where.COMPONENT_SITE, false, "report.forbidden-submit", "HEAD"),
    /** The month's royalty statement (RoyaltyStatements.mustBeMember). */
    READ_ROYALTIES(Where.ANY_SITE, false, "royalty.forbidden", "CONTRIBUTOR", "EDITOR", "SECRETARY", "DEPUTY_HEAD",
            "HEAD", "SITE_ADMIN"),
    /** The whole statement and its money, not only one's own lines (RoyaltyStatements.seesMoney). */
    READ_ROYALTY_AMOUNTS(Where.ANY_SITE, false, "royalty.forbidden", "HEAD", "SITE_ADMIN"),
    /** The site's royalty rates (RoyaltiesApiController.mustSetRates). */
    SET_ROYALTY_RATES(Where.ANY_SITE, false, "royalty.forbidden-rates", "HEAD", "SITE_ADMIN"),
    /** Approve an ended month's statement (RoyaltyStatements.approve): the head alone. */
    APPROVE_ROYALTIES(Where.ANY_SITE, false, "royalty.forbidden-approve", "HEAD"),
    /**
     * The audit log (oversight.audit.AuditTrail.scopeFor): the head and site admin of a board read
     * their own site's; on the province's host, the province's whole log, its sites' and those of
     * its deleted sites included. A department's board never sees past its own site, and writers,
     * reviewers and members read none: the log names people and where they signed in from.
     */
    READ_AUDIT(Where.ANY_SITE, true, "error.403.detail", "HEAD", "SITE_ADMIN", "PROVINCE_HEAD",
            "PROVINCE_SITE_ADMIN"),
    /**
     * The province's console, dashboard, reports of its units, emulation and maintenance
     * (identity.ProvinceAdmins): its board's head or site admin on the province's host (TN Đ14.5:
     * the province approves new sites); the platform admin from any host.
     */
    ADMINISTER_PROVINCE(Where.PROVINCE, true, "tenant.province-admins-only", "HEAD", "SITE_ADMIN"),
    /** The operator's console and API (provisioning.provinces.PlatformAccess): the platform admin alone. */
    ADMINISTER_PLATFORM(Where.ANY_SITE, true, "province.platform-admins-only");

    /** Any seat at all, including the province board's seats carried onto a component site. */
    static final String ANY_SEAT = "*";

    /** Where the seats count. */
    public enum Where { ANY_SITE, COMPONENT_SITE, PROVINCE }

    private final Where where;
    private final boolean platformAdmin;
    private final Set<String> seats;
    private final String refusal;

    Permission(Where where, boolean platformAdmin, String refusal, String... seats) {
        this.where = where;
        this.platformAdmin = platformAdmin;
        this.refusal = refusal;
        this.seats = Set.of(seats);
    }

    /** The message key of the 403 a caller without this permission gets. */
    public String refusal() {
        return refusal;
    }

    /** The seats this row names (role names, {@code PROVINCE_} ones included; "*" for any seat). */
    public Set<String> seats() {
        return seats;
    }

    /** Whether the platform admin may do this, wherever it is signed in. */
    public boolean platformAdmin() {
        return platformAdmin;
    }

    /** Where the seats count: any site, a component site only, or the province's own host. */
    public Where where() {
        return where;
    }

    /**
     * May a caller with these roles do this, by its seats alone? For a service that does not have
     * the site at hand: it checks what the seats allow, and the place ({@link #where()}) is the
     * controller's or menu's to check with {@link #allows(Collection, Tenant)}.
     */
    public boolean allowsSeats(Collection<String> roles) {
        if (platformAdmin && roles.contains(Role.PLATFORM_ADMIN.name())) {
            return true;
        }
        if (seats.contains(ANY_SEAT)) {
            return !roles.isEmpty();
        }
        return roles.stream().anyMatch(seats::contains);
    }

    /** 403 with this row's message unless {@link #allowsSeats} holds. */
    public void mustSeats(Collection<String> roles) {
        if (!allowsSeats(roles)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, refusal);
        }
    }

    /** 403 with this row's message unless {@link #allows} holds. */
    public void must(Collection<String> roles, Tenant site) {
        if (!allows(roles, site)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, refusal);
        }
    }

    /** May a caller with these roles (as its token carries them on {@code site}) do this there? */
    public boolean allows(Collection<String> roles, Tenant site) {
        if (platformAdmin && roles.contains(Role.PLATFORM_ADMIN.name())) {
            return true;
        }
        boolean placeFits = switch (where) {
            case ANY_SITE -> true;
            case COMPONENT_SITE -> site.parentId() != null;
            case PROVINCE -> site.isProvince();
        };
        if (!placeFits) {
            return false;
        }
        return allowsSeats(roles);
    }
}
