package vn.gov.portal.infra.db;

import io.micronaut.data.connection.exceptions.ConnectionException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that is down, unreachable or too slow right now from a bug: the first is
 * answered 503 "try again shortly" (and logged without a stack trace), the second stays a 500.
 * A request that hit one of {@link DatabaseTimeouts}' bounds lands here.
 */
public final class DatabaseUnavailable {
    /**
     * SQLSTATEs that say "not now" rather than "wrong": 57014 a statement cancelled (statement_timeout),
     * 55P03 a lock not granted in time (lock_timeout), 25P03 a session ended for idling in a
     * transaction, 57P01–57P03 a server shutting down, restarting or not yet accepting connections,
     * 53300 too many connections. Class 08 (connection exceptions) is matched by its prefix.
     */
    private static final Set<String> NOT_NOW = Set.of("57014", "55P03", "25P03", "57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    /** True when {@code error}, or anything that caused it, is the database saying "not now". */
    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // the pool had no connection to give within DATABASE_POOL_WAIT
            }
            if (t instanceof ConnectionException) {
                // A connection that could not be opened or set up for the transaction (the server went
                // away under it); Micronaut keeps only the message of the SQLException behind it.
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || NOT_NOW.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
