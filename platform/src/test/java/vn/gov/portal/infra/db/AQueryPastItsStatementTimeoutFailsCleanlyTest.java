package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;

/**
 * Issue 13's acceptance line: a query held past statement_timeout fails cleanly (503 problem+json
 * with a message that says to try again, not a hang and not a stack trace) and the pool recovers.
 *
 * <p>The statement timeout is 2 s here and the lock timeout longer, so the statement's own bound is
 * what ends the wait. A row lock held by another session (this test's, as the superuser: nothing in
 * the product holds a lock for seconds) keeps an edit of that article waiting.
 *
 * <p>Beside it, where the usual bound must not apply: a site's import or merge (longer, for its own
 * transaction only).
 */
@MicronautTest(transactional = false)
class AQueryPastItsStatementTimeoutFailsCleanlyTest extends PortalTest {

    @jakarta.inject.Inject
    TenantDb db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("database.timeouts.statement", "2s");
        p.put("database.timeouts.lock", "30s");
        return p;
    }

    @Test
    void anEditWaitingPastTheTimeoutIsRefusedAndTheNextRequestsSucceed() throws Exception {
        String writer = token(DEPARTMENT, "sotaichinh.bientap");
        var created = api(DEPARTMENT, writer, "POST", "/api/v1/articles", "{\"title\":\"Bản tin trước khi khóa\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");

        HttpResponse<String> refused;
        try (Connection lock = db().owner()) {
            lock.setAutoCommit(false);
            try (var st = lock.prepareStatement("SELECT id FROM articles WHERE id = ? FOR UPDATE")) {
                st.setLong(1, Long.parseLong(id));
                st.executeQuery().close();
            }
            // A generous deadline: the point is that it answers, not how fast.
            refused = CompletableFuture.supplyAsync(() -> api(DEPARTMENT, writer, "PUT", "/api/v1/articles/" + id,
                    "{\"title\":\"Bản tin sửa khi đang khóa\"}")).get(60, TimeUnit.SECONDS);
            lock.rollback();
        }
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("cơ sở dữ liệu tạm thời không phản hồi")
                .doesNotContain("statement timeout", "canceling", "SQLException");

        // Nothing of the refused edit was kept, and the pool serves more requests than it has connections.
        for (int i = 0; i < 10; i++) {
            var read = api(DEPARTMENT, writer, "GET", "/api/v1/articles/" + id, null);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains("Bản tin trước khi khóa");
        }
        var edited = api(DEPARTMENT, writer, "PUT", "/api/v1/articles/" + id, "{\"title\":\"Bản tin sửa sau khi mở\"}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(api(DEPARTMENT, writer, "GET", "/api/v1/articles/" + id, null).body())
                .contains("Bản tin sửa sau khi mở");
    }

    /**
     * A site's import or merge runs past the usual statement timeout (TenantDb.longRunning, SET LOCAL),
     * and only its own transaction: the connection goes back to the pool with the short one.
     */
    @Test
    void aLongRunningTransactionOutlastsTheTimeoutAndLeavesItOnThePool() {
        Throwable ordinary = org.assertj.core.api.Assertions.catchThrowable(
                () -> db.directory(ctx -> ctx.fetch("SELECT pg_sleep(2.5)")));
        assertThat(DatabaseUnavailable.isCause(ordinary)).as("an ordinary transaction: " + ordinary).isTrue();
        db.directory(ctx -> db.longRunning(ctx).fetch("SELECT pg_sleep(2.5)"));
        // More transactions than the pool has connections: none kept the long timeout.
        for (int i = 0; i < 10; i++) {
            String timeout = db.directory(ctx -> String.valueOf(ctx.fetchValue("SHOW statement_timeout")));
            assertThat(timeout).isEqualTo("2s");
        }
    }
}
