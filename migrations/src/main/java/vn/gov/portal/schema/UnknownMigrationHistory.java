package vn.gov.portal.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.ValidateOutput;

/**
 * The database's migration history is not a prefix of this release's migrations: it was made by
 * a build from before the first release's baseline (commit 9f0e350, when shipped migrations were
 * still edited, V22 deleted, and V40 applied before V10), or it was restored from such a build's
 * backup. Flyway's own message says "run repair", which would mark an unknown schema as ours;
 * this one names the migrations that differ and says what the operator can do instead.
 */
public final class UnknownMigrationHistory extends IllegalStateException {

    private UnknownMigrationHistory(String message, Throwable cause) {
        super(message, cause);
    }

    static UnknownMigrationHistory of(Flyway flyway, FlywayValidateException cause) {
        List<String> differences;
        try {
            Set<String> pending = Arrays.stream(flyway.info().pending())
                    .map(info -> info.getVersion().getVersion())
                    .collect(Collectors.toSet());
            differences = flyway.validateWithResult().invalidMigrations.stream()
                    .filter(invalid -> !pending.contains(invalid.version))
                    .map(UnknownMigrationHistory::describe)
                    .toList();
        } catch (RuntimeException unreadable) {
            cause.addSuppressed(unreadable);
            differences = List.of(cause.getMessage());
        }
        return new UnknownMigrationHistory(message(differences), cause);
    }

    static String message(List<String> differences) {
        return "This database was created by a build older than the first release: its migration history"
                + " does not match this release's frozen migrations (db/migration.checksums).\n  "
                + String.join("\n  ", differences) + "\n"
                + "It cannot be upgraded in place, and Flyway's \"repair\" would hide the difference, not undo it."
                + " What to do: stop every node; keep the old data (copy data/ aside, or ops/backup with the"
                + " build that made it); then start this release on an empty database (move data/ away, or"
                + " point DATABASE_URL at a new database) and enter the sites again. See README, \"Backup and"
                + " restore\".";
    }

    private static String describe(ValidateOutput invalid) {
        String name = "V" + invalid.version + " (" + invalid.description + ")";
        if (invalid.errorDetails == null || !(invalid.errorDetails.errorCode instanceof CoreErrorCode code)) {
            return name + ": " + (invalid.errorDetails == null ? "invalid" : invalid.errorDetails.errorMessage);
        }
        return name + ": " + switch (code) {
            case CHECKSUM_MISMATCH -> "the database applied another text of this migration (its checksum differs)";
            case DESCRIPTION_MISMATCH, TYPE_MISMATCH -> "the database applied a migration of this number under another name";
            case APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED -> "applied to the database, but this release has no such migration";
            case RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED ->
                    "never applied, yet the database holds later migrations (a build that applied them out of order)";
            default -> invalid.errorDetails.errorMessage;
        };
    }
}
