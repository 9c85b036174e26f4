package vn.gov.portal.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Seats on a site's editorial board (Ban Biên tập) and the platform role. Only HEAD and
 * DEPUTY_HEAD approve publication (TN Đ5.3, TQ Đ11.3, VP Đ3.4); contributors and editors never do.
 * A province board member's role reaches its subtree as {@code PROVINCE_<role>}.
 *
 * <p>MEMBER (ủy viên) reads the back office and comments on items waiting for approval, and never
 * writes or publishes. SECRETARY (thư ký) is an editor who also prepares the board's periodic
 * reports: a request made by a secretary carries EDITOR as well ({@link #withImplied}), so every
 * check that lets an editor in lets the secretary in, without each feature naming the seat.
 */
public enum Role {
    CONTRIBUTOR(1),
    EDITOR(2),
    DEPUTY_HEAD(5),
    HEAD(6),
    SITE_ADMIN(4),
    PLATFORM_ADMIN(7),
    MEMBER(1),
    SECRETARY(3);

    /**
     * The one rank order of seats, for "nobody grants or edits a seat above their own":
     * HEAD (6) > DEPUTY_HEAD (5) > SITE_ADMIN (4) > SECRETARY (3) > EDITOR (2) > CONTRIBUTOR, MEMBER (1).
     * The head answers for the site and the deputy stands in for them (TN Đ5.3), so a site admin,
     * who manages people but approves nothing, must not seat an approver; the secretary is an
     * editor with reports on top; contributors and members hold the least. PLATFORM_ADMIN is above
     * every seat: the operator repairs any board.
     */
    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The name this role carries on a component site when held on its province's board. */
    public String asProvinceBoard() {
        return "PROVINCE_" + name();
    }

    /** Seats a board manager may give: every board seat, never the platform role. */
    public boolean isSeat() {
        return this != PLATFORM_ADMIN;
    }

    /** The roles a set of role names acts with: a SECRETARY (or PROVINCE_SECRETARY) is an EDITOR too. */
    public static Set<String> withImplied(Collection<String> roles) {
        Set<String> all = new LinkedHashSet<>(roles);
        if (roles.contains(SECRETARY.name())) {
            all.add(EDITOR.name());
        }
        if (roles.contains(SECRETARY.asProvinceBoard())) {
            all.add(EDITOR.asProvinceBoard());
        }
        return all;
    }

    /** The highest rank among these role names held on this site itself (0 for none). */
    public static int highestRank(Collection<String> roles) {
        int best = 0;
        for (Role r : values()) {
            if (roles.contains(r.name())) {
                best = Math.max(best, r.rank);
            }
        }
        return best;
    }

    /** The role by name, or null when the name is no role (API input). */
    public static Role parse(String name) {
        if (name == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }
}
