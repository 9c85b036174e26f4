package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.TestDatabase;

/**
 * A one-node job's lock outlives the pool's idle-in-transaction bound: the lock's transaction waits
 * idle while the work runs, and the server ending it would let a second node start the same job
 * meanwhile (and the run would end with an error).
 *
 * <p>On a pool of its own with a 2 s bound, set as DatabaseFactory sets it: an application started
 * with so short a bound would trip over its own start-up (password hashing inside transactions).
 */
class OneNodeJobKeepsItsLockWhileItWorksTest {

    @Test
    void aSecondRunIsRefusedWhileTheFirstWorksPastTheIdleBound() {
        DatabaseTimeouts timeouts = new DatabaseTimeouts();
        timeouts.setIdleInTransaction(Duration.ofSeconds(2));
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(TestDatabase.get().properties().get("database.url"));
        cfg.setMaximumPoolSize(3);
        cfg.addDataSourceProperty("options", timeouts.sessionOptions());
        try (var pool = new DatabaseFactory.AppDataSource(new HikariDataSource(cfg), null)) {
            OneNodeJobs jobs = new OneNodeJobs(pool);
            boolean[] secondRan = {true};
            boolean ran = jobs.tryRun("test.idle-lock", () -> {
                sleep(5_000); // well past the 2 s bound
                secondRan[0] = jobs.tryRun("test.idle-lock", () -> { });
            });
            assertThat(ran).isTrue();
            assertThat(secondRan[0]).as("the same job, started while the first still runs").isFalse();
            // The bound itself holds for any other transaction on the pool.
            assertThat(idleEndsTheSession(pool.pool())).isTrue();
        }
    }

    private static boolean idleEndsTheSession(HikariDataSource pool) {
        try (var c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT 1");
            sleep(4_000);
            c.createStatement().execute("SELECT 1");
            return false;
        } catch (java.sql.SQLException e) {
            return true;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
