package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import vn.gov.portal.schema.EmbeddedPostgres;
import vn.gov.portal.testing.TestDatabase;

/** What was stored survives a stop and a start of the embedded server on the same directory. */
class EmbeddedPostgresRestartTest {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path tmp = TestDatabase.openTempDirectory("portal-restart-");
        Path dir = tmp.resolve("pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, true)) {
            pg.ensureDatabase("kept");
            try (Connection c = pg.connect("kept"); var st = c.createStatement()) {
                st.execute("CREATE TABLE note (text text)");
                st.execute("INSERT INTO note VALUES ('Thái Nguyên')");
            }
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, true);
             Connection c = pg.connect("kept");
             var rs = c.createStatement().executeQuery("SELECT text FROM note")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Thái Nguyên");
        } finally {
            TestDatabase.deleteTree(tmp);
        }
    }

    @Test
    void theServerShipsTheExtensionsSearchNeeds() throws Exception {
        Path tmp = TestDatabase.openTempDirectory("portal-ext-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(tmp.resolve("pg"), false);
             Connection c = pg.connect("postgres"); var st = c.createStatement()) {
            st.execute("CREATE EXTENSION unaccent");
            st.execute("CREATE EXTENSION pg_trgm");
            var rs = st.executeQuery("SELECT unaccent('Phan Đình Phùng'), version()");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Phan Dinh Phung");
            assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
        } finally {
            TestDatabase.deleteTree(tmp);
        }
    }
}
