package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Every table that carries tenant_id or province_id is walled, now and in every later migration:
 * RLS enabled and forced, its wall present in the one form V10 set (the scope read once per
 * statement, the comparison wrapped in IS TRUE), and the application role owning nothing. A new
 * table gets its wall from V44's helper ({@code SELECT portal_create_tenant_wall('t')}), which
 * the last test holds to the same checks.
 */
@SharedApplication
class SchemaWallsTest extends PortalTest {

    @Test
    void everyTenantOwnedTableHasRowLevelSecurityForcedWithThePolicy() throws SQLException {
        try (Connection c = db().owner()) {
            // province_wall on a table with tenant_id: a province's own rows that name one of its sites (site_requests, V12)
            Walls tenantTables = walls(c, "public", "tenant_id", "tenant_wall", "province_wall");
            assertThat(tenantTables.unwalled()).as("tables with tenant_id but no wall").isEmpty();
            assertThat(tenantTables.walled()).contains("pages", "audit_events", "site_requests")
                    .doesNotContain("tenant_hosts");
        }
    }

    @Test
    void everyProvinceOwnedTableHasRowLevelSecurityForcedWithThePolicy() throws SQLException {
        try (Connection c = db().owner()) {
            Walls provinceTables = walls(c, "public", "province_id", "province_wall");
            assertThat(provinceTables.unwalled()).as("tables with province_id but no wall").isEmpty();
            assertThat(provinceTables.walled()).contains("site_requests", "working_calendars", "calendar_years",
                    "calendar_days", "maintenance_windows", "emulation_formulas")
                    // A platform table (V45): the directory reads presets before a tenant is in scope.
                    .doesNotContain("regulation_presets");
        }
    }

