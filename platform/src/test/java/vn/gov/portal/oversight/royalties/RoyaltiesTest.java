package vn.gov.portal.oversight.royalties;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.PortalTest;

/**
 * Issue 6, item 8: a department's monthly royalty statement on a province of its own. Two
 * authors; the head sets the rates this month; the statement sums points and amounts by them;
 * rates changed next month leave this month as it was, and the approved month is kept; the XLSX
 * reads back; a contributor sees only their own lines and no money; another site's head is
 * refused. Articles are stamped by the real clock (publishing), so "this month" is the real one.
 */
@MicronautTest(transactional = false)
class RoyaltiesTest extends PortalTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String RATES = "{\"newsPoints\":2,\"eventPoints\":2,\"lawPoints\":3.5,"
            + "\"announcementPoints\":1,\"photoPoints\":0.5,\"pointValue\":100000}";
    @Inject
    MovableClock clock;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Inject
    ArticleService articles;
    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().build();
    private String soHost;
    private String xaHost;
    private String label;
    private YearMonth month;
    private long lanId;
    private long minhId;

    @Override
    protected boolean movesTheClock() {
        return true;
    }

    @BeforeAll
    void site() {
        clock.set(Instant.now());
        month = YearMonth.now(VIETNAM);
        String domain = Fixtures.flatProvince(provisioning, "nhuanbut");
        label = domain.replace(".test", "");
        var dir = directory.snapshot();
        Tenant province = dir.provinces().stream().filter(p -> p.subdomain().equals(label)).findFirst().orElseThrow();
        Tenant so = dir.child(province.id(), "so");
        Tenant xa = dir.child(province.id(), "xa");
        soHost = "so." + domain;
        xaHost = "xa." + domain;
        Actor head = member(so, label + ".truongban", "Trưởng ban Sở", Role.HEAD);
        member(xa, label + ".truongbanxa", "Trưởng ban Xã", Role.HEAD);
        Actor lan = member(so, label + ".lan", "Nguyễn Thị Lan", Role.CONTRIBUTOR);
        Actor minh = member(so, label + ".minh", "Trần Văn Minh", Role.CONTRIBUTOR);
        lanId = lan.accountId();
        minhId = minh.accountId();
        var set = api(soHost, token(soHost, label + ".truongban"), "PUT", "/api/v1/royalties/rates", RATES);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        publish(so, lan, head, "Tin có ảnh của Lan", "NEWS", true);
        publish(so, lan, head, "Phổ biến luật của Lan", "LAW_DISSEMINATION", false);
        publish(so, minh, head, "Thông báo của Minh", "ANNOUNCEMENT", false);
    }

    @Test
    void theMonthSumsPointsAndAmountsPerAuthorByTheRatesInForce() {
        Map<String, Object> s = statement(label + ".truongban");
        assertThat(s.get("full")).isEqualTo(true);
        assertThat((List<?>) s.get("lines")).hasSize(3);
        // Lan: news 2 + photo 0.5 = 2.5, law 3.5: 6 points, 600.000 đ; Minh: announcement 1, 100.000 đ.
        Map<String, Map<String, Object>> people = totals(s);
        assertThat(decimal(people.get("Nguyễn Thị Lan").get("points"))).isEqualByComparingTo("6");
        assertThat(people.get("Nguyễn Thị Lan").get("amount")).isEqualTo(600000);
        assertThat(people.get("Trần Văn Minh").get("amount")).isEqualTo(100000);
        assertThat(decimal(s.get("totalPoints"))).isEqualByComparingTo("7");
        assertThat(s.get("totalAmount")).isEqualTo(700000);
        var page = api(soHost, token(soHost, label + ".truongban"), "GET", "/admin/nhuan-but?thang=" + month, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Nguyễn Thị Lan").contains("700.000").contains("Lưu biểu điểm");
    }

    @Test
    void ratesChangedNextMonthLeaveThisMonthAsItWasAndTheApprovedMonthIsKept() {
        String head = token(soHost, label + ".truongban");
        var early = api(soHost, head, "POST", "/api/v1/royalties/statements/" + month + "/approve", null);
        assertThat(early.statusCode()).as("the month has not ended").isEqualTo(422);
        clock.set(month.plusMonths(1).atDay(2).atTime(9, 0).atZone(VIETNAM).toInstant());
        try {
            var changed = api(soHost, head, "PUT", "/api/v1/royalties/rates", RATES.replace("100000", "150000")
                    .replace("\"lawPoints\":3.5", "\"lawPoints\":5"));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(changed.body()).contains("\"effectiveFrom\":\"" + month.plusMonths(1).atDay(1) + "\"");
            Map<String, Object> before = statement(label + ".truongban");
            assertThat(before.get("totalAmount")).isEqualTo(700000);
            assertThat(((Map<?, ?>) before.get("rates")).get("pointValue")).isEqualTo(100000);

            var contributor = api(soHost, token(soHost, label + ".lan"), "POST",
                    "/api/v1/royalties/statements/" + month + "/approve", null);
            assertThat(contributor.statusCode()).isEqualTo(403);
            var approved = api(soHost, head, "POST", "/api/v1/royalties/statements/" + month + "/approve", null);
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            assertThat(approved.body()).contains("\"approved\":true");
            assertThat(api(soHost, head, "POST", "/api/v1/royalties/statements/" + month + "/approve", null)
                    .statusCode()).isEqualTo(409);
            // A change made after approval, even one dated into that month, leaves it as kept.
            Fixtures.ownerSql(directory, "UPDATE royalty_rates SET point_value = 1 WHERE set_by LIKE '%"
                    + label + ".truongban'");
            Map<String, Object> after = statement(label + ".truongban");
            assertThat(after.get("approved")).isEqualTo(true);
            assertThat(after.get("totalAmount")).isEqualTo(700000);
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void theXlsxExportReadsBackWithPoi() throws Exception {
        byte[] file = download(label + ".truongban", "xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> titles = new ArrayList<>();
            double total = -1;
            for (Row row : sheet) {
                var first = row.getCell(0);
                if (row.getRowNum() >= 2 && row.getCell(1) != null && first != null
                        && first.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    titles.add(row.getCell(1).getStringCellValue());
                }
                if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && first.getStringCellValue().equals("Cộng")) {
                    total = row.getCell(3).getNumericCellValue();
                }
            }
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("Thành tiền (đ)");
            assertThat(titles).containsExactlyInAnyOrder("Tin có ảnh của Lan", "Phổ biến luật của Lan",
                    "Thông báo của Minh");
            assertThat(total).isEqualTo(700000.0);
        }
        byte[] ods = download(label + ".truongban", "ods");
        assertThat(new String(ods, 38, 46, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
    }

    @Test
    void aContributorSeesOnlyTheirOwnLinesAndNoMoney() throws Exception {
        Map<String, Object> s = statement(label + ".minh");
        assertThat(s.get("full")).isEqualTo(false);
        List<?> lines = (List<?>) s.get("lines");
        assertThat(lines).hasSize(1);
        assertThat(((Map<?, ?>) lines.getFirst()).get("accountId")).isEqualTo((int) minhId);
        assertThat(s.get("totalAmount")).isNull();
        assertThat(((Map<?, ?>) s.get("rates")).get("pointValue")).isNull();
        String raw = api(soHost, token(soHost, label + ".minh"), "GET", "/api/v1/royalties/statements/" + month,
                null).body();
        assertThat(raw).doesNotContain("Lan").doesNotContain("600000").doesNotContain("\"amount\":1");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(download(label + ".minh", "xlsx")))) {
            StringBuilder all = new StringBuilder();
            book.getSheetAt(0).forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all.toString()).doesNotContain("Lan").doesNotContain("Thành tiền").contains("Thông báo của Minh");
        }
        var page = api(soHost, token(soHost, label + ".minh"), "GET", "/admin/nhuan-but?thang=" + month, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Thông báo của Minh").doesNotContain("Nguyễn Thị Lan")
                .doesNotContain("Thành tiền").doesNotContain("Lưu biểu điểm");
        var rates = api(soHost, token(soHost, label + ".minh"), "PUT", "/api/v1/royalties/rates", RATES);
        assertThat(rates.statusCode()).isEqualTo(403);
        assertThat(lanId).isNotEqualTo(minhId);
    }

    /**
     * The back office's rates form (a typed RatesForm through backoffice.Forms): a value of a
     * point that is not a number comes back 422 on the page with its message and the input kept;
     * a contributor's post is the 403 page, not a refusal shown on the form. Neither changes the rates.
     */
    @Test
    void theRatesFormRefusesOnThePageAndAContributorIsForbidden() {
        String head = "portal_session=" + token(soHost, label + ".truongban");
        var bad = postForm(head, "_csrf=" + csrfOf(soHost, "/admin/nhuan-but", head)
                + "&newsPoints=2&eventPoints=2&lawPoints=3&announcementPoints=1&photoPoints=1&pointValue=nhieu");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertThat(bad.body()).contains("Giá trị một điểm phải là số đồng từ 0 đến 100.000.000.")
                .contains("value=\"nhieu\"");
        String contributor = "portal_session=" + token(soHost, label + ".minh");
        var forbidden = postForm(contributor, "_csrf=" + csrfOf(soHost, contributor)
                + "&newsPoints=9&eventPoints=9&lawPoints=9&announcementPoints=9&photoPoints=9&pointValue=1");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).doesNotContain("value=\"9\"");
    }

    private HttpResponse<String> postForm(String cookies, String body) {
        return send(soHost, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)),
                "/admin/nhuan-but/bieu-diem", "Cookie", cookies, "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void anotherSitesHeadCannotReadThisSitesStatement() {
        String xaHead = token(xaHost, label + ".truongbanxa");
        var across = api(soHost, xaHead, "GET", "/api/v1/royalties/statements/" + month, null);
        assertThat(across.statusCode()).as(across.body()).isEqualTo(401);
        assertThat(across.body()).doesNotContain("Nguyễn Thị Lan");
        // Signed in on the department's host itself, the commune's head holds no seat there.
        var there = signIn(soHost, label + ".truongbanxa", DEMO_PASSWORD);
        assertThat(there.statusCode()).as(there.body()).isEqualTo(401);
        // And the commune's own statement names none of the department's authors.
        var own = api(xaHost, xaHead, "GET", "/api/v1/royalties/statements/" + month, null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("Nguyễn Thị Lan").contains("\"totalAmount\":0");
    }

    @Test
    void badInputIsAProblemInVietnamese() {
        String head = token(soHost, label + ".truongban");
        var bad = api(soHost, head, "PUT", "/api/v1/royalties/rates", RATES.replace("0.5", "-1"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"rule\":\"photoPoints\"").contains("Số điểm");
        assertThat(api(soHost, head, "GET", "/api/v1/royalties/statements/11-2026", null).statusCode()).isEqualTo(422);
        assertThat(api(soHost, head, "GET", "/api/v1/royalties/statements/" + month + "?format=pdf", null)
                .statusCode()).isEqualTo(422);
    }

    private Map<String, Object> statement(String username) {
        var r = api(soHost, token(soHost, username), "GET", "/api/v1/royalties/statements/" + month, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return read(r.body());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> totals(Map<String, Object> s) {
        Map<String, Map<String, Object>> people = new HashMap<>();
        for (Object t : (List<?>) s.get("totals")) {
            Map<String, Object> m = (Map<String, Object>) t;
            people.put((String) m.get("person"), m);
        }
        return people;
    }

    private static BigDecimal decimal(Object o) {
        return new BigDecimal(String.valueOf(o));
    }

    private byte[] download(String username, String format) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                        + "/api/v1/royalties/statements/" + month + "?format=" + format))
                .header("Host", soHost).header("Authorization", "Bearer " + token(soHost, username)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private void publish(Tenant site, Actor author, Actor head, String title, String kind, boolean photo) {
        var a = articles.create(site.id(), author, new ArticleInput(title, "Tóm tắt " + title, "<p>" + title + "</p>",
                kind, null, List.of(), photo ? "/media/1/large" : null, photo ? "Ảnh minh họa" : null, null, null,
                null, null, null, null));
        articles.submit(site.id(), author, a.getId());
        articles.approve(site.id(), head, a.getId(), null, "Thử nghiệm nhuận bút");
    }

    private Actor member(Tenant site, String username, String name, Role role) {
        long account = accounts.create(username, name, null, DEMO_PASSWORD, null);
        accounts.grant(site.id(), account, role, "test");
        return new Actor(account, username, Set.of(role.name()));
    }
}
