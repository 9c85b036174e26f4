package vn.gov.portal.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The application role reaches articles through row-level security, and there PostgreSQL
 * uses an index only for a condition whose function is LEAKPROOF. V40 marks ts_match_vq
 * (tsvector @@ tsquery) so; without it every search scanned every article
 * (ops/bench/RESULTS.md, "Search").
 */
@SharedApplication
class SearchUsesItsIndexUnderRowLevelSecurityTest extends PortalTest {

    @Test
    void theTextMatchIsLeakproofSoTheApplicationRoleMayUseTheIndex() throws SQLException {
        try (var c = db().app(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT proleakproof FROM pg_proc"
                    + " WHERE oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }
}
