package vn.gov.portal.provisioning.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.PortalTest;

/**
 * ND 224 Đ13 end to end on a province of its own: seven working days' notice counted on the
 * province's calendar, the notice on the affected site only, the static copy while the window
 * lasts, and the site back as it was when it ends.
 */
@MicronautTest(transactional = false)
@Tag("browser")
class PlannedMaintenanceTest extends PortalTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    @Inject
    MovableClock clock;
    @Inject
    MaintenanceSchedule schedule;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    @Override
    protected boolean movesTheClock() {
        return true;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("portal.maintenance.tick", "1h"); // the test looks at the clock itself
        return p;
    }

    @Test
    void announcedSevenWorkingDaysAheadShownThenServedFromTheStaticCopy() {
        clock.set(at("2026-11-23T10:00"));
        String domain = Fixtures.flatProvince(provisioning, "baotri");
        String so = "so." + domain;
        String xa = "xa." + domain;
        long soId = directory.snapshot().provinces().stream()
                .filter(p -> p.subdomain().equals(domain.replace(".test", ""))).findFirst()
                .map(p -> directory.snapshot().child(p.id(), "so")).orElseThrow().id();
        String admin = token(domain, "platform.admin");
        assertThat(get(so, "/").body()).doesNotContain("Thông báo bảo trì");

        // Monday 23/11 at 10:00; Tuesday 24/11 is a holiday: the seventh working day closes Thursday 3/12.
        assertThat(api(domain, admin, "GET", "/api/v1/maintenance", null).body())
                .contains("\"earliestStartLocal\":\"17:00 ngày 03/12/2026\"");
        var tooSoon = api(domain, admin, "POST", "/api/v1/maintenance",
                "{\"startsAt\":\"2026-12-03T16:00\",\"endsAt\":\"2026-12-03T20:00\",\"reason\":\"Nâng cấp\"}");
        assertThat(tooSoon.statusCode()).isEqualTo(422);
        assertThat(tooSoon.body()).contains("\"rule\":\"notice\"").contains("17:00 ngày 03/12/2026");
        assertThat(api(domain, admin, "POST", "/api/v1/maintenance",
                "{\"startsAt\":\"2026-12-05T06:00\",\"endsAt\":\"2026-12-04T22:00\",\"reason\":\"Nâng cấp\"}")
                .body()).contains("\"rule\":\"endsAt\"");
        assertThat(api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "POST", "/api/v1/maintenance",
                "{\"startsAt\":\"2026-12-04T22:00\",\"endsAt\":\"2026-12-05T06:00\",\"reason\":\"x\"}").statusCode())
                .as("a department's head does not announce").isEqualTo(403);
        long demoSite = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().map(p -> directory.snapshot().child(p.id(), "sotaichinh")).orElseThrow().id();
        assertThat(api(domain, admin, "POST", "/api/v1/maintenance", "{\"startsAt\":\"2026-12-04T22:00\","
                + "\"endsAt\":\"2026-12-05T06:00\",\"reason\":\"x\",\"sites\":[" + demoSite + "]}").body())
                .as("another province's site").contains("\"rule\":\"sites\"");

        var announced = api(domain, admin, "POST", "/api/v1/maintenance", "{\"startsAt\":\"2026-12-04T22:00\","
                + "\"endsAt\":\"2026-12-05T06:00\",\"reason\":\"Nâng cấp cơ sở dữ liệu\",\"sites\":[" + soId + "]}");
        assertThat(announced.statusCode()).as(announced.body()).isEqualTo(201);
        long id = Long.parseLong(field(announced.body(), "id"));
        assertThat(get(so, "/").body()).as("the cached home is replaced at once")
                .contains("Thông báo bảo trì theo kế hoạch")
                .contains("dự kiến hoạt động trở lại lúc 06:00 ngày 05/12/2026 (Nâng cấp cơ sở dữ liệu)");
        assertThat(get(xa, "/").body()).as("a site the window does not cover").doesNotContain("Thông báo bảo trì");
        assertThat(get(so, "/api/v1/maintenance/notice").statusCode()).isEqualTo(200);
        assertThat(get(xa, "/api/v1/maintenance/notice").statusCode()).isEqualTo(204);
        assertThat(get(DEPARTMENT, "/").body()).as("another province").doesNotContain("Thông báo bảo trì");

        clock.set(at("2026-12-04T21:40"));
        schedule.tick(); // half an hour ahead: the copy is taken
        clock.set(at("2026-12-04T22:30"));
        schedule.tick();
        var home = get(so, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("X-Portal-Maintenance")).hasValue("static-copy");
        assertThat(home.body()).contains("Sở Thử nghiệm").contains("06:00 ngày 05/12/2026");
        assertThat(get(so, "/gioi-thieu").headers().firstValue("X-Portal-Maintenance")).hasValue("static-copy");
        String css = home.body().replaceAll("(?s).*href=\"(/assets/[^\"]+\\.css)\".*", "$1");
        assertThat(get(so, css).statusCode()).as(css).isEqualTo(200);
        var other = get(so, "/tim-kiem?q=thuế");
        assertThat(other.statusCode()).isEqualTo(503);
        assertThat(other.headers().firstValue("Retry-After")).isPresent();
        assertThat(other.body()).contains("06:00 ngày 05/12/2026");
        var write = send(so, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString("design=5")), "/danh-gia",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(write.statusCode()).isEqualTo(503);
        var xaHome = get(xa, "/");
        assertThat(xaHome.statusCode()).isEqualTo(200);
        assertThat(xaHome.headers().firstValue("X-Portal-Maintenance")).isEmpty();

        var ended = api(domain, admin, "DELETE", "/api/v1/maintenance/" + id, null);
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        var back = get(so, "/");
        assertThat(back.headers().firstValue("X-Portal-Maintenance")).isEmpty();
        assertThat(back.body()).doesNotContain("Thông báo bảo trì");
        assertThat(get(so, "/tim-kiem?q=thuế").statusCode()).isEqualTo(200);
    }

    @Test
    void aWindowForTheWholeProvinceEndsByItself() {
        clock.set(at("2026-11-23T10:00"));
        String domain = Fixtures.flatProvince(provisioning, "baotrib");
        String admin = token(domain, "platform.admin");
        var announced = api(domain, admin, "POST", "/api/v1/maintenance",
                "{\"startsAt\":\"2026-12-07T22:00+07:00\",\"endsAt\":\"2026-12-07T23:00+07:00\",\"reason\":\"Thay máy chủ\"}");
        assertThat(announced.statusCode()).as(announced.body()).isEqualTo(201);
        assertThat(get(domain, "/").body()).contains("Thay máy chủ");
        assertThat(get("xa." + domain, "/").body()).contains("Thay máy chủ");
        clock.set(at("2026-12-07T22:10"));
        schedule.tick();
        assertThat(get("xa." + domain, "/").headers().firstValue("X-Portal-Maintenance")).hasValue("static-copy");
        clock.set(at("2026-12-07T23:00"));
        schedule.tick();
        var after = get("xa." + domain, "/");
        assertThat(after.headers().firstValue("X-Portal-Maintenance")).isEmpty();
        assertThat(after.body()).doesNotContain("Thay máy chủ");
    }

    /** The province's back office, in Chromium: a refused start keeps what was typed; then announce and call off. */
    @Test
    void theProvinceAnnouncesAndCallsOffInTheBackOffice() {
        clock.set(at("2026-11-23T10:00"));
        String admin = token(PROVINCE, "platform.admin");
        var created = api(PROVINCE, admin, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"xabaotri\",\"name\":\"Xã Bảo Trì\",\"kind\":\"COMMUNE\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(field(created.body(), "id"));
        try (Browser browser = new Browser()) {
            Page page = browser.person().newPage();
            String origin = "http://" + PROVINCE + ":" + server.getPort();
            page.navigate(origin + "/admin");
            page.getByLabel("Tên đăng nhập").fill("platform.admin");
            page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bảo trì theo kế hoạch")).click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("main"))
                    .containsText("sớm nhất lúc 17:00 ngày 03/12/2026");
            page.getByLabel("Bắt đầu").fill("2026-11-30T22:00");
            page.getByLabel("Dự kiến hoạt động trở lại").fill("2026-12-01T02:00");
            page.getByLabel("Lý do (hiển thị cho người xem)").fill("Thay ổ đĩa");
            page.getByLabel("Chỉ các trang được chọn").check();
            page.getByLabel("Xã Bảo Trì").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thông báo bảo trì")).click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT))
                    .containsText("bắt đầu sớm nhất lúc 17:00 ngày 03/12/2026");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                    page.getByLabel("Lý do (hiển thị cho người xem)")).hasValue("Thay ổ đĩa");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByLabel("Xã Bảo Trì")).isChecked();

            page.getByLabel("Bắt đầu").fill("2026-12-04T22:00");
            page.getByLabel("Dự kiến hoạt động trở lại").fill("2026-12-05T02:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thông báo bảo trì")).click();
            Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("Thay ổ đĩa"));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(row).containsText("Xã Bảo Trì");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(row).containsText("Đã thông báo");
            assertThat(get("xabaotri.thainguyen.localhost", "/").body()).contains("Thay ổ đĩa");
            assertThat(get(COMMUNE, "/").body()).doesNotContain("Thay ổ đĩa");

            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hủy lần bảo trì")).click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                    page.locator("tr", new Page.LocatorOptions().setHasText("Thay ổ đĩa"))).containsText("Đã hủy");
            assertThat(get("xabaotri.thainguyen.localhost", "/").body()).doesNotContain("Thay ổ đĩa");
        }
        assertThat(id).isPositive();
    }

    private static java.time.Instant at(String local) {
        return LocalDateTime.parse(local).atZone(VIETNAM).toInstant();
    }
}
