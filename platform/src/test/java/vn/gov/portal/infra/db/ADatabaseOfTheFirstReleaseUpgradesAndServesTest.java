package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.gov.portal.schema.Migrator;
import vn.gov.portal.schema.UnknownMigrationHistory;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestDatabase;

/**
 * A database made by the first release (commit 9f0e350, the baseline of the frozen migrations)
 * is migrated by this build and served: its sites, accounts and articles are there after the
 * upgrade. The database is the dump in {@code upgrade/first-release-9f0e350.sql.gz}: that commit's
 * application run with the demo, plus one article written, submitted and approved through its API
 * (docs/architecture.md says how it was made and how to refresh it at a release).
 *
 * <p>It is replayed into a database of its own, with its own application and jobs roles (the
 * dump's {@code portal_app} renamed), as the schema owner; the application then starts on it,
 * the demo off so that nothing is seeded, and migrates it as it would an installation's.
 */
@MicronautTest(transactional = false)
class ADatabaseOfTheFirstReleaseUpgradesAndServesTest extends PortalTest {
    static final String DUMP = "/upgrade/first-release-9f0e350.sql.gz";
    /** The article the dump's maker wrote through the first release's API, on the department's site. */
    static final String ARTICLE = "Lịch tiếp công dân trước khi nâng cấp";

