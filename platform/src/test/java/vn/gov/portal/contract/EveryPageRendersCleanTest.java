package vn.gov.portal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.NuHtmlChecker;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Every page a visitor or a seat can reach, rendered as they get it, holds two promises: no
 * text is an unresolved message key ({@code ??key??}: every text comes from the bundle, in
 * each language), and the W3C Nu HTML checker finds no error in it.
 *
 * <p>The pages are found the way people find them: the public pages by following the links of
 * each site's home page, in Vietnamese and in English ({@code /en}); the back office by
 * following, for one person in each seat of a department and of the province board, the
 * links of the menu and of the pages it opens. The back office has no English: it renders
 * every page in Vietnamese (AdminPages), so its pages are checked once.
 */
@SharedApplication
class EveryPageRendersCleanTest extends PortalTest {
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    /** Downloads (exports, feeds, files) and signing out are not pages. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "/xuat|/tai-ve|dang-xuat|rss\\.xml|sitemap\\.xml|/media/|/assets/|/vendor/|favicon|\\.(xlsx|ods|odt|pdf|csv)");
    private static final int PAGES_PER_START = 60;

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    /** What each address answered, by "host path [who]". */
    private final Map<String, String> pages = new LinkedHashMap<>();
    private String domain;
    private String label;

    @BeforeAll
    void renderEveryPage() {
        domain = Fixtures.flatProvince(provisioning, "trangsach", List.of("vi", "en"));
        label = domain.replace(".test", "");
        Tenant province = directory.snapshot().provinces().stream()
                .filter(p -> p.baseDomains().getFirst().equals(domain)).findFirst().orElseThrow();
        Tenant so = directory.snapshot().child(province.id(), "so");
        for (Role role : Role.values()) {
            if (role != Role.PLATFORM_ADMIN) {
                seat(so, "so", role);
                seat(province, "tinh", role);
            }
        }
        publishAnArticleAndItsEnglishVersion("so." + domain, "so");
        publishAnArticleAndItsEnglishVersion(domain, "tinh");

        for (String host : List.of(domain, "so." + domain, "xa." + domain)) {
            crawl(host, "/", null, "");
            crawl(host, "/en", null, "");
            crawl(host, "/khong-co-trang-nay", null, "");
            crawl(host, "/en/khong-co-trang-nay", null, "");
            crawl(host, SIGN_IN_PAGE, null, "");
            crawl(host, "/admin/quen-mat-khau", null, "");
        }
        crawl(domain, "/dang-ky-trang", null, "");
        for (Role role : Role.values()) {
            if (role != Role.PLATFORM_ADMIN) {
                String seated = username("so", role);
                crawl("so." + domain, "/admin", "portal_session=" + token("so." + domain, seated), " [" + seated + "]");
                String board = username("tinh", role);
                crawl(domain, "/admin", "portal_session=" + token(domain, board), " [" + board + "]");
                crawl("so." + domain, "/admin", "portal_session=" + token("so." + domain, board), " [" + board + "]");
            }
        }
        // A page outside the seat's menu answers with the refusal page.
        String contributor = username("so", Role.CONTRIBUTOR);
        crawl("so." + domain, "/admin/thanh-vien", "portal_session=" + token("so." + domain, contributor),
                " [" + contributor + " refused]");
    }

    private String username(String where, Role role) {
        return label + "." + where + "." + role.name().toLowerCase().replace('_', '-');
    }

    private void seat(Tenant site, String where, Role role) {
        long id = accounts.create(username(where, role), "Ghế " + role, null, DEMO_PASSWORD, null);
        accounts.grant(site.id(), id, role, "test");
    }

