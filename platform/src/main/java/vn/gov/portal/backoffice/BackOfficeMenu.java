package vn.gov.portal.backoffice;

import java.util.Collection;
import java.util.List;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.tenancy.Tenant;

/**
 * The back office's menu, each item with the permission that opens it, and where a caller
 * lands after signing in. Both come from {@link Permission}, so nobody sees a link that would
 * answer 403, and nobody lands on one.
 */
public final class BackOfficeMenu {
    /** One link of the menu: its address, the message key of its label, what it needs. */
    public record Item(String href, String label, Permission needs) {
    }

    /** In the order shown; the item without a permission is the landing page /admin. */
    static final List<Item> ITEMS = List.of(
            new Item("/admin", "admin.my-work", null),
            new Item("/admin/bai-viet/moi", "admin.new-article", Permission.WRITE_ARTICLES),
            new Item("/admin/bai-viet", "admin.all-articles", Permission.READ_ARTICLES),
            new Item("/admin/trang", "admin.pages", Permission.READ_PAGES),
            new Item("/admin/tuan-thu", "conformance.title", Permission.READ_CONFORMANCE),
            new Item("/admin/duyet", "admin.queue", Permission.REVIEW_ARTICLES),
            new Item("/admin/de-xuat", "admin.proposals", Permission.REVIEW_ARTICLES),
            new Item("/admin/thanh-vien", "admin.members", Permission.MANAGE_MEMBERS),
            new Item("/admin/cai-dat", "site-settings.title", Permission.MANAGE_SETTINGS),
            new Item("/admin/trang-thanh-phan", "console.title", Permission.ADMINISTER_PROVINCE),
            new Item("/admin/bao-cao", "reports.title", Permission.READ_REPORTS),
            new Item("/admin/bao-cao-tinh", "reports.province-title", Permission.ADMINISTER_PROVINCE),
            new Item("/admin/giam-sat", "oversight.title", Permission.ADMINISTER_PROVINCE),
            new Item("/admin/giam-sat/thi-dua", "admin.menu.emulation", Permission.ADMINISTER_PROVINCE),
            new Item("/admin/nhuan-but", "admin.menu.royalties", Permission.READ_ROYALTIES),
            new Item("/admin/bao-tri", "maintenance.title", Permission.ADMINISTER_PROVINCE),
            new Item("/admin/nhat-ky", "audit.title", Permission.READ_AUDIT),
            new Item("/admin/tai-khoan", "account.title", Permission.OWN_ACCOUNT));

    private BackOfficeMenu() {
    }

    /** The items this caller may open here. */
    public static List<Item> visibleTo(Collection<String> roles, Tenant site) {
        // "My work" (/admin) only for whom it is the landing page: for others it would just redirect.
        boolean homeHere = landing(roles, site).equals("/admin");
        return ITEMS.stream().filter(i -> i.needs() == null ? homeHere : i.needs().allows(roles, site)).toList();
    }

    /**
     * Where the caller's work is: a writer's is "my work" (/admin itself), a site administrator's
     * the board's members, the province's administrators' (and the platform admin's) the console.
     * Anyone else (a province board member on a component site, a seat that only reads) stays
     * on /admin, which then shows the menu's items as its content.
     */
    public static String landing(Collection<String> roles, Tenant site) {
        if (Permission.WRITE_ARTICLES.allows(roles, site)) {
            return "/admin";
        }
        if (Permission.ADMINISTER_PROVINCE.allows(roles, site)) {
            return "/admin/trang-thanh-phan";
        }
        if (Permission.MANAGE_MEMBERS.allows(roles, site)) {
            return "/admin/thanh-vien";
        }
        return "/admin";
    }
}
