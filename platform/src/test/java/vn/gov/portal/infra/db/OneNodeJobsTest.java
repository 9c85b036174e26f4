package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * A one-node job's run holds a PostgreSQL advisory lock: while it runs, another run of the same
 * job (from another node: another connection) is skipped, other jobs are not, and the lock is
 * gone once the run ends, even by an exception.
 */
@SharedApplication
class OneNodeJobsTest extends PortalTest {
    @Inject
    OneNodeJobs jobs;
    @Inject
    TenantDb db;

    @Test
    void aJobRunsOnOneNodeAtATime() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> jobs.tryRun("test.job", () -> {
            running.countDown();
            await(finish);
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(jobs.tryRun("test.job", () -> { })).as("same job, while it runs elsewhere").isFalse();
        assertThat(jobs.tryRun("test.other-job", () -> { })).as("another job").isTrue();
        assertThat(lockHeld()).isTrue();

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.tryRun("test.job", () -> { })).as("after the run").isTrue();
        assertThat(lockHeld()).isFalse();
    }

    @Test
    void theWorkUsesTenantScopesAsUsualAndAFailureFreesTheLock() {
        boolean ran = jobs.tryRun("test.scoped", () ->
                db.read(TenantScope.of(1), ctx -> ctx.fetchValue("SELECT current_setting('app.tenants')")));
        assertThat(ran).isTrue();
        try {
            jobs.tryRun("test.failing", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the run's failure reaches the caller
        }
        assertThat(jobs.tryRun("test.failing", () -> { })).isTrue();
    }

    /** Whether any session holds an advisory lock with test.job's key. */
    private boolean lockHeld() throws Exception {
        long key = OneNodeJobs.lockKey("test.job");
        try (var c = db().owner(); var st = c.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = "
                + "'advisory' AND ((classid::bigint << 32) | objid::bigint) = ?")) {
            st.setLong(1, key);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
