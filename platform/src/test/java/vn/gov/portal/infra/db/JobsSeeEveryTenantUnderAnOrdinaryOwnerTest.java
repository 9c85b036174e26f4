package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.gov.portal.schema.Migrator;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestDatabase;
import vn.gov.portal.testing.TestSmtp;

/**
 * Issue 13's acceptance line: with a schema owner that is an ordinary role (CREATEROLE, neither
 * superuser nor BYPASSRLS, as managed PostgreSQL services give), the scheduled publisher and the mail
 * sender still find what is due in every tenant. Before V42 their SECURITY DEFINER functions ran as
 * that owner, whom the FORCEd walls bind, and quietly found nothing.
 *
 * <p>The whole application runs here on a database of its own that it migrates as that owner on start.
 * The jobs' role opens nothing to the application: with one tenant in scope it still sees no other's
 * rows, and it cannot become the jobs' role. And a due_* function left to a role the walls bind
 * stops the start with a message that says what to do.
 */
@MicronautTest(transactional = false)
class JobsSeeEveryTenantUnderAnOrdinaryOwnerTest extends PortalTest {
    private final GreenMail smtp = TestSmtp.start();
    private TestDatabase.OrdinaryOwner owner;

    @Override
    public Map<String, String> getProperties() {
        if (owner == null) {
            owner = TestDatabase.get().ordinaryOwnerDatabase("ordinary");
        }
        Map<String, String> p = new HashMap<>(owner.properties());
        p.putAll(TestSmtp.properties(smtp, "Cổng thử nghiệm <bbt@example.vn>"));
        return p;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void theOwnerIsAnOrdinaryRole() throws SQLException {
        try (Connection c = superuser(); var st = c.prepareStatement("""
                SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole,
                       (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'articles')
                FROM pg_roles r WHERE r.rolname = ?""")) {
            st.setString(1, owner.role());
            var rs = st.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("superuser").isFalse();
            assertThat(rs.getBoolean(2)).as("bypassrls").isFalse();
            assertThat(rs.getBoolean(3)).as("createrole").isTrue();
            assertThat(rs.getString(4)).as("owner of the tables").isEqualTo(owner.role());
        }
    }

    @Test
    void scheduledArticlesOfTwoTenantsArePublishedOnTime() throws InterruptedException {
        String department = schedule(DEPARTMENT, "sotaichinh", "Lịch tiếp công dân tháng 12");
        String commune = schedule(COMMUNE, "phandinhphung", "Thông báo họp tổ dân phố");
        awaitStatus(DEPARTMENT, "/tin-tuc/" + department, 200);
        awaitStatus(COMMUNE, "/tin-tuc/" + commune, 200);
    }

    @Test
    void queuedMailIsSent() throws Exception {
        String to = "head.ordinary@example.vn";
        var created = api(PROVINCE, token(PROVINCE, "platform.admin"), "POST", "/api/v1/tenants",
                "{\"subdomain\":\"sochusohuu\",\"name\":\"Sở Chủ Sở Hữu\",\"kind\":\"DEPARTMENT\","
                        + "\"headName\":\"Trần Thị Bình\",\"headEmail\":\"" + to + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long deadline = System.currentTimeMillis() + 60_000;
        MimeMessage[] got = new MimeMessage[0];
        while (got.length == 0 && System.currentTimeMillis() < deadline) {
            got = Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, to)).toArray(MimeMessage[]::new);
            Thread.sleep(100);
        }
        assertThat(got).as("mail to the new head, sent by the mail sender").hasSize(1);
    }

    @Test
    void theJobsRoleOpensNoTenantToTheApplication() throws Exception {
        String commune = schedule(COMMUNE, "phandinhphung", "Tin chỉ của phường");
        String app = owner.properties().get("database.app-user");
        Properties login = new Properties();
        login.setProperty("user", app);
        login.setProperty("password", owner.properties().get("database.app-password"));
        try (Connection c = DriverManager.getConnection(owner.properties().get("database.url"), login);
             var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SELECT set_config('app.tenants', '{' || (SELECT id FROM tenants WHERE subdomain = "
                    + "'sotaichinh') || '}', true)");
            try (var rs = st.executeQuery("SELECT count(*) FROM articles WHERE slug = '" + commune + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("another tenant's article, from the department's scope").isZero();
            }
            c.rollback();
            assertThatThrownBy(() -> st.execute("SET ROLE " + Migrator.jobsRole(app)))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void aDueFunctionLeftToARoleTheWallsBindStopsTheStartWithAClearMessage() throws SQLException {
        String jobs = Migrator.jobsRole(owner.properties().get("database.app-user"));
        PGSimpleDataSource asOwner = new PGSimpleDataSource();
        asOwner.setUrl(owner.properties().get("database.url"));
        asOwner.setUser(owner.role());
        asOwner.setPassword(owner.properties().get("database.password"));
        assertThat(JobRoleCheck.problems(asOwner, jobs)).isEmpty();
        try (Connection su = superuser(); var st = su.createStatement()) {
            // What a migration that made due_mail anew as this owner would leave.
            st.execute("ALTER FUNCTION due_mail(integer) OWNER TO " + owner.role());
            try {
                assertThatThrownBy(() -> JobRoleCheck.require(asOwner, jobs))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("due_mail(integer) is owned by " + owner.role()
                                + ", which row-level security binds")
                        .hasMessageContaining("ALTER FUNCTION … OWNER TO " + jobs);
            } finally {
                st.execute("ALTER FUNCTION due_mail(integer) OWNER TO " + jobs);
            }
        }
    }

    // -------------------------------------------------------------------------------------------

    /** An article written, submitted and approved to go out two seconds from now; its slug. */
    private String schedule(String host, String site, String title) {
        String writer = token(host, site + ".bientap");
        String head = token(host, site + ".truongban");
        var created = api(host, writer, "POST", "/api/v1/articles",
                "{\"title\":\"" + title + "\",\"summary\":\"Tóm tắt\",\"bodyHtml\":\"<p>Nội dung</p>\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");
        assertThat(api(host, writer, "POST", "/api/v1/articles/" + id + "/submit", null).statusCode()).isEqualTo(200);
        var scheduled = api(host, head, "POST", "/api/v1/articles/" + id + "/approve",
                "{\"publishAt\":\"" + OffsetDateTime.now().plusSeconds(2) + "\"}");
        assertThat(field(scheduled.body(), "status")).as(scheduled.body()).isEqualTo("SCHEDULED");
        String slug = field(created.body(), "slug");
        assertThat(get(host, "/tin-tuc/" + slug).statusCode()).isEqualTo(404);
        return slug;
    }

    private void awaitStatus(String host, String path, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        int status = get(host, path).statusCode();
        while (status != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            status = get(host, path).statusCode();
        }
        assertThat(status).as(host + path).isEqualTo(expected);
    }

    private static boolean sentTo(MimeMessage m, String to) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection(owner.superuserUrl());
    }
}
