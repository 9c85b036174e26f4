package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.gov.portal.schema.Migrator;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestDatabase;

/**
 * A database made by the first release (commit 9f0e350, the baseline of the frozen migrations)
 * is migrated by this build and served: its sites, accounts and articles are there after the
 * upgrade. The database is the dump in {@code upgrade/first-release-9f0e350.sql.gz}: that commit's
 * application run with the demo, plus one article written, submitted and approved through its API
 * (docs/architecture-migrations.md says how it was made and how to refresh it at a release).
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
            properties = replayDump();
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

    /** The walls came through the upgrade: a token of one site opens nothing on another. */
    @Test
    void aTokenOfOneSiteOfTheFirstReleaseOpensNothingOnAnother() {
        String editor = token(DEPARTMENT, "sotaichinh.bientap");
        var elsewhere = api(COMMUNE, editor, "GET", "/api/v1/articles", null);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }

    /**
     * A new database on the test server holding the dump, with roles of its own; answers the
     * application's configuration for it.
     */
    private static Map<String, String> replayDump() {
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
        Map<String, String> p = new HashMap<>(test.properties());
        p.put("database.url", url);
        p.put("database.app-user", appRole);
        p.put("portal.demo.enabled", "false");
        return p;
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
                    .map(line -> line.replace("portal_app_jobs", Migrator.jobsRole(appRole))
                            .replace("portal_app", appRole)
                            .replace("OWNER TO postgres;", "OWNER TO " + owner + ";"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
