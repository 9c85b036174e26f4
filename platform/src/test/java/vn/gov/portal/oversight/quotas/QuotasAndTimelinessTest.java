package vn.gov.portal.oversight.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.publishing.Proposals;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.PortalTest;

/**
 * Issue 6's acceptance on quotas and timeliness, on a TN-2026 province of its own: what counts
 * (items proposed to and accepted by the portal), the states, the deadline of event news in
 * working hours across a weekend and across Tết, and a rule changed in a later month leaving the
 * earlier month's judgement as it was. Dates of facts come from the real clock (publishing stamps
 * them), so the test reads "this month" from it and works whatever day it runs.
 */
@MicronautTest(transactional = false)
class QuotasAndTimelinessTest extends PortalTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
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
    Proposals proposals;

    private String domain;
    private Tenant province;
    private Tenant so;
    private Tenant xa;
    private Actor soHead;
    private Actor xaHead;
    private Actor provinceHead;

    @Override
    protected boolean movesTheClock() {
        return true;
    }

    @BeforeAll
    void province() {
        clock.set(Instant.now());
        domain = Fixtures.flatProvince(provisioning, "giamsat");
        var dir = directory.snapshot();
        province = dir.provinces().stream().filter(p -> p.subdomain().equals(domain.replace(".test", "")))
                .findFirst().orElseThrow();
        so = dir.child(province.id(), "so");
        xa = dir.child(province.id(), "xa");
        soHead = head(so, "giamsat.so");
        xaHead = head(xa, "giamsat.xa");
        provinceHead = head(province, "giamsat.tinh");
    }

    @Test
    void aDepartmentNeedsTwoAcceptedItemsAMonthAndACommuneOne() {
        String admin = token(domain, "platform.admin");
        assertThat(row(admin, "so")).contains("\"required\":2,\"counted\":0");
        assertThat(row(admin, "xa")).contains("\"required\":1,\"counted\":0");

        provide(so, soHead, "Tin thứ nhất của Sở");
        provide(so, soHead, "Tin chưa được tiếp nhận", false);
        eventually(() -> row(admin, "so"), "\"required\":2,\"counted\":1,");
        assertThat(row(admin, "so")).doesNotContain("\"state\":\"MET\"");

        provide(so, soHead, "Tin thứ hai của Sở");
        eventually(() -> row(admin, "so"), "\"required\":2,\"counted\":2,\"state\":\"MET\"");
        provide(xa, xaHead, "Tin của Xã");
        eventually(() -> row(admin, "xa"), "\"required\":1,\"counted\":1,\"state\":\"MET\"");
    }

    @Test
    void eventNewsIsJudgedInWorkingHoursAcrossWeekendsAndTet() {
        // Friday 20/11/2026 16:00, 8 working hours: due Monday 23/11 at 16:00; published now, so late.
        long friday = publish(xa, xaHead, "Hội nghị chiều thứ Sáu", at("2026-11-20T16:00"));
        // Friday 13/2/2026 16:00, before Tết Bính Ngọ (14–22/2 off): due Monday 23/2 at 16:00.
        long tet = publish(xa, xaHead, "Gặp mặt cuối năm", at("2026-02-13T16:00"));
        // Half an hour ago: on time whatever the hour.
        long fresh = publish(xa, xaHead, "Sự kiện vừa diễn ra", OffsetDateTime.now().minusMinutes(30));
        String admin = token(domain, "platform.admin");
        String thisMonth = YearMonth.now(VIETNAM).toString();
        String items = eventually(() -> api(domain, admin, "GET", "/api/v1/oversight/sites/" + xa.id()
                + "/items?month=2026-11", null).body(), "\"articleId\":" + friday);
        assertThat(item(items, friday)).contains("\"dueAt\":\"23/11/2026 16:00\"").contains("\"onTime\":false");
        assertThat(item(api(domain, admin, "GET", "/api/v1/oversight/sites/" + xa.id() + "/items?month=2026-02",
                null).body(), tet)).contains("\"dueAt\":\"23/02/2026 16:00\"").contains("\"onTime\":false");
        assertThat(item(eventually(() -> api(domain, admin, "GET", "/api/v1/oversight/sites/" + xa.id()
                + "/items?month=" + thisMonth, null).body(), "\"articleId\":" + fresh), fresh))
                .contains("\"onTime\":true");
        assertThat(api(domain, admin, "GET", "/api/v1/oversight/quotas?month=2026-02", null).body())
                .contains("\"host\":\"xa." + domain + "\"");
    }

    @Test
    void aQuotaChangedNextMonthLeavesThisMonthsJudgementAsItWas() {
        String admin = token(domain, "platform.admin");
        YearMonth now = YearMonth.now(VIETNAM);
        String before = row(admin, "so");
        clock.set(now.plusMonths(1).atDay(2).atTime(9, 0).atZone(VIETNAM).toInstant());
        try {
            var changed = api(domain, admin, "PUT", "/api/v1/oversight/rules/quotas/DEPARTMENT",
                    "{\"minPerMonth\":5,\"legalBasis\":\"Quyết định sửa đổi thử\"}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(changed.body()).contains("\"effectiveFrom\":\"" + now.plusMonths(1).atDay(1) + "\"");
            String then = api(domain, admin, "GET", "/api/v1/oversight/quotas?month=" + now, null).body();
            assertThat(then).contains(required(before));
            assertThat(api(domain, admin, "GET", "/api/v1/oversight/rules?month=" + now, null).body())
                    .contains("\"minPerMonth\":2");
            assertThat(api(domain, admin, "GET", "/api/v1/oversight/rules?month=" + now.plusMonths(1), null).body())
                    .contains("\"minPerMonth\":5").contains("Quyết định sửa đổi thử");
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void onlyTheProvinceSeesItsSitesAndBadInputIsAProblem() {
        String admin = token(domain, "platform.admin");
        assertThat(api(domain, admin, "GET", "/api/v1/oversight/quotas?month=11-2026", null).body())
                .contains("\"rule\":\"month\"");
        assertThat(api(domain, admin, "PUT", "/api/v1/oversight/rules/quotas/DEPARTMENT",
                "{\"minPerMonth\":-1,\"legalBasis\":\"x\"}").statusCode()).isEqualTo(422);
        assertThat(api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "GET", "/api/v1/oversight/quotas", null)
                .statusCode()).as("a department's head").isEqualTo(403);
        String thainguyenAdmin = token(PROVINCE, "platform.admin");
        assertThat(api(PROVINCE, thainguyenAdmin, "GET", "/api/v1/oversight/quotas", null).body())
                .as("another province's list names none of these sites").doesNotContain(domain);
        assertThat(api(PROVINCE, thainguyenAdmin, "GET", "/api/v1/oversight/sites/" + so.id() + "/items", null)
                .statusCode()).as("another province's site").isEqualTo(404);
    }

    private String row(String token, String label) {
        String body = api(domain, token, "GET", "/api/v1/oversight/quotas", null).body();
        for (String part : body.split("\\},\\{")) {
            if (part.contains("\"host\":\"" + label + "." + domain + "\"")) {
                return part;
            }
        }
        throw new AssertionError(label + " not in " + body);
    }

    private static String required(String row) {
        // The month's figures; its state may move on (a short month ends MISSED), its rule not.
        return row.substring(row.indexOf("\"required\""), row.indexOf(",\"state\""));
    }

    private static String item(String items, long id) {
        for (String part : items.split("\\},\\{")) {
            if (part.contains("\"articleId\":" + id + ",")) {
                return part;
            }
        }
        throw new AssertionError(id + " not in " + items);
    }

    /** Facts are recomputed off the request's thread: wait for them, within a deadline. */
    private static String eventually(Supplier<String> read, String expected) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String last = read.get();
        while (!last.contains(expected) && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            last = read.get();
        }
        assertThat(last).contains(expected);
        return last;
    }

    private void provide(Tenant site, Actor head, String title) {
        provide(site, head, title, true);
    }

    private void provide(Tenant site, Actor head, String title, boolean accepted) {
        long id = publish(site, head, title, null);
        var proposal = proposals.propose(site, head, id);
        if (accepted) {
            proposals.accept(province, provinceHead, proposal.id());
        }
    }

    private long publish(Tenant site, Actor head, String title, OffsetDateTime eventAt) {
        var a = articles.create(site.id(), head, new ArticleInput(title, "Tóm tắt " + title, "<p>" + title + "</p>",
                eventAt == null ? "NEWS" : "EVENT", null, List.of(), null, null, null, null, null, eventAt, null, null));
        articles.submit(site.id(), head, a.getId());
        articles.approve(site.id(), head, a.getId(), null, "Thử nghiệm giám sát");
        return a.getId();
    }

    private Actor head(Tenant site, String username) {
        long account = accounts.create(username, "Trưởng ban " + site.name(), null, DEMO_PASSWORD, null);
        accounts.grant(site.id(), account, Role.HEAD, "test");
        return new Actor(account, username, Set.of(Role.HEAD.name()));
    }

    private static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(VIETNAM).toOffsetDateTime();
    }
}
