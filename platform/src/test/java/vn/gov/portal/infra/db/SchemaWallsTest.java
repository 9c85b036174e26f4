package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Every table that carries tenant_id is walled, now and in every later migration: RLS enabled
 * and forced, the tenant_wall policy present, and the application role owning nothing.
 */
@SharedApplication
class SchemaWallsTest extends PortalTest {

    @Test
    void everyTenantOwnedTableHasRowLevelSecurityForcedWithThePolicy() throws SQLException {
        List<String> unwalled = new ArrayList<>();
        List<String> walled = new ArrayList<>();
        try (Connection c = db().owner(); var rs = c.createStatement().executeQuery("""
                SELECT cl.relname, cl.relrowsecurity, cl.relforcerowsecurity,
                       -- province_wall: a province's own rows that name one of its sites (site_requests, V12)
                       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = cl.oid
                               AND p.polname IN ('tenant_wall', 'province_wall'))
                FROM pg_class cl
                JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
                JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE cl.relkind IN ('r', 'p')
                  AND coalesce(obj_description(cl.oid, 'pg_class'), '') NOT LIKE 'platform:%'""")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (rs.getBoolean(2) && rs.getBoolean(3) && rs.getBoolean(4)) {
                    walled.add(table);
                } else {
                    unwalled.add(table);
                }
            }
        }
        assertThat(unwalled).as("tables with tenant_id but no wall").isEmpty();
        assertThat(walled).contains("pages", "audit_events").doesNotContain("tenant_hosts");
    }

    /**
     * A wall that calls app_visible_tenants() bare parses the scope's text for every row it
     * visits (7 µs a row for a province of 200 sites); inside a sub-select it is read once per
     * statement (V10). Write new walls as V10 does:
     * {@code (tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE}.
     */
    @Test
    void everyWallReadsTheScopeOncePerStatement() throws SQLException {
        List<String> perRow = new ArrayList<>();
        int walls = 0;
        try (Connection c = db().owner(); var rs = c.createStatement().executeQuery("""
                SELECT tablename, coalesce(qual, ''), coalesce(with_check, '') FROM pg_policies
                WHERE schemaname = 'public' AND policyname = 'tenant_wall'""")) {
            while (rs.next()) {
                walls++;
                for (String expr : List.of(rs.getString(2), rs.getString(3))) {
                    if (!expr.contains("app_visible_tenants()")
                            || expr.replace("SELECT app_visible_tenants()", "").contains("app_visible_tenants()")) {
                        perRow.add(rs.getString(1) + ": " + expr);
                    }
                }
            }
        }
        assertThat(walls).isGreaterThanOrEqualTo(10);
        assertThat(perRow).as("walls reading the scope per row (or not at all)").isEmpty();
    }

    @Test
    void theApplicationRoleOwnsNothingAndBypassesNothing() throws SQLException {
        try (Connection c = db().owner(); var st = c.prepareStatement("""
                SELECT r.rolsuper, r.rolbypassrls,
                       (SELECT count(*) FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                        WHERE n.nspname = 'public' AND cl.relowner = r.oid)
                FROM pg_roles r WHERE r.rolname = ?""")) {
            st.setString(1, db().appRole());
            var rs = st.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("superuser").isFalse();
            assertThat(rs.getBoolean(2)).as("bypassrls").isFalse();
            assertThat(rs.getLong(3)).as("tables owned").isZero();
        }
    }

    @Test
    void theAuditLogIsAppendOnlyForTheApplication() throws SQLException {
        try (Connection app = db().app()) {
            app.setAutoCommit(false);
            var e1 = org.assertj.core.api.Assertions.catchThrowable(
                    () -> app.createStatement().execute("UPDATE audit_events SET actor = 'x'"));
            assertThat(e1).hasMessageContaining("permission denied");
            app.rollback();
            var e2 = org.assertj.core.api.Assertions.catchThrowable(
                    () -> app.createStatement().execute("DELETE FROM audit_events"));
            assertThat(e2).hasMessageContaining("permission denied");
            app.rollback();
        }
    }
}
