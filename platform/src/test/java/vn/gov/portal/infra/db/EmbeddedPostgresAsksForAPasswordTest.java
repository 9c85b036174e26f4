package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.gov.portal.schema.EmbeddedPostgres;
import vn.gov.portal.testing.TestDatabase;

/**
 * The embedded server authenticates with SCRAM-SHA-256: anyone on the machine can reach its loopback
 * port, so {@code trust} would hand them the superuser. The password is generated and kept owner-only
 * in {@code secrets/}; a cluster made with trust (before this) is switched over at its next start and
 * keeps its data.
 */
class EmbeddedPostgresAsksForAPasswordTest {

    @Test
    void aNewClusterRefusesConnectionsWithoutItsKeptPassword() throws Exception {
        Path tmp = TestDatabase.openTempDirectory("portal-scram-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(tmp.resolve("pg"), false)) {
            Path kept = tmp.resolve(EmbeddedPostgres.PASSWORD_FILE);
            assertThat(Files.getPosixFilePermissions(kept)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(kept).trim()).isEqualTo(pg.superuserPassword());
            assertRefused(pg, null);
            assertRefused(pg, "postgres");
            try (Connection c = pg.connect("postgres"); var rs = c.createStatement().executeQuery(
                    "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("stored as a SCRAM verifier").isTrue();
            }
            assertThat(Files.readString(tmp.resolve("pg").resolve("pg_hba.conf")).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))).noneMatch(l -> l.contains("trust"));
        } finally {
            TestDatabase.deleteTree(tmp);
        }
    }

    @Test
    void aClusterMadeWithTrustIsSwitchedToPasswordsAndKeepsItsData() throws Exception {
        Path tmp = TestDatabase.openTempDirectory("portal-trust-");
        Path dir = tmp.resolve("pg");
        try {
            // Make the cluster an older version would have left: trust everywhere, no password kept.
            try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, false)) {
                pg.ensureDatabase("kept");
                try (Connection c = pg.connect("kept"); var st = c.createStatement()) {
                    st.execute("CREATE TABLE note (text text)");
                    st.execute("INSERT INTO note VALUES ('Thái Nguyên')");
                    st.execute("ALTER ROLE postgres PASSWORD NULL");
                }
            }
            Path hba = dir.resolve("pg_hba.conf");
            Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"), StandardCharsets.UTF_8);
            Files.delete(tmp.resolve(EmbeddedPostgres.PASSWORD_FILE));

            try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, false)) {
                assertThat(Files.readString(tmp.resolve(EmbeddedPostgres.PASSWORD_FILE)).trim())
                        .isEqualTo(pg.superuserPassword());
                assertRefused(pg, null);
                try (Connection c = pg.connect("kept"); var rs = c.createStatement().executeQuery("SELECT text FROM note")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("Thái Nguyên");
                }
            }
        } finally {
            TestDatabase.deleteTree(tmp);
        }
    }

    private static void assertRefused(EmbeddedPostgres pg, String password) {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedPostgres.SUPERUSER);
        if (password != null) {
            p.setProperty("password", password);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("postgres"), p).close())
                .isInstanceOf(SQLException.class);
    }
}
