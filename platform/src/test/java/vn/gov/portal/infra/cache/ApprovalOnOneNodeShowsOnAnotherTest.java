package vn.gov.portal.infra.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.NodeProcess;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;
import vn.gov.portal.testing.TestDatabase;
import vn.gov.portal.testing.TestRedis;

/**
 * The acceptance line of issue 4: "an approval on node A is visible on node B within one
 * second". Nodes A and B are separate JVMs sharing the test's PostgreSQL and a Redis of the
 * test's own. The application inside the test JVM is a third node that shares the database but
 * has no REDIS_URL: it keeps showing its cached page, which is what B would do without the bus,
 * so the test cannot pass by B happening to render afresh.
 *
 * <p>Node logs: {@code platform/target/two-nodes/{a,b}/node.log}.
 */
@SharedApplication
@Tag("nodes")
class ApprovalOnOneNodeShowsOnAnotherTest extends PortalTest {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);

    private TestRedis redis;
    private NodeProcess nodeA;
    private NodeProcess nodeB;

    @BeforeAll
    void startRedisAndTwoNodes() {
        // The demo province exists by now: this class's own application created it on start.
        redis = TestRedis.start();
        Map<String, String> env = new HashMap<>(TestDatabase.get().environment());
        env.put("REDIS_URL", redis.url());
        Path dir = Path.of("target", "two-nodes").toAbsolutePath();
        TestDatabase.deleteTree(dir);
        nodeA = NodeProcess.start("a", dir.resolve("a"), env);
        nodeB = NodeProcess.start("b", dir.resolve("b"), env);
        nodeA.awaitUp(Duration.ofSeconds(90));
        nodeB.awaitUp(Duration.ofSeconds(90));
    }

    @AfterAll
    void stopThem() {
        for (AutoCloseable each : new AutoCloseable[] {nodeA, nodeB, redis}) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                System.err.println("Could not stop " + each + ": " + e);
            }
        }
    }

    @Test
    void anApprovalOnNodeAIsVisibleOnNodeBWithinOneSecond() throws InterruptedException {
        String title = "Tin duyệt trên nút A " + System.nanoTime();
        String writer = nodeA.token(DEPARTMENT, "sotaichinh.bientap", DEMO_PASSWORD);
        String head = nodeA.token(DEPARTMENT, "sotaichinh.truongban", DEMO_PASSWORD);
        String id = field(nodeA.api(DEPARTMENT, writer, "POST", "/api/v1/articles",
                "{\"title\":\"" + title + "\"}").body(), "id");
        assertThat(nodeA.api(DEPARTMENT, writer, "POST", "/api/v1/articles/" + id + "/submit", null).statusCode())
                .isEqualTo(200);

        // Both readers' caches hold the home page without the new article (the second GET is a hit).
        for (int i = 0; i < 2; i++) {
            assertThat(nodeB.get(DEPARTMENT, "/").body()).doesNotContain(title);
            assertThat(get(DEPARTMENT, "/").body()).doesNotContain(title);
        }

        var approved = nodeA.api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/approve", "{}");
        long approvedAt = System.nanoTime();
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        long seenAfter = firstSeenOnB(DEPARTMENT, title, approvedAt);
        System.out.println("Node B showed node A's approval after " + seenAfter + " ms");
        assertThat(seenAfter).as("ms from A's approval until B shows it").isLessThanOrEqualTo(VISIBLE_WITHIN.toMillis());

        sleepUntil(approvedAt + VISIBLE_WITHIN.toNanos());
        assertThat(get(DEPARTMENT, "/").body()).as("a node without the bus still serves its cached page")
                .doesNotContain(title);
        assertThat(nodeA.get(DEPARTMENT, "/").body()).as("published, as A shows").contains(title);
    }

    @Test
    void anItemAcceptedOntoTheProvinceOnNodeAShowsOnTheProvinceOnNodeB() throws InterruptedException {
        String title = "Tin đề xuất lên tỉnh trên nút A " + System.nanoTime();
        String writer = nodeA.token(DEPARTMENT, "sotaichinh.bientap", DEMO_PASSWORD);
        String head = nodeA.token(DEPARTMENT, "sotaichinh.truongban", DEMO_PASSWORD);
        String id = field(nodeA.api(DEPARTMENT, writer, "POST", "/api/v1/articles",
                "{\"title\":\"" + title + "\"}").body(), "id");
        nodeA.api(DEPARTMENT, writer, "POST", "/api/v1/articles/" + id + "/submit", null);
        assertThat(nodeA.api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/approve", "{}").statusCode())
                .isEqualTo(200);
        String proposal = field(nodeA.api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/propose", null)
                .body(), "id");

        nodeB.get(PROVINCE, "/");
        assertThat(nodeB.get(PROVINCE, "/").body()).doesNotContain(title);

        String provinceHead = nodeA.token(PROVINCE, "thainguyen.truongban", DEMO_PASSWORD);
        var accepted = nodeA.api(PROVINCE, provinceHead, "POST", "/api/v1/proposals/" + proposal + "/accept", null);
        long acceptedAt = System.nanoTime();
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        assertThat(firstSeenOnB(PROVINCE, title, acceptedAt)).as("ms until the province on B shows it")
                .isLessThanOrEqualTo(VISIBLE_WITHIN.toMillis());
    }

    /** Polls B's page until it shows {@code text}; milliseconds since {@code since}, or fails after the limit. */
    private long firstSeenOnB(String host, String text, long since) throws InterruptedException {
        long deadline = since + VISIBLE_WITHIN.toNanos();
        while (true) {
            String page = nodeB.get(host, "/").body();
            long now = System.nanoTime();
            if (page.contains(text)) {
                return TimeUnit.NANOSECONDS.toMillis(now - since);
            }
            if (now > deadline) {
                throw new AssertionError("Node B did not show \"" + text + "\" within " + VISIBLE_WITHIN
                        + "; its log ends:\n" + nodeB.logTail());
            }
            Thread.sleep(10);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
