package vn.gov.portal.demo;

import static vn.gov.portal.db.Tables.ACCOUNTS;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.publishing.Categories;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The demo's board members, all with the password {@value #PASSWORD} (demo only; the README
 * says so), and a few articles on each demo site, written by the contributor and approved by the
 * head through the same workflow as everyone's. The ".bientap" accounts are contributors: they
 * write but never publish.
 */
@Singleton
public class DemoAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);
    public static final String PASSWORD = "Demo@2026";

    private record Seat(String username, String fullName, String site, Role role) {
    }

    private static final List<Seat> SEATS = List.of(
            new Seat("thainguyen.truongban", "Trưởng Ban Biên tập Cổng tỉnh (demo)", "thainguyen", Role.HEAD),
            new Seat("thainguyen.bientap", "Cộng tác viên Cổng tỉnh (demo)", "thainguyen", Role.CONTRIBUTOR),
            new Seat("sotaichinh.truongban", "Trưởng ban Sở Tài chính (demo)", "sotaichinh", Role.HEAD),
            new Seat("sotaichinh.bientap", "Cộng tác viên Sở Tài chính (demo)", "sotaichinh", Role.CONTRIBUTOR),
            new Seat("sotaichinh.quantri", "Quản trị nội dung Sở Tài chính (demo)", "sotaichinh", Role.SITE_ADMIN),
            new Seat("phandinhphung.truongban", "Trưởng ban phường Phan Đình Phùng (demo)", "phandinhphung", Role.HEAD),
            new Seat("phandinhphung.bientap", "Cộng tác viên phường Phan Đình Phùng (demo)", "phandinhphung",
                    Role.CONTRIBUTOR));

    /**
     * One of the demo's own accounts (the README's): on a {@code .localhost} host they sign in
     * with the password alone even where a second factor is required (AccountSecurity#mustEnrol).
     */
    public static boolean isDemoAccount(String username) {
        return "platform.admin".equals(username) || SEATS.stream().anyMatch(s -> s.username().equals(username));
    }

    private final Accounts accounts;
    private final TenantDb db;
    private final TenantDirectory directory;
    private final ArticleService articles;

    private final Categories categories;

    public DemoAccounts(Accounts accounts, TenantDb db, TenantDirectory directory, ArticleService articles,
                        Categories categories) {
        this.categories = categories;
        this.articles = articles;
        this.accounts = accounts;
        this.db = db;
        this.directory = directory;
    }

    /** Creates the demo accounts unless they exist; the province must exist already. */
    void ensure(Tenant province) {
        boolean exists = db.directory(ctx -> ctx.fetchExists(ACCOUNTS, ACCOUNTS.USERNAME.eq("platform.admin")));
        if (exists) {
            return;
        }
        accounts.create("platform.admin", "Quản trị hạ tầng (demo)", null, PASSWORD, Role.PLATFORM_ADMIN);
        Map<String, Long> ids = new HashMap<>();
        for (Seat seat : SEATS) {
            long id = accounts.create(seat.username(), seat.fullName(), null, PASSWORD, null);
            accounts.grant(site(province, seat.site()).id(), id, seat.role(), "system:demo");
            ids.put(seat.username(), id);
        }
        for (String label : List.of("thainguyen", "sotaichinh", "phandinhphung")) {
            Tenant t = site(province, label);
            var writer = new Actor(ids.get(label + ".bientap"), label + ".bientap", Set.of("CONTRIBUTOR"));
            var head = new Actor(ids.get(label + ".truongban"), label + ".truongban", Set.of("HEAD"));
            // The site's first category (Tin tức, by default) holds the samples, so its page lists them.
            Long category = categories.tree(t.id()).stream().filter(c -> c.depth() == 0).findFirst()
                    .map(Categories.Category::id).orElse(null);
            for (String[] a : DemoArticles.FOR.get(label)) {
                List<String> tags = a.length > 3 ? List.of(a[3].split(",")) : null;
                var created = articles.create(t.id(), writer, new ArticleInput(a[0], a[1], a[2], "NEWS", category,
                        tags, null, null, null, null, null, null, null, null));
                articles.submit(t.id(), writer, created.getId());
                articles.approve(t.id(), head, created.getId(), null, null);
                String[] english = DemoArticles.ENGLISH.get(a[0]);
                if (english != null) {
                    var translation = articles.create(t.id(), writer, new ArticleInput(english[0], english[1],
                            english[2], "NEWS", category, null, null, null, null, null, null, null, "en",
                            created.getId()));
                    articles.submit(t.id(), writer, translation.getId());
                    articles.approve(t.id(), head, translation.getId(), null, null);
                }
            }
        }
        LOG.info("Demo accounts created: platform.admin and {} board members (password {})", SEATS.size(), PASSWORD);
    }

    private Tenant site(Tenant province, String subdomain) {
        if (province.subdomain().equals(subdomain)) {
            return province;
        }
        return directory.snapshot().children(province.id()).stream().filter(t -> t.subdomain().equals(subdomain))
                .findFirst().orElseThrow(() -> new IllegalStateException("No demo site " + subdomain));
    }
}
