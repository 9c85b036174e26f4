package vn.gov.portal.infra.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Refuses to start an application whose cross-tenant job functions would see no tenant.
 *
 * <p>The jobs that must look across tenants (scheduled publishing, the mail sender) do it through
 * SECURITY DEFINER functions named {@code due_*}, which run as their owner. The walls are FORCEd, so
 * an owner that is neither a superuser nor BYPASSRLS is bound by them, and such a function quietly
 * answers "nothing is due": articles never go out, mail never leaves, and nothing says why. V42 gives
 * the functions to the jobs role ({@code <app role>_jobs}) with a policy that admits it. This check
 * holds every {@code due_*} function, including ones a later migration adds, to that: owned by a role
 * that bypasses the walls, or by the jobs role with a policy on every walled table it may read.
 */
public final class JobRoleCheck {
    private JobRoleCheck() {
    }

    /** @throws IllegalStateException naming each function that would see nothing, and the fix */
    public static void require(DataSource owner, String jobsRole) {
        List<String> problems = problems(owner, jobsRole);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The cross-tenant jobs (scheduled publishing, mail) would see no tenant's "
                    + "rows: " + String.join("; ", problems) + ". Give each such function to " + jobsRole
                    + " (ALTER FUNCTION … OWNER TO " + jobsRole + ", as migration V42 does) and admit " + jobsRole
                    + " on the tables it reads with a policy FOR SELECT TO " + jobsRole + " USING (true)");
        }
    }

    static List<String> problems(DataSource owner, String jobsRole) {
        List<String> problems = new ArrayList<>();
        try (Connection c = owner.getConnection()) {
            try (var st = c.prepareStatement("""
                    SELECT p.oid::regprocedure::text, p.prosecdef, r.rolname, r.rolsuper OR r.rolbypassrls
                    FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner
                    WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'due\\_%'
                    ORDER BY 1""");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    String function = rs.getString(1);
                    if (!rs.getBoolean(2)) {
                        problems.add(function + " is not SECURITY DEFINER, so it runs as the application role");
                    } else if (!rs.getBoolean(4) && !rs.getString(3).equals(jobsRole)) {
                        problems.add(function + " is owned by " + rs.getString(3)
                                + ", which row-level security binds");
                    }
                }
            }
            // Every walled table the jobs role may read needs a policy naming it: the tenant walls apply to
            // everyone (PUBLIC) but admit only the scope of a transaction, which a job has not.
            try (var st = c.prepareStatement("""
                    SELECT cl.relname FROM pg_class cl
                    JOIN pg_roles r ON r.rolname = ?
                    WHERE cl.relnamespace = 'public'::regnamespace AND cl.relkind IN ('r', 'p')
                      AND cl.relrowsecurity AND NOT (r.rolsuper OR r.rolbypassrls)
                      AND has_any_column_privilege(r.oid, cl.oid, 'SELECT')
                      AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = cl.oid
                                      AND p.polcmd IN ('r', '*') AND p.polpermissive
                                      AND r.oid = ANY (p.polroles))
                    ORDER BY 1""")) {
                st.setString(1, jobsRole);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        problems.add(jobsRole + " may read " + rs.getString(1) + " but no policy admits it there");
                    }
                }
            }
        } catch (SQLException e) {
            throw new TenantDb.DataAccessFailure(e);
        }
        return problems;
    }
}
