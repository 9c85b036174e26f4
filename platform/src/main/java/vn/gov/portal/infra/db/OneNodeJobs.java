package vn.gov.portal.infra.db;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Jobs that must run on one node at a time (scheduled publishing, reminders): each run takes a
 * PostgreSQL transaction-level advisory lock named after the job, on a connection of its own,
 * and holds it while the work runs; a node that finds it taken skips that run. The lock ends
 * with its transaction, so a node that dies mid-run frees it (ShedLock is not in the registry;
 * DESIGN.md asks for this).
 *
 * <p>The work opens its own {@link TenantDb} transactions as usual: the lock's connection is
 * taken from the pool directly and is not the thread's transaction, so scopes do not clash.
 * A run therefore holds two pooled connections for a moment.
 */
@Singleton
public class OneNodeJobs {
    private final DatabaseFactory.AppDataSource database;

    public OneNodeJobs(DatabaseFactory.AppDataSource database) {
        this.database = database;
    }

    /** Runs {@code work} unless another node (or thread) is running {@code job}; true if it ran. */
    public boolean tryRun(String job, Runnable work) {
        try (Connection c = database.pool().getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c, lockKey(job))) {
                    return false;
                }
                work.run();
                return true;
            } finally {
                c.rollback(); // nothing was written on it; ending the transaction frees the lock
            }
        } catch (SQLException e) {
            throw new TenantDb.DataAccessFailure(e);
        }
    }

    /**
     * The lock's transaction sits idle while the work runs, as long as the work takes: the pool's
     * idle_in_transaction_session_timeout (DatabaseTimeouts) would end the session mid-run and free
     * the lock for another node. So it is lifted for this transaction only; the work's own queries
     * run in their own transactions, under the usual bounds.
     */
    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (var st = c.prepareStatement(
                "SELECT set_config('idle_in_transaction_session_timeout', '0', true), pg_try_advisory_xact_lock(?)")) {
            st.setLong(1, key);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(2);
            }
        }
    }

    /**
     * Advisory locks share one 64-bit key space per database: a hash of a prefixed name keeps
     * ours stable across nodes and versions and clear of anyone else's small integers.
     */
    static long lockKey(String job) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("vn.gov.portal.job:" + job).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
