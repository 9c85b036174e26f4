package vn.gov.portal.schema;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway scripts in {@code db/migration}. Runs as the owner of the schema
 * (the DATABASE_URL user), never as the application role.
 */
public final class Migrator {
    /** The login role the application uses; it owns nothing, so row-level security binds it. */
    public static final String DEFAULT_APP_ROLE = "portal_app";

    /**
     * The role that owns the cross-tenant job functions (V42): the application role's name with
     * {@code _jobs}, so each application role (each test run, each installation sharing a server)
     * has its own.
     */
    public static String jobsRole(String appRole) {
        return appRole + "_jobs";
    }

    private Migrator() {
    }

    public static MigrateResult migrate(DataSource owner, String appRole) {
        if (!appRole.matches("[a-z_][a-z0-9_]{0,57}")) { // room for jobsRole's suffix in 63
            throw new IllegalArgumentException("Not a plain role name: " + appRole);
        }
        Flyway flyway = Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(owner)
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", appRole, "jobs_role", jobsRole(appRole)))
                .failOnMissingLocations(true)
                // Order is strict (Flyway's default, no outOfOrder): shipped migrations are frozen
                // (db/migration.checksums, ShippedMigrationsAreFrozenTest), so every database holds
                // a prefix of one sequence and a new migration is numbered above every shipped one.
                // A history with a hole below its newest version can only come from a build before
                // the first release's baseline, and is refused with UnknownMigrationHistory's advice.
                .validateOnMigrate(true)
                .load();
        try {
            return flyway.migrate();
        } catch (FlywayValidateException e) {
            throw UnknownMigrationHistory.of(flyway, e);
        }
    }
}
