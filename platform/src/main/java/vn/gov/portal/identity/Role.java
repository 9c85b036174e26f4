package vn.gov.portal.identity;

/**
 * Seats on a site's editorial board (Ban Biên tập) and the platform role. Only HEAD and
 * DEPUTY_HEAD approve publication (TN Đ5.3, TQ Đ11.3, VP Đ3.4); contributors and editors never do.
 * A province board member's role reaches its subtree as {@code PROVINCE_<role>}.
 */
public enum Role {
    CONTRIBUTOR,
    EDITOR,
    DEPUTY_HEAD,
    HEAD,
    SITE_ADMIN,
    PLATFORM_ADMIN;

    /** The name this role carries on a component site when held on its province's board. */
    public String asProvinceBoard() {
        return "PROVINCE_" + name();
    }
}