    /**
     * A wall that calls app_visible_tenants() bare parses the scope's text for every row it
     * visits (7 µs a row for a province of 200 sites); inside a sub-select it is read once per
     * statement (V10). Wrapped in IS TRUE, the planner does not take the wall for an index
     * condition (V10). V44's helper writes walls this way:
     * {@code (tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE}.
     */
    @Test
    void everyWallReadsTheScopeOncePerStatement() throws SQLException {
        try (Connection c = db().owner()) {
            WallTexts texts = wallTexts(c, "public");
            assertThat(texts.count()).isGreaterThanOrEqualTo(20);
            assertThat(texts.perRow()).as("walls reading the scope per row (or not at all)").isEmpty();
            assertThat(texts.notIsTrue()).as("walls not wrapped in (...) IS TRUE").isEmpty();
        }
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

    /** What V44's helper builds passes every check above, and is the same text as the walls before it. */
    @Test
    void theWallHelperBuildsWallsThatPassTheseChecks() throws SQLException {
        String probe = "wall_probe_" + Long.toHexString(System.nanoTime());
        try (Connection c = db().owner(); var st = c.createStatement()) {
            try {
                st.execute("CREATE SCHEMA " + probe);
                st.execute("CREATE TABLE " + probe + ".notes (id bigint PRIMARY KEY, tenant_id bigint NOT NULL)");
                st.execute("CREATE TABLE " + probe + ".rules (id bigint PRIMARY KEY, province_id bigint NOT NULL)");
                st.execute("SELECT portal_create_tenant_wall('" + probe + ".notes')");
                st.execute("SELECT portal_create_province_wall('" + probe + ".rules')");

                Walls tenantTables = walls(c, probe, "tenant_id", "tenant_wall");
                assertThat(tenantTables.unwalled()).isEmpty();
                assertThat(tenantTables.walled()).containsExactly("notes");
                Walls provinceTables = walls(c, probe, "province_id", "province_wall");
                assertThat(provinceTables.unwalled()).isEmpty();
                assertThat(provinceTables.walled()).containsExactly("rules");
                WallTexts texts = wallTexts(c, probe);
                assertThat(texts.count()).isEqualTo(2);
                assertThat(texts.perRow()).isEmpty();
                assertThat(texts.notIsTrue()).isEmpty();

                assertThat(policyText(c, probe, "notes", "tenant_wall"))
                        .isEqualTo(policyText(c, "public", "pages", "tenant_wall"));
                assertThat(policyText(c, probe, "rules", "province_wall"))
                        .isEqualTo(policyText(c, "public", "maintenance_windows", "province_wall"));

                st.execute("CREATE TABLE " + probe + ".loose (id bigint PRIMARY KEY, tenant_id bigint)");
                assertThatThrownBy(() -> st.execute("SELECT portal_create_tenant_wall('" + probe + ".loose')"))
                        .as("a nullable tenant_id would let a row belong to nobody")
                        .hasMessageContaining("needs a column tenant_id bigint NOT NULL");
            } finally {
                st.execute("DROP SCHEMA IF EXISTS " + probe + " CASCADE");
            }
        }
    }

    @Test
    void theApplicationCannotBuildWalls() throws SQLException {
        try (Connection app = db().app(); var st = app.createStatement()) {
            assertThatThrownBy(() -> st.execute("SELECT portal_create_tenant_wall('pages')"))
                    .hasMessageContaining("permission denied");
        }
    }

    private record Walls(List<String> walled, List<String> unwalled) {
    }

    /**
     * The tables of {@code schema} with {@code column} (platform tables, whose comment starts with
     * "platform:", excepted): walled when row-level security is enabled and forced and one of
     * {@code policies} is on the table.
     */
    private static Walls walls(Connection c, String schema, String column, String... policies) throws SQLException {
        List<String> unwalled = new ArrayList<>();
        List<String> walled = new ArrayList<>();
        try (var st = c.prepareStatement("""
                SELECT cl.relname, cl.relrowsecurity, cl.relforcerowsecurity,
                       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = cl.oid AND p.polname = ANY (?))
                FROM pg_class cl
                JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = ?
                JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attname = ? AND NOT a.attisdropped
                WHERE cl.relkind IN ('r', 'p')
                  AND coalesce(obj_description(cl.oid, 'pg_class'), '') NOT LIKE 'platform:%'
                ORDER BY cl.relname""")) {
            st.setArray(1, c.createArrayOf("text", policies));
            st.setString(2, schema);
            st.setString(3, column);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (rs.getBoolean(2) && rs.getBoolean(3) && rs.getBoolean(4)) {
                        walled.add(table);
                    } else {
                        unwalled.add(table);
                    }
                }
            }
        }
        return new Walls(walled, unwalled);
    }

    private record WallTexts(int count, List<String> perRow, List<String> notIsTrue) {
    }

    /** Every tenant_wall and province_wall of {@code schema}, USING and WITH CHECK alike. */
    private static WallTexts wallTexts(Connection c, String schema) throws SQLException {
        List<String> perRow = new ArrayList<>();
        List<String> notIsTrue = new ArrayList<>();
        int walls = 0;
        try (var st = c.prepareStatement("""
                SELECT tablename || '.' || policyname, coalesce(qual, ''), coalesce(with_check, '')
                FROM pg_policies
                WHERE schemaname = ? AND policyname IN ('tenant_wall', 'province_wall')""")) {
            st.setString(1, schema);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    walls++;
                    for (String expr : List.of(rs.getString(2), rs.getString(3))) {
                        if (!expr.contains("app_visible_tenants()")
                                || expr.replace("SELECT app_visible_tenants()", "").contains("app_visible_tenants()")) {
                            perRow.add(rs.getString(1) + ": " + expr);
                        }
                        // How PostgreSQL prints a whole expression wrapped in IS TRUE: "(… IS TRUE)".
                        if (!(expr.startsWith("(") && expr.endsWith(" IS TRUE)"))) {
                            notIsTrue.add(rs.getString(1) + ": " + expr);
                        }
                    }
                }
            }
        }
        return new WallTexts(walls, perRow, notIsTrue);
    }

    /** Command, roles, USING and WITH CHECK of one policy, to compare two tables' walls. */
    private static String policyText(Connection c, String schema, String table, String policy) throws SQLException {
        try (var st = c.prepareStatement("""
                SELECT cmd, permissive, roles::text, qual, with_check FROM pg_policies
                WHERE schemaname = ? AND tablename = ? AND policyname = ?""")) {
            st.setString(1, schema);
            st.setString(2, table);
            st.setString(3, policy);
            try (var rs = st.executeQuery()) {
                assertThat(rs.next()).as(schema + "." + table + " has " + policy).isTrue();
                return String.join(" | ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5));
            }
        }
    }
}
