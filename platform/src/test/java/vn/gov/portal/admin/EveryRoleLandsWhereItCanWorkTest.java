package vn.gov.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * After signing in, every seat reaches a page with the menu of what it may do, and every link
 * of that menu answers 200: the menu and the landing come from the permission table, and the
 * pages' own checks agree with it.
 */
@SharedApplication
class EveryRoleLandsWhereItCanWorkTest extends PortalTest {
    private static final Pattern SESSION = Pattern.compile("portal_session=([^;]+)");
    private static final Pattern MENU_LINK = Pattern.compile("<a href=\"(/admin[^\"]*)\"");

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String domain;

    /** A province of this test's own, its department "so" seating one person per seat, by the seat's name. */
    @BeforeAll
    void seatOnePersonPerSeat() {
        domain = Fixtures.flatProvince(provisioning, "hacanh");
        Tenant province = directory.snapshot().provinces().stream()
                .filter(p -> p.baseDomains().getFirst().equals(domain)).findFirst().orElseThrow();
        Tenant so = directory.snapshot().children(province.id()).stream().filter(t -> t.subdomain().equals("so"))
                .findFirst().orElseThrow();
        for (Role role : Role.values()) {
            if (role == Role.PLATFORM_ADMIN) {
                continue;
            }
            String seat = role.name().toLowerCase().replace('_', '-');
            long onSite = accounts.create("hacanh.so." + seat + "." + domain.replace('.', '-'), "Ghế " + role, null,
                    DEMO_PASSWORD, null);
            accounts.grant(so.id(), onSite, role, "test");
            long onProvince = accounts.create("hacanh.tinh." + seat + "." + domain.replace('.', '-'),
                    "Ban tỉnh " + role, null, DEMO_PASSWORD, null);
            accounts.grant(province.id(), onProvince, role, "test");
        }
    }

