package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.schema.EmbeddedPostgres;
import vn.gov.portal.testing.NodeProcess;
import vn.gov.portal.testing.TestDatabase;

/**
 * A second start on a data directory whose embedded database is in use (a second ops/start, a
 * second node pointed at the same PORTAL_DATA_DIR) refuses with a message saying why, and the
 * first process's database keeps running. Before the lock, the second took the running server
 * for a leftover and stopped it.
 */
@Tag("nodes")
class SecondStartOnTheSameDataRefusesTest {

    @Test
    void aSecondApplicationOnTheSameDataRefusesAndLeavesTheFirstsDatabaseRunning() throws Exception {
        Path dir = TestDatabase.openTempDirectory("portal-twice-");
        try (EmbeddedPostgres first = EmbeddedPostgres.start(dir.resolve("data").resolve("pg"), false)) {
            try (NodeProcess second = NodeProcess.start("second", dir, Map.of("PORTAL_DEMO", "false"))) {
                int exit = second.awaitExit(Duration.ofMinutes(3));
                assertThat(exit).as(second.logTail()).isNotZero();
                assertThat(second.logTail()).contains("Another process is running the embedded PostgreSQL in")
                        .doesNotContain("Stopping a PostgreSQL");
            }
            assertThat(answers(first)).as("the first process's database").isTrue();
        } finally {
            TestDatabase.deleteTree(dir);
        }
    }

    @Test
    void theDirectoryIsFreeAgainOnceTheFirstStops() throws Exception {
        Path dir = TestDatabase.openTempDirectory("portal-lock-");
        Path pg = dir.resolve("pg");
        try {
            try (EmbeddedPostgres first = EmbeddedPostgres.start(pg, false)) {
                assertThatThrownBy(() -> EmbeddedPostgres.start(pg, false))
                        .isInstanceOf(EmbeddedPostgres.DirectoryInUse.class);
                assertThat(answers(first)).isTrue();
            }
            try (EmbeddedPostgres again = EmbeddedPostgres.start(pg, false)) {
                assertThat(answers(again)).isTrue();
            }
        } finally {
            TestDatabase.deleteTree(dir);
        }
    }

    private static boolean answers(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.connect("postgres"); var rs = c.createStatement().executeQuery("SELECT 1")) {
            return rs.next();
        }
    }
}
