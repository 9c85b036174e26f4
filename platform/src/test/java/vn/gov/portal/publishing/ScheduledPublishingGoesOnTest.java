package vn.gov.portal.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.portal.testing.Eventually.within;

import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.provisioning.SiteLifecycle;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.tenancy.TenantStatus;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The scheduled publisher publishes nothing on a site that does not serve (suspended, archived),
 * and one item that fails does not hold back the items due after it. Before, a suspended site's
 * item went live by itself, and a failing item stopped every run at the same place.
 */
@SharedApplication
class ScheduledPublishingGoesOnTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Inject
    SiteLifecycle lifecycle;

    private String domain;
    private String label;

    @BeforeAll
    void aProvinceWithBoardsOnEverySite() {
        domain = Fixtures.flatProvince(provisioning, "henggio");
        label = domain.replace(".test", "");
        for (String site : new String[] {"", "so", "xa"}) {
            seat(site, "cong-tac-vien", Role.CONTRIBUTOR);
            seat(site, "truong-ban", Role.HEAD);
        }
    }

    @Test
    void suspendedAndArchivedSitesGetNothingPublishedOnSchedule() throws Exception {
        long suspended = scheduled("so", "Tin hẹn giờ của sở tạm ngừng", 2);
        long archived = scheduled("xa", "Tin hẹn giờ của xã lưu trữ", 2);
        long serving = scheduled("", "Tin hẹn giờ của tỉnh", 3);
        lifecycle.setStatus(site("so"), TenantStatus.SUSPENDED, "test");
        lifecycle.setStatus(site("xa"), TenantStatus.ARCHIVED, "test");

        assertThat(within(20_000, () -> status(serving).equals("PUBLISHED"))).as("the serving site's item").isTrue();
        // The serving site's item was due last: the runs that published it passed the others by.
        assertThat(status(suspended)).isEqualTo("SCHEDULED");
        assertThat(status(archived)).isEqualTo("SCHEDULED");

        lifecycle.setStatus(site("so"), TenantStatus.ACTIVE, "test");
        assertThat(within(20_000, () -> status(suspended).equals("PUBLISHED"))).as("resumed, it goes out").isTrue();
    }

    @Test
    void oneItemThatFailsDoesNotHoldBackTheItemsAfterIt() throws Exception {
        long failing = scheduled("", "Tin hẹn giờ hỏng", 1);
        long next = scheduled("", "Tin hẹn giờ sau tin hỏng", 2);
        // A fault in that one row (as a broken constraint or a bad edit by hand would cause):
        // publishing it raises, in the database, every time.
        ownerSql("CREATE FUNCTION test_refuse_publishing() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'test: this article cannot be published'; END $$");
        ownerSql("CREATE TRIGGER test_refuse_publishing BEFORE UPDATE ON articles FOR EACH ROW WHEN (OLD.id = "
                + failing + ") EXECUTE FUNCTION test_refuse_publishing()");
        try {
            assertThat(within(20_000, () -> status(next).equals("PUBLISHED"))).as("the item after it").isTrue();
            assertThat(status(failing)).isEqualTo("SCHEDULED");
        } finally {
            ownerSql("DROP TRIGGER test_refuse_publishing ON articles");
            ownerSql("DROP FUNCTION test_refuse_publishing()");
        }
        assertThat(within(20_000, () -> status(failing).equals("PUBLISHED"))).as("mended, it goes out").isTrue();
    }

    /** An article written and approved on the site, to go live in {@code seconds}; its id. */
    private long scheduled(String site, String title, int seconds) {
        String host = site.isEmpty() ? domain : site + "." + domain;
        String contributor = token(host, username(site, "cong-tac-vien"));
        var created = api(host, contributor, "POST", "/api/v1/articles",
                "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"bodyHtml\":\"<p>x</p>\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");
        api(host, contributor, "POST", "/api/v1/articles/" + id + "/submit", null);
        var approved = api(host, token(host, username(site, "truong-ban")), "POST", "/api/v1/articles/" + id
                + "/approve", "{\"expectedRevision\":" + field(created.body(), "revision") + ",\"publishAt\":\""
                + OffsetDateTime.now().plusSeconds(seconds) + "\"}");
        assertThat(field(approved.body(), "status")).as(approved.body()).isEqualTo("SCHEDULED");
        return Long.parseLong(id);
    }

    private Tenant site(String subdomain) {
        var snapshot = directory.snapshot();
        var province = snapshot.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
        return subdomain.isEmpty() ? province : snapshot.child(province.id(), subdomain);
    }

    private void seat(String subdomain, String who, Role role) {
        long id = accounts.create(username(subdomain, who), "Thành viên " + who, null, DEMO_PASSWORD, null);
        accounts.grant(site(subdomain).id(), id, role, "test");
    }

    private String username(String subdomain, String who) {
        return label + subdomain + "." + who;
    }

    /**
     * The article's status, read as the schema owner within this province's sites (the wall holds
     * the owner too): what the test looks at, not how it sets anything up.
     */
    private String status(long article) {
        String sites = "{" + site("").id() + "," + site("so").id() + "," + site("xa").id() + "}";
        try (var c = db().owner()) {
            c.setAutoCommit(false);
            try (var scope = c.prepareStatement("SELECT set_config('app.tenants', ?, true)");
                 var st = c.prepareStatement("SELECT status FROM articles WHERE id = ?")) {
                scope.setString(1, sites);
                scope.execute();
                st.setLong(1, article);
                var rs = st.executeQuery();
                String status = rs.next() ? rs.getString(1) : "MISSING";
                c.commit();
                return status;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ownerSql(String sql) throws SQLException {
        try (var c = db().owner(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

}
