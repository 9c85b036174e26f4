package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The database wall, tried with hand-written SQL on the application role's own connection,
 * outside every helper. Dropping the policy, disabling or un-forcing RLS, or giving the role
 * ownership makes one of these fail.
 */
@SharedApplication
class RowLevelSecurityTest extends PortalTest {
    @Inject
    TenantDb tenantDb;
    @Inject
    vn.gov.portal.tenancy.TenantDirectory directory;

    private long tenantId(String subdomain) throws SQLException {
        try (Connection c = db().owner(); var st = c.prepareStatement("SELECT id FROM tenants WHERE subdomain = ?")) {
            st.setString(1, subdomain);
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Pages matching {@code where}, counted by the schema owner, whom no wall stops (a superuser here). */
    private long ownPages(String where) {
        try (Connection owner = db().owner()) {
            return count(owner, "SELECT count(*) FROM pages WHERE " + where);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withNoTenantSetTheApplicationRoleSeesNoTenantRows() throws SQLException {
        try (Connection owner = db().owner()) {
            assertThat(count(owner, "SELECT count(*) FROM pages")).isGreaterThan(100);
        }
        try (Connection app = db().app()) {
            assertThat(count(app, "SELECT count(*) FROM pages")).isZero();
            assertThat(count(app, "SELECT count(*) FROM audit_events")).isZero();
        }
    }

    @Test
    void oneTenantCannotReadAnothersRowsEvenByAskingForThem() throws SQLException {
        long mine = tenantId("sotaichinh");
        long theirs = tenantId("phandinhphung");
        long own = ownPages("tenant_id = " + mine);
        assertThat(own).as("its introduction and mandatory pages").isGreaterThan(1);
        try (Connection app = db().app()) {
            app.setAutoCommit(false);
            app.createStatement().execute("SELECT set_config('app.tenants', '{" + mine + "}', true)");
            assertThat(count(app, "SELECT count(*) FROM pages WHERE tenant_id = " + mine)).isEqualTo(own);
            assertThat(count(app, "SELECT count(*) FROM pages WHERE tenant_id = " + theirs)).isZero();
            assertThat(count(app, "SELECT count(*) FROM pages")).isEqualTo(own);
            assertThat(count(app, "SELECT count(*) FROM audit_events WHERE tenant_id <> " + mine)).isZero();
            app.rollback();
        }
    }

    @Test
    void oneTenantCannotWriteIntoAnother() throws SQLException {
        long mine = tenantId("sotaichinh");
        long theirs = tenantId("phandinhphung");
        try (Connection app = db().app()) {
            app.setAutoCommit(false);
            app.createStatement().execute("SELECT set_config('app.tenants', '{" + mine + "}', true)");
            assertThatThrownBy(() -> app.createStatement().execute(
                    "INSERT INTO pages (tenant_id, slug, title) VALUES (" + theirs + ", 'xam-nhap', 'x')"))
                    .hasMessageContaining("row-level security");
            app.rollback();
            app.createStatement().execute("SELECT set_config('app.tenants', '{" + mine + "}', true)");
            assertThat(app.createStatement().executeUpdate(
                    "UPDATE pages SET title = 'x' WHERE tenant_id = " + theirs)).isZero();
            assertThat(app.createStatement().executeUpdate("DELETE FROM pages WHERE tenant_id = " + theirs)).isZero();
            app.rollback();
        }
    }

    @Test
    void theApplicationRoleCannotTakeTheWallDown() throws SQLException {
        try (Connection app = db().app()) {
            assertThatThrownBy(() -> app.createStatement().execute("ALTER TABLE pages DISABLE ROW LEVEL SECURITY"))
                    .hasMessageContaining("owner");
            assertThatThrownBy(() -> app.createStatement().execute("DROP POLICY tenant_wall ON pages"))
                    .hasMessageContaining("owner");
            app.createStatement().execute("SET row_security = off");
            assertThatThrownBy(() -> count(app, "SELECT count(*) FROM pages"))
                    .hasMessageContaining("row-level security");
        }
    }

    /**
     * The walls read the scope once per statement (V10): a statement prepared once and run
     * under one scope after another, as the pool's connections do, sees each time the scope of
     * its own transaction, and no scope means no row, here for the search's own condition.
     */
    @Test
    void aStatementRunAgainUnderAnotherScopeSeesThatScope() throws SQLException {
        long mine = tenantId("sotaichinh");
        long theirs = tenantId("phandinhphung");
        try (Connection app = db().app(); var search = app.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE tenant_id <> ?) FROM articles
                WHERE search_vector @@ plainto_tsquery('simple', 'bai mau')""")) {
            app.setAutoCommit(false);
            search.setLong(1, mine);
            // A plan kept and reused whatever the parameters (this connection only), and more runs
            // than the driver's prepareThreshold (5), so later ones reuse the server-side plan.
            app.createStatement().execute("SET plan_cache_mode = force_generic_plan");
            for (int i = 0; i < 12; i++) {
                String scope = switch (i % 3) {
                    case 0 -> "{" + mine + "}";
                    case 1 -> "{" + theirs + "}";
                    default -> "";
                };
                app.createStatement().execute("SELECT set_config('app.tenants', '" + scope + "', true)");
                var rs = search.executeQuery();
                rs.next();
                long seen = rs.getLong(1);
                long notMine = rs.getLong(2);
                switch (i % 3) {
                    case 0 -> {
                        assertThat(seen).as("run %d, own scope", i).isPositive();
                        assertThat(notMine).as("run %d, own scope", i).isZero();
                    }
                    case 1 -> assertThat(notMine).as("run %d, the commune's scope", i).isEqualTo(seen).isPositive();
                    default -> assertThat(seen).as("run %d, no scope", i).isZero();
                }
                app.commit();
            }
        }
    }

    @Test
    void aScopeEndsWithItsTransaction() throws SQLException {
        long mine = tenantId("sotaichinh");
        int seenInScope = tenantDb.read(TenantScope.of(mine), ctx -> ctx.fetchCount(vn.gov.portal.db.Tables.PAGES));
        assertThat(seenInScope).isPositive().isEqualTo(ownPages("tenant_id = " + mine));
        // The pool hands the same connections back; none may still carry the last scope.
        for (int i = 0; i < 10; i++) {
            int seenOutside = tenantDb.directory(ctx -> ctx.fetchCount(vn.gov.portal.db.Tables.PAGES));
            assertThat(seenOutside).isZero();
        }
    }

    @Test
    void aProvinceScopeSeesItsWholeSubtreeAndNoOtherProvince() throws SQLException {
        var snapshot = directory.snapshot();
        var province = snapshot.byId(tenantId("thainguyen"));
        var subtree = snapshot.subtreeIds(province);
        // The demo's 107 sites, and any a test that ran before added under it.
        assertThat(subtree).hasSizeGreaterThanOrEqualTo(107);
        int seen = tenantDb.read(TenantScope.subtree(subtree), ctx -> ctx.fetchCount(vn.gov.portal.db.Tables.PAGES));
        assertThat(seen).isGreaterThanOrEqualTo(subtree.size()).isEqualTo(ownPages("tenant_id IN (" + subtree.stream()
                .map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ")"));
        int otherProvinces = tenantDb.read(TenantScope.subtree(subtree), ctx -> ctx.fetchCount(
                vn.gov.portal.db.Tables.PAGES, vn.gov.portal.db.Tables.PAGES.TENANT_ID.notIn(subtree)));
        assertThat(otherProvinces).isZero();
    }
}