    /** A Vietnamese article in a category and with a tag, and its English version, both approved. */
    private void publishAnArticleAndItsEnglishVersion(String host, String where) {
        String writer = token(host, username(where, Role.CONTRIBUTOR));
        String head = token(host, username(where, Role.HEAD));
        String category = field(api(host, writer, "GET", "/api/v1/categories", null).body(), "id");
        String vi = field(api(host, writer, "POST", "/api/v1/articles", "{\"title\":\"Khánh thành cầu mới\","
                + "\"summary\":\"Cầu nối hai bờ sông.\",\"bodyHtml\":\"<p>Cây cầu dài 300 m.</p>\",\"categoryId\":"
                + category + ",\"tags\":[\"giao thông\"]}").body(), "id");
        approve(host, writer, head, vi);
        String en = field(api(host, writer, "POST", "/api/v1/articles", "{\"title\":\"A new bridge opens\","
                + "\"summary\":\"A bridge joins both banks.\",\"bodyHtml\":\"<p>The bridge is 300 m long.</p>\","
                + "\"categoryId\":" + category + ",\"tags\":[\"transport\"],\"language\":\"en\",\"originalId\":" + vi
                + "}").body(), "id");
        approve(host, writer, head, en);
    }

    private void approve(String host, String writer, String head, String id) {
        assertThat(api(host, writer, "POST", "/api/v1/articles/" + id + "/submit", null).statusCode()).isEqualTo(200);
        var approved = api(host, head, "POST", "/api/v1/articles/" + id + "/approve", "{\"expectedRevision\":1}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    /** Opens {@code start} and the pages its links lead to on the same host, breadth first. */
    private void crawl(String host, String start, String cookie, String who) {
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>(queue);
        int opened = 0;
        while (!queue.isEmpty() && opened < PAGES_PER_START) {
            String path = queue.removeFirst();
            HttpResponse<String> r = cookie == null ? get(host, path) : get(host, path, "Cookie", cookie);
            for (int hops = 0; r.statusCode() / 100 == 3 && hops < 3; hops++) {
                path = r.headers().firstValue("Location").orElseThrow();
                if (!path.startsWith("/")) {
                    break;
                }
                r = cookie == null ? get(host, path) : get(host, path, "Cookie", cookie);
            }
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            opened++;
            pages.putIfAbsent(host + " " + path + who, r.body());
            Matcher links = LINK.matcher(r.body());
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                boolean sameArea = start.startsWith("/admin") == link.startsWith("/admin");
                if (sameArea && !NOT_A_PAGE.matcher(link).find() && seen.add(link)) {
                    queue.addLast(link);
                }
            }
        }
    }

    @Test
    void thePagesCoverBothLanguagesAndEverySeat() {
        assertThat(pages.keySet()).anyMatch(k -> k.contains(" /en/tin-tuc/"))
                .anyMatch(k -> k.contains(" /tin-tuc/"))
                .anyMatch(k -> k.contains(" /admin/giam-sat [" + label + ".tinh.head]"))
                .anyMatch(k -> k.contains(" /admin/bai-viet/") && k.endsWith("[" + label + ".so.contributor]"));
        assertThat(pages.size()).isGreaterThan(150);
    }

    @Test
    void noPageShowsAnUnresolvedMessageKey() {
        List<String> unresolved = new ArrayList<>();
        Pattern key = Pattern.compile("\\?\\?[^?\\s<\"]*\\?\\?");
        pages.forEach((where, html) -> {
            Matcher m = key.matcher(html);
            while (m.find()) {
                unresolved.add(where + ": " + m.group());
            }
        });
        assertThat(unresolved).isEmpty();
    }

    @Test
    void theNuHtmlCheckerFindsNoErrorOnAnyPage() {
        NuHtmlChecker checker = new NuHtmlChecker();
        List<String> errors = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        pages.forEach((where, html) -> {
            if (checked.add(html)) {
                checker.errors(html).forEach(e -> errors.add(where + " " + e));
            }
        });
        assertThat(errors).isEmpty();
    }

    @Test
    void aSeatOfThisProvinceOpensNoPageOfAnotherSitesBackOffice() {
        String head = username("so", Role.HEAD);
        var refused = get(DEPARTMENT, "/admin/bai-viet", "Cookie", "portal_session=" + token("so." + domain, head));
        // Another site's session is no session here: the back office sends the caller to sign in.
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValue("/admin/dang-nhap");
    }
}
