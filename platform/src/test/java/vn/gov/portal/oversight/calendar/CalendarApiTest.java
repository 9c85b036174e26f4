package vn.gov.portal.oversight.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** The calendar over HTTP: read and counted on any site, changed only by its own province's admin. */
@SharedApplication
class CalendarApiTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    @Test
    void everySiteReadsItsProvincesCalendarAndCountsWithIt() {
        var year = get(COMMUNE, "/api/v1/calendar?year=2026");
        assertThat(year.statusCode()).isEqualTo(200);
        assertThat(year.body()).contains("\"entered\":true")
                .contains("{\"date\":\"2026-11-24\",\"kind\":\"HOLIDAY\",\"name\":\"Ngày Văn hóa Việt Nam (new from 2026)\"")
                .contains("{\"date\":\"2026-01-10\",\"kind\":\"MAKEUP_WORKDAY\"")
                .contains("\"morningStart\":\"07:30:00\"");
        var due = get(DEPARTMENT, "/api/v1/calendar/deadline?from=2026-02-13T16:00&amount=8&unit=working-hours");
        assertThat(due.statusCode()).as(due.body()).isEqualTo(200);
        assertThat(due.body()).contains("\"dueLocal\":\"2026-02-23T16:00+07:00\"");
        var qa = get(PROVINCE, "/api/v1/calendar/deadline?from=2026-11-23T09:00%2B07:00&amount=5&unit=working-days"
                + "&countFrom=08:00");
        assertThat(qa.body()).contains("\"dueLocal\":\"2026-12-01T17:00+07:00\"");
        assertThat(get(PROVINCE, "/api/v1/calendar/working-time?from=2026-11-20T16:00&to=2026-11-23T16:00").body())
                .contains("\"minutes\":480");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        var bad = get(PROVINCE, "/api/v1/calendar/deadline?from=hôm-qua&amount=8&unit=working-hours");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(bad.body()).contains("\"rule\":\"from\"").contains("2026-02-13T16:00");
        assertThat(get(PROVINCE, "/api/v1/calendar/deadline?from=2026-02-13T16:00&amount=8&unit=weeks").body())
                .contains("\"rule\":\"limit\"");
        String admin = token(PROVINCE, "platform.admin");
        var kind = api(PROVINCE, admin, "PUT", "/api/v1/calendar/days/2026-12-31", "{\"kind\":\"PARTY\",\"name\":\"x\"}");
        assertThat(kind.statusCode()).isEqualTo(422);
        assertThat(kind.body()).contains("\"rule\":\"kind\"");
        assertThat(api(PROVINCE, admin, "PUT", "/api/v1/calendar/office-hours",
                "{\"morningStart\":\"11:00\",\"morningEnd\":\"08:00\",\"afternoonStart\":\"13:00\",\"afternoonEnd\":\"17:00\"}")
                .statusCode()).isEqualTo(422);
        assertThat(get(PROVINCE, "/api/v1/calendar?year=2026").body()).as("nothing changed")
                .contains("\"morningStart\":\"07:30:00\"").doesNotContain("2026-12-31");
    }

    @Test
    void theProvinceEntersADecisionAndDeadlinesFollowOnEveryHost() {
        String domain = Fixtures.flatProvince(provisioning, "lich");
        String province = domain;
        String admin = token(province, "platform.admin");
        String before = get("xa." + domain, "/api/v1/calendar/deadline?from=2028-05-09T16:00&amount=8&unit=working-hours")
                .body();
        assertThat(before).contains("\"dueLocal\":\"2028-05-10T16:00+07:00\"");
        var set = api(province, admin, "PUT", "/api/v1/calendar/days/2028-05-10",
                "{\"kind\":\"SWAP_OFF\",\"name\":\"Nghỉ hoán đổi\",\"source\":\"Quyết định thử\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(get("xa." + domain, "/api/v1/calendar/deadline?from=2028-05-09T16:00&amount=8&unit=working-hours")
                .body()).contains("\"dueLocal\":\"2028-05-11T16:00+07:00\"");
        var year = get("so." + domain, "/api/v1/calendar?year=2028").body();
        assertThat(year).as("a computed year is entered whole before its first change").contains("\"entered\":true")
                .contains("2028-01-26").contains("Quyết định thử");
        assertThat(get(PROVINCE, "/api/v1/calendar/deadline?from=2028-05-09T16:00&amount=8&unit=working-hours").body())
                .as("another province's calendar is its own").contains("\"dueLocal\":\"2028-05-10T16:00+07:00\"");
        assertThat(api(province, admin, "DELETE", "/api/v1/calendar/days/2028-05-10", null).statusCode()).isEqualTo(204);
        assertThat(api(province, admin, "DELETE", "/api/v1/calendar/days/2028-05-10", null).statusCode()).isEqualTo(404);

        var replaced = api(province, admin, "PUT", "/api/v1/calendar/years/2029", """
                {"source":"Thông báo thử 2029","days":[{"date":"2029-01-01","kind":"HOLIDAY","name":"Tết Dương lịch"}]}""");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.body()).contains("\"entered\":true").doesNotContain("2029-02-13");
    }

    @Test
    void onlyTheProvincesOwnAdminsChangeIt() throws SQLException {
        String domain = Fixtures.flatProvince(provisioning, "lichb");
        long other = directory.snapshot().provinces().stream()
                .filter(p -> p.subdomain().equals(domain.replace(".test", ""))).findFirst().orElseThrow().id();
        long head = accounts.create("lichb.truongban", "Trưởng ban tỉnh khác", null, DEMO_PASSWORD, null);
        accounts.grant(other, head, Role.HEAD, "test");
        String otherHead = token(domain, "lichb.truongban");
        String body = "{\"kind\":\"HOLIDAY\",\"name\":\"Ngày lạ\"}";
        assertThat(api(domain, otherHead, "PUT", "/api/v1/calendar/days/2026-12-30", body).statusCode())
                .as("its own province: allowed").isEqualTo(200);
        assertThat(api(PROVINCE, otherHead, "PUT", "/api/v1/calendar/days/2026-12-29", body).statusCode())
                .as("its token on another province's host").isEqualTo(401);
        assertThat(api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "PUT", "/api/v1/calendar/days/2026-12-29",
                body).statusCode()).as("a department's head").isEqualTo(403);
        assertThat(api(PROVINCE, null, "PUT", "/api/v1/calendar/days/2026-12-29", body).statusCode()).isEqualTo(401);
        assertThat(get(PROVINCE, "/api/v1/calendar?year=2026").body()).doesNotContain("2026-12-29")
                .doesNotContain("Ngày lạ");

        // The database's own wall: a transaction scoped to the other province changes none of Thái Nguyên's days.
        long thainguyen = directory.snapshot().provinces().stream()
                .filter(p -> p.subdomain().equals("thainguyen")).findFirst().orElseThrow().id();
        try (var c = db().app()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT set_config('app.tenants', '{" + other + "}', true)");
            int changed = c.createStatement().executeUpdate(
                    "UPDATE calendar_days SET name = 'x' WHERE province_id = " + thainguyen);
            int removed = c.createStatement().executeUpdate("DELETE FROM calendar_days WHERE province_id = " + thainguyen);
            assertThat(changed + removed).isZero();
            assertThat(c.createStatement().executeUpdate(
                    "UPDATE calendar_days SET name = 'x' WHERE province_id = " + other)).isPositive();
            c.rollback();
        }
    }
}