    /** Signs in through the back office's form as a browser does; returns the session cookie and where it went. */
    private Landed signInForm(String host, String username) {
        AnonymousForm before = anonymousForm(host);
        String form = "_csrf=" + before.csrf() + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8);
        var r = send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(form)), "/admin/dang-nhap",
                "Cookie", before.cookie(), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).as("sign-in of " + username + " on " + host + ": " + r.body()).isEqualTo(303);
        Matcher m = SESSION.matcher(String.join("; ", r.headers().allValues("Set-Cookie")));
        assertThat(m.find()).isTrue();
        String cookie = "portal_session=" + m.group(1);
        return follow(host, cookie, r.headers().firstValue("Location").orElseThrow());
    }

    private Landed follow(String host, String cookie, String path) {
        for (int hops = 0; hops < 3; hops++) {
            var page = get(host, path, "Cookie", cookie);
            if (page.statusCode() != 303) {
                return new Landed(cookie, path, page);
            }
            path = page.headers().firstValue("Location").orElseThrow();
        }
        throw new AssertionError("too many redirects from " + path);
    }

    record Landed(String cookie, String path, HttpResponse<String> page) {
    }

    /** The back office's menu: the links of the header's navigation. */
    private static List<String> menu(String html) {
        int header = html.indexOf("class=\"admin-header\"");
        assertThat(header).as("the back office's header").isPositive();
        int from = html.indexOf("<nav", header);
        int to = html.indexOf("</nav>", from);
        assertThat(from).as("a menu").isPositive();
        List<String> links = new ArrayList<>();
        Matcher m = MENU_LINK.matcher(html.substring(from, to));
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    /** Lands with 200 and a menu, and every item of that menu opens with 200. */
    private List<String> landsWithAMenuWhoseLinksAllAnswer(String host, String username) {
        Landed landed = signInForm(host, username);
        assertThat(landed.page().statusCode()).as(username + " on " + host + " lands on " + landed.path())
                .isEqualTo(200);
        List<String> links = menu(landed.page().body());
        assertThat(links).as(username + "'s menu").contains(landed.path());
        for (String link : links) {
            var r = get(host, link, "Cookie", landed.cookie());
            assertThat(r.statusCode()).as(username + " on " + host + " opens " + link).isEqualTo(200);
        }
        return links;
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
            "thainguyen.localhost, platform.admin",
            "sotaichinh.thainguyen.localhost, platform.admin",
            "thainguyen.localhost, thainguyen.truongban",
            "sotaichinh.thainguyen.localhost, thainguyen.truongban",
            "thainguyen.localhost, thainguyen.bientap",
            "sotaichinh.thainguyen.localhost, sotaichinh.truongban",
            "sotaichinh.thainguyen.localhost, sotaichinh.bientap",
            "sotaichinh.thainguyen.localhost, sotaichinh.quantri",
            "phandinhphung.thainguyen.localhost, phandinhphung.truongban",
            "phandinhphung.thainguyen.localhost, phandinhphung.bientap"})
    void everyDemoAccountLandsOnAPageWithItsMenuAndEveryLinkAnswers(String host, String username) {
        landsWithAMenuWhoseLinksAllAnswer(host, username);
    }

    @Test
    void theSiteAdministratorLandsOnTheMembersAndTheContributorOnTheirArticles() {
        Landed admin = signInForm(DEPARTMENT, "sotaichinh.quantri");
        assertThat(admin.path()).isEqualTo("/admin/thanh-vien");
        assertThat(admin.page().statusCode()).isEqualTo(200);
        assertThat(admin.page().body()).contains("Thành viên Ban Biên tập", "sotaichinh.bientap")
                .doesNotContain("không có quyền");
        assertThat(menu(admin.page().body())).contains("/admin/thanh-vien", "/admin/trang", "/admin/nhuan-but")
                .doesNotContain("/admin/bai-viet/moi", "/admin/duyet", "/admin/trang-thanh-phan");

        Landed contributor = signInForm(DEPARTMENT, "sotaichinh.bientap");
        assertThat(contributor.path()).isEqualTo("/admin");
        assertThat(contributor.page().body()).contains("Việc của tôi", "Mới cập nhật");
        assertThat(menu(contributor.page().body())).contains("/admin/bai-viet/moi", "/admin/bai-viet")
                .doesNotContain("/admin/duyet", "/admin/thanh-vien", "/admin/giam-sat");
    }

    @Test
    void aPageOutsideTheSeatsMenuIsRefusedWithAWayBackToItsHome() {
        Landed contributor = signInForm(DEPARTMENT, "sotaichinh.bientap");
        var refused = get(DEPARTMENT, "/admin/thanh-vien", "Cookie", contributor.cookie());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("href=\"/admin\"").contains("Về trang quản trị");
    }

    @Test
    void theProvinceAndThePlatformAdministratorsLandOnTheConsole() {
        assertThat(signInForm(PROVINCE, "platform.admin").path()).isEqualTo("/admin/trang-thanh-phan");
        List<String> head = landsWithAMenuWhoseLinksAllAnswer(PROVINCE, "thainguyen.truongban");
        assertThat(head).contains("/admin/trang-thanh-phan", "/admin/giam-sat", "/admin/duyet");
        // The province's head on a department's host: a province-board seat there, which writes no
        // article but manages the department's board (Members), so it lands on the members.
        Landed there = signInForm(DEPARTMENT, "thainguyen.truongban");
        assertThat(there.path()).isEqualTo("/admin/thanh-vien");
        assertThat(menu(there.page().body())).doesNotContain("/admin/bai-viet/moi", "/admin/trang-thanh-phan");
    }

    @Test
    void everySeatOnADepartmentLandsWithAMenuWhoseLinksAllAnswer() {
        for (Role role : Role.values()) {
            if (role != Role.PLATFORM_ADMIN) {
                landsWithAMenuWhoseLinksAllAnswer("so." + domain,
                        "hacanh.so." + role.name().toLowerCase().replace('_', '-') + "." + domain.replace('.', '-'));
            }
        }
    }

    @Test
    void everySeatOfTheProvinceBoardLandsWithAMenuOnTheProvinceAndOnItsDepartment() {
        for (Role role : Role.values()) {
            if (role != Role.PLATFORM_ADMIN) {
                String username = "hacanh.tinh." + role.name().toLowerCase().replace('_', '-') + "."
                        + domain.replace('.', '-');
                landsWithAMenuWhoseLinksAllAnswer(domain, username);
                // On the department the same person holds PROVINCE_<seat>.
                landsWithAMenuWhoseLinksAllAnswer("so." + domain, username);
            }
        }
    }

    @Test
    void aSessionOfAnotherSiteIsRefusedHere() {
        Landed theirs = signInForm("so." + domain, "hacanh.so.head." + domain.replace('.', '-'));
        assertThat(get(DEPARTMENT, "/admin", "Cookie", theirs.cookie()).statusCode()).isEqualTo(303);
        assertThat(get(DEPARTMENT, "/admin/thanh-vien", "Cookie", theirs.cookie()).statusCode()).isEqualTo(303);
        // Nor does the form let this site's person in on the other site.
        AnonymousForm before = anonymousForm("so." + domain);
        var r = send("so." + domain, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + before.csrf() + "&username=sotaichinh.quantri&password=" + DEMO_PASSWORD)),
                "/admin/dang-nhap", "Cookie", before.cookie(), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(401);
    }
}
