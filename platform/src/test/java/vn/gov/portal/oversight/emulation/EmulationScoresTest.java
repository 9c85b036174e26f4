package vn.gov.portal.oversight.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 6, item 9: the annual emulation score, on a province of its own whose facts for 2024
 * (a year the hourly refresh no longer rewrites) are written as OversightFacts writes them: the
 * department met its quota in both months it had one, with every judged item on time; the
 * commune missed its one month and was late; the department submitted one of its two periodic
 * reports of the year (2024-H1, not the year's), the commune none. The score must be the formula's value; the formula
 * is the province's to change from this year on, past years keep theirs; a department's head may
 * not read the table.
 */
@SharedApplication
class EmulationScoresTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    JsonMapper json;
    @Inject
    Accounts accounts;

    private String domain;
    private Tenant so;
    private Tenant xa;

    @BeforeAll
    void facts() {
        domain = Fixtures.flatProvince(provisioning, "thidua");
        var dir = directory.snapshot();
        Tenant province = dir.provinces().stream().filter(p -> p.subdomain().equals(domain.replace(".test", "")))
                .findFirst().orElseThrow();
        so = dir.child(province.id(), "so");
        xa = dir.child(province.id(), "xa");
        Fixtures.ownerSql(directory, """
                INSERT INTO oversight_months (tenant_id, month, required, counted, published, judged, on_time, overdue)
                VALUES (%1$d, '2024-03-01', 2, 2, 2, 1, 1, 0), (%1$d, '2024-04-01', 2, 3, 3, 2, 2, 0),
                       (%2$d, '2024-04-01', 1, 0, 0, 1, 0, 1)""".formatted(so.id(), xa.id()));
        Fixtures.ownerSql(directory, """
                INSERT INTO site_reports (tenant_id, form_code, period, status, snapshot, submitted_by, submitted_at)
                VALUES (%d, 'BAO_CAO_DINH_KY', '2024-H1', 'SUBMITTED', '{}',
                        (SELECT id FROM accounts WHERE username = 'platform.admin'), '2024-07-05T09:00:00+07')""".formatted(so.id()));
    }

    @Test
    void aUnitThatMetItsQuotaEveryMonthWithAllItemsOnTimeScoresTheFormulasValue() {
        Map<String, Object> table = year(2024);
        Map<?, ?> formula = (Map<?, ?>) table.get("formula");
        int quota = (Integer) formula.get("quotaWeight");
        int timeliness = (Integer) formula.get("timelinessWeight");
        int reports = (Integer) formula.get("reportsWeight");
        assertThat(quota + timeliness + reports).isEqualTo(100);
        assertThat(reports).as("the reports part keeps its weight").isPositive();
        Map<?, ?> department = unit(table, so.id());
        assertThat(department.get("monthsMet")).isEqualTo(2);
        assertThat(department.get("monthsWithQuota")).isEqualTo(2);
        assertThat(department.get("onTime")).isEqualTo(3);
        assertThat(new BigDecimal(String.valueOf(department.get("reportsShare")))).as("one of two reports due")
                .isEqualByComparingTo("0.5");
        assertThat(new BigDecimal(String.valueOf(unit(table, xa.id()).get("reportsShare")))).isEqualByComparingTo("0");
        // quota share 1, timeliness share 1, reports 1/2: the formula's value is quota + timeliness + reports / 2.
        assertThat(new BigDecimal(String.valueOf(department.get("score")))).isEqualByComparingTo(
                BigDecimal.valueOf(quota + timeliness).add(BigDecimal.valueOf(reports).divide(BigDecimal.valueOf(2))));
        assertThat(new BigDecimal(String.valueOf(unit(table, xa.id()).get("score")))).isEqualByComparingTo("0");
        List<?> units = (List<?>) table.get("units");
        assertThat(((Map<?, ?>) units.getFirst()).get("tenantId")).isEqualTo((int) so.id());
        assertThat((String) table.get("formulaText")).startsWith("Điểm thi đua = " + quota + " × ");
        assertThat((String) table.get("reportsNote")).contains("số báo cáo đã nộp ÷ số báo cáo phải nộp")
                .contains("2 báo cáo mỗi đơn vị");
    }

    @Test
    void theProvinceChangesTheFormulaFromThisYearAndPastYearsKeepTheirs() {
        String admin = token(domain, "platform.admin");
        int thisYear = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
        var past = api(domain, admin, "PUT", "/api/v1/oversight/emulation/formula",
                "{\"fromYear\":2024,\"quotaWeight\":60,\"timelinessWeight\":30,\"reportsWeight\":10,"
                        + "\"legalBasis\":\"Quyết định thử\"}");
        assertThat(past.statusCode()).isEqualTo(422);
        var bad = api(domain, admin, "PUT", "/api/v1/oversight/emulation/formula",
                "{\"quotaWeight\":60,\"timelinessWeight\":30,\"reportsWeight\":20,\"legalBasis\":\"Quyết định thử\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("cộng lại bằng 100");
        var set = api(domain, admin, "PUT", "/api/v1/oversight/emulation/formula",
                "{\"quotaWeight\":60,\"timelinessWeight\":30,\"reportsWeight\":10,\"legalBasis\":\"Quyết định thử\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).contains("\"fromYear\":" + thisYear);
        assertThat(((Map<?, ?>) year(thisYear).get("formula")).get("quotaWeight")).isEqualTo(60);
        assertThat(((Map<?, ?>) year(2024).get("formula")).get("quotaWeight")).as("2024 keeps its formula")
                .isNotEqualTo(60);
        var page = api(domain, admin, "GET", "/admin/giam-sat/thi-dua?nam=" + thisYear, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Điểm thi đua = 60 × (số tháng đạt định mức").contains("Sở Thử nghiệm")
                .contains("chưa có dữ liệu");
    }

    @Test
    void aDepartmentsHeadCannotReadTheProvincesTable() {
        var department = api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "GET",
                "/api/v1/oversight/emulation/2024", null);
        assertThat(department.statusCode()).isEqualTo(403);
        var formula = api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "PUT",
                "/api/v1/oversight/emulation/formula",
                "{\"quotaWeight\":100,\"timelinessWeight\":0,\"reportsWeight\":0,\"legalBasis\":\"x\"}");
        assertThat(formula.statusCode()).isEqualTo(403);
        String other = api(PROVINCE, token(PROVINCE, "platform.admin"), "GET", "/api/v1/oversight/emulation/2024",
                null).body();
        assertThat(other).as("another province's table names none of these sites").doesNotContain(domain);
        assertThat(api(domain, token(domain, "platform.admin"), "GET", "/api/v1/oversight/emulation/20x4", null)
                .statusCode()).isEqualTo(422);
    }

    /**
     * The back office's formula form (a typed FormulaForm through backoffice.Forms): a weight that
     * is not a number comes back 422 on the page with its message and what was typed kept; the
     * service's own rule (the sum) refuses the same way; a valid change goes on to the page;
     * a department's head of this very province is refused, and a post without its token is 403.
     */
    @Test
    void theFormulaFormRefusesOnThePageAndKeepsWhatWasTyped() {
        String session = "portal_session=" + token(domain, "platform.admin");
        String csrf = csrfOf(domain, "/admin/giam-sat/thi-dua", session);
        var notANumber = postForm(domain, session, "_csrf=" + csrf + "&quotaWeight=abc&timelinessWeight=30"
                + "&reportsWeight=10&legalBasis=" + enc("Quyết định thử"));
        assertThat(notANumber.statusCode()).as(notANumber.body()).isEqualTo(422);
        assertThat(notANumber.body()).contains("Mỗi trọng số phải là số nguyên từ 0 đến 100.")
                .contains("value=\"abc\"").contains("value=\"Quyết định thử\"");
        var sum = postForm(domain, session, "_csrf=" + csrf + "&quotaWeight=60&timelinessWeight=30"
                + "&reportsWeight=20&legalBasis=" + enc("Quyết định thử"));
        assertThat(sum.statusCode()).isEqualTo(422);
        assertThat(sum.body()).contains("cộng lại bằng 100").contains("value=\"20\"");
        var saved = postForm(domain, session, "_csrf=" + csrf + "&quotaWeight=60&timelinessWeight=30"
                + "&reportsWeight=10&legalBasis=" + enc("Quyết định thử"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("daLuu=cong-thuc");
        assertThat(postForm(domain, session, "quotaWeight=60&timelinessWeight=30&reportsWeight=10&legalBasis=x")
                .statusCode()).as("no token: the forbidden page, not a refusal").isEqualTo(403);

        String head = domain.substring(0, domain.indexOf('.')) + ".so.truongban";
        long id = accounts.create(head, "Trưởng ban thử", null, DEMO_PASSWORD, null);
        accounts.grant(so.id(), id, Role.HEAD, "test");
        String soHost = "so." + domain;
        String headSession = "portal_session=" + token(soHost, head);
        var refused = send(soHost, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + csrfOf(soHost, headSession) + "&quotaWeight=100&timelinessWeight=0&reportsWeight=0"
                                + "&legalBasis=x")), "/admin/giam-sat/thi-dua/cong-thuc",
                "Cookie", headSession, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(refused.statusCode()).as("a department's head changes no province's formula").isEqualTo(403);
    }

    private HttpResponse<String> postForm(String host, String cookies, String body) {
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)),
                "/admin/giam-sat/thi-dua/cong-thuc", "Cookie", cookies, "Content-Type",
                "application/x-www-form-urlencoded");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Map<String, Object> year(int year) {
        var r = api(domain, token(domain, "platform.admin"), "GET", "/api/v1/oversight/emulation/" + year, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = json.readValue(r.body(), Map.class);
            return m;
        } catch (IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    private static Map<?, ?> unit(Map<String, Object> table, long id) {
        return ((List<?>) table.get("units")).stream().map(u -> (Map<?, ?>) u)
                .filter(u -> ((Number) u.get("tenantId")).longValue() == id).findFirst().orElseThrow();
    }
}