    private Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            Replayed replayed = replayDump();
            properties = new HashMap<>(TestDatabase.get().properties());
            properties.put("database.url", replayed.url());
            properties.put("database.app-user", replayed.appRole());
            properties.put("portal.demo.enabled", "false");
        }
        return properties;
    }

    @Test
    void theMigrationsAfterTheBaselineWereAppliedInOrder() throws SQLException {
        try (Connection c = DriverManager.getConnection(properties.get("database.url"));
             var rs = c.createStatement().executeQuery("""
                     SELECT version::int FROM flyway_schema_history WHERE success ORDER BY installed_rank""")) {
            List<Integer> applied = new ArrayList<>();
            while (rs.next()) {
                applied.add(rs.getInt(1));
            }
            assertThat(applied).as("the first release's history, then this build's").startsWith(1, 2, 3)
                    .contains(43, 44, 45).isSorted();
        }
    }

    @Test
    void aSiteOfTheFirstReleaseServesItsPublicPages() {
        var home = get(DEPARTMENT, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Sở Tài chính");
    }

    @Test
    void anAccountOfTheFirstReleaseSignsInAndTheApiAnswers() {
        String editor = token(DEPARTMENT, "sotaichinh.bientap");
        var articles = api(DEPARTMENT, editor, "GET", "/api/v1/articles", null);
        assertThat(articles.statusCode()).as(articles.body()).isEqualTo(200);
        assertThat(articles.body()).contains(ARTICLE);
    }

    @Test
    void anArticlePublishedByTheFirstReleaseIsServed() {
        String editor = token(DEPARTMENT, "sotaichinh.bientap");
        var articles = api(DEPARTMENT, editor, "GET", "/api/v1/articles", null);
        String item = articles.body().substring(articles.body().indexOf(ARTICLE));
        var page = get(DEPARTMENT, "/tin-tuc/" + field(item, "slug"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(ARTICLE);
    }

    /**
     * A database from a build before the baseline, as an old data/ holds it: V10 applied in an
     * earlier text, V22 applied and since deleted. The start stops with a message naming both
     * and saying what to do, not Flyway's "run repair".
     */
    @Test
    void aHistoryFromBeforeTheBaselineStopsTheStartWithWhatToDo() throws SQLException {
        Replayed old = replayDump();
        try (Connection c = DriverManager.getConnection(old.url()); var st = c.createStatement()) {
            st.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '10'");
            st.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
                                                       checksum, installed_by, execution_time, success)
                    VALUES (1000, '22', 'delete site knows every table', 'SQL',
                            'V22__delete_site_knows_every_table.sql', 1, 'postgres', 1, true)""");
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(old.url());
        assertThatThrownBy(() -> Migrator.migrate(owner, old.appRole()))
                .isInstanceOf(UnknownMigrationHistory.class)
                .hasMessageContaining("V10 (walls read the scope once): the database applied another text")
                .hasMessageContaining("V22 (delete site knows every table): applied to the database, but this"
                        + " release has no such migration")
                .hasMessageContaining("copy data/ aside")
                .hasMessageNotContaining("V43");
        try (Connection c = DriverManager.getConnection(old.url());
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE version = '44'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("nothing applied to a refused database").isZero();
        }
    }

    /** The walls came through the upgrade: a token of one site opens nothing on another. */
    @Test
    void aTokenOfOneSiteOfTheFirstReleaseOpensNothingOnAnother() {
        String editor = token(DEPARTMENT, "sotaichinh.bientap");
        var elsewhere = api(COMMUNE, editor, "GET", "/api/v1/articles", null);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }

    /**
     * A new database on the test server holding the dump, with roles of its own: its URL (as the
     * test server's owner) and application role.
     */
    private record Replayed(String url, String appRole) {
    }

    private static Replayed replayDump() {
        TestDatabase test = TestDatabase.get();
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String database = "upgrade_t" + run;
        String appRole = "upgrade_app_t" + run;
        String url = withDatabase(test.properties().get("database.url"), database);
        try (Connection server = test.owner(); var st = server.createStatement()) {
            st.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            // Roles are the cluster's, not in a dump: made as V1 and V42 make them (ops/restore does the same).
            st.execute("CREATE ROLE " + appRole + " NOLOGIN");
            st.execute("CREATE ROLE " + Migrator.jobsRole(appRole) + " NOLOGIN");
            String owner;
            try (var rs = st.executeQuery("SELECT current_user")) {
                rs.next();
                owner = rs.getString(1);
            }
            try (Connection target = DriverManager.getConnection(url);
                 var replay = target.createStatement()) {
                replay.execute(dumpFor(appRole, owner));
                // V40: pg_catalog is not in a dump (ops/restore does the same as a superuser).
                replay.execute("ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot replay " + DUMP, e);
        }
        String external = System.getenv("DATABASE_URL");
        if (external != null && !external.isBlank()) {
            // An embedded server goes with its directory; an external one keeps what is not dropped.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(external, database, appRole)));
        }
        return new Replayed(url, appRole);
    }

    private static void dropAll(String adminUrl, String database, String appRole) {
        try (Connection c = DriverManager.getConnection(adminUrl); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("DROP ROLE IF EXISTS " + Migrator.jobsRole(appRole));
            st.execute("DROP ROLE IF EXISTS " + appRole);
        } catch (SQLException e) {
            System.err.println("Could not drop " + database + ": " + e.getMessage());
        }
    }

    /** jdbc:postgresql://host:port/portal?params, the same server and credentials on {@code database}. */
    private static String withDatabase(String url, String database) {
        return url.replaceFirst("^(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + database);
    }

    /**
     * The dump's SQL for this database: its roles renamed (the jobs role first, whose name holds
     * the application role's), owners made the test server's owner, psql's own commands left out.
     */
    private static String dumpFor(String appRole, String owner) {
        try (InputStream in = ADatabaseOfTheFirstReleaseUpgradesAndServesTest.class.getResourceAsStream(DUMP)) {
            if (in == null) {
                throw new IllegalStateException(DUMP + " is missing from the test resources");
            }
            String sql = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            return sql.lines()
                    .filter(line -> !line.startsWith("\\"))
                    // A client 17 writes it; a server before 17 does not know it (ops/restore does the same).
                    .filter(line -> !line.equals("SET transaction_timeout = 0;"))
                    .map(line -> line.replace("portal_app_jobs", Migrator.jobsRole(appRole))
                            .replace("portal_app", appRole)
                            .replace("OWNER TO postgres;", "OWNER TO " + owner + ";"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
