package vn.gov.portal.identity;

import java.util.Collection;
import java.util.Set;
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
    /** Write and submit articles; their lists (Actor.mustWrite). */
    WRITE_ARTICLES(Where.ANY_SITE, false, "CONTRIBUTOR", "EDITOR", "SECRETARY", "DEPUTY_HEAD", "HEAD"),
    /** Read the site's articles, pending ones and their changes included (Actor.mustRead). */
    READ_ARTICLES(Where.ANY_SITE, false, "CONTRIBUTOR", "EDITOR", "SECRETARY", "DEPUTY_HEAD", "HEAD", "MEMBER"),
    /** Approve, send back, proposals received (Actor.mustReview). */
    REVIEW_ARTICLES(Where.ANY_SITE, false, "DEPUTY_HEAD", "HEAD"),
    /** The site's pages and their list (PageService.READERS). */
    READ_PAGES(Where.ANY_SITE, false, "CONTRIBUTOR", "EDITOR", "SECRETARY", "DEPUTY_HEAD", "HEAD", "SITE_ADMIN",
            "MEMBER"),
    /** The site's own conformance results: anyone signed in on it (ConformanceAdminController.own). */
    READ_CONFORMANCE(Where.ANY_SITE, true, Permission.ANY_SEAT),
    /** The board's members: seat, change, end (Members.mustManage); the province's board reaches its sites. */
    MANAGE_MEMBERS(Where.ANY_SITE, true, "SITE_ADMIN", "HEAD", "PROVINCE_SITE_ADMIN", "PROVINCE_HEAD"),
    /** The site's names, emblem, footer, menu, blocks, languages (SiteSettingsPolicy.mayManage). */
    MANAGE_SETTINGS(Where.ANY_SITE, true, "SITE_ADMIN", "HEAD", "PROVINCE_SITE_ADMIN", "PROVINCE_HEAD"),
    /** One's own profile, password and second factor (AccountController): anyone signed in. */
    OWN_ACCOUNT(Where.ANY_SITE, true, Permission.ANY_SEAT),
    /** The site's periodic reports to its province (Reports.mustRead); the province files none. */
    READ_REPORTS(Where.COMPONENT_SITE, false, "EDITOR", "SECRETARY", "DEPUTY_HEAD", "HEAD", "SITE_ADMIN", "MEMBER"),
    /** The month's royalty statement (RoyaltyStatements.mustBeMember). */
    READ_ROYALTIES(Where.ANY_SITE, false, "CONTRIBUTOR", "EDITOR", "SECRETARY", "DEPUTY_HEAD", "HEAD",
            "SITE_ADMIN"),
    /**
     * The audit log (oversight.audit.AuditTrail.scopeFor): the head and site admin of a board read
     * their own site's; on the province's host, the province's whole log, its sites' and those of
     * its deleted sites included. A department's board never sees past its own site, and writers,
     * reviewers and members read none: the log names people and where they signed in from.
     */
    READ_AUDIT(Where.ANY_SITE, true, "HEAD", "SITE_ADMIN", "PROVINCE_HEAD", "PROVINCE_SITE_ADMIN"),
    /**
     * The province's console, dashboard, reports of its units, emulation and maintenance
     * (identity.ProvinceAdmins): its board's head or site admin on the province's host; the
     * platform admin from any host.
     */
    ADMINISTER_PROVINCE(Where.PROVINCE, true, "HEAD", "SITE_ADMIN");

    /** Any seat at all, including the province board's seats carried onto a component site. */
    static final String ANY_SEAT = "*";

    /** Where the seats count. */
    enum Where { ANY_SITE, COMPONENT_SITE, PROVINCE }

    private final Where where;
    private final boolean platformAdmin;
    private final Set<String> seats;

    Permission(Where where, boolean platformAdmin, String... seats) {
        this.where = where;
        this.platformAdmin = platformAdmin;
        this.seats = Set.of(seats);
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
        if (seats.contains(ANY_SEAT)) {
            return !roles.isEmpty();
        }
        return roles.stream().anyMatch(seats::contains);
    }
}
