package vn.gov.portal.infra.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.redis.RedisConnections;
import vn.gov.portal.testing.TestRedis;

/** Two nodes' buses over a real Redis of the test's own. */
@Tag("nodes")
class CacheBusTest {

    @Test
    void theOtherNodeReceivesWhatOneBroadcastsAndNoNodeHearsItself() throws Exception {
        try (TestRedis redis = TestRedis.start(); Node a = new Node(redis); Node b = new Node(redis)) {
            a.bus.broadcast(new Invalidation.SiteContent(42));
            assertThat(b.received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Invalidation.SiteContent(42));
            b.bus.broadcast(new Invalidation.Directory());
            assertThat(a.received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Invalidation.Directory());

            assertThat(a.received.poll(300, TimeUnit.MILLISECONDS)).as("A's own message").isNull();
            assertThat(b.received.poll(10, TimeUnit.MILLISECONDS)).as("B's own message").isNull();
        }
    }

    @Test
    void afterAnOutageANodeForgetsEverythingSinceItMayHaveMissedMessages() throws Exception {
        try (TestRedis redis = TestRedis.start(); Node a = new Node(redis); Node b = new Node(redis)) {
            redis.stop();
            a.bus.broadcast(new Invalidation.SiteContent(42)); // lost: nobody can hear it now
            redis.restart();
            assertThat(b.received.poll(20, TimeUnit.SECONDS)).as("B after its subscription came back")
                    .isEqualTo(new Invalidation.Everything());

            // Once both are back, messages flow again (Lettuce subscribed the channel anew).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean delivered = false;
            while (!delivered && System.nanoTime() < deadline) {
                a.bus.broadcast(new Invalidation.SiteContent(43));
                Invalidation next;
                while ((next = b.received.poll(200, TimeUnit.MILLISECONDS)) != null) {
                    delivered |= next.equals(new Invalidation.SiteContent(43));
                }
            }
            assertThat(delivered).isTrue();
        }
    }

    @Test
    void messagesRoundTripAndUnknownOnesMeanForgetEverything() {
        for (Invalidation i : new Invalidation[] {new Invalidation.SiteContent(7), new Invalidation.Directory(),
                new Invalidation.Everything()}) {
            assertThat(Invalidation.decode(Invalidation.encode(i))).isEqualTo(i);
        }
        assertThat(Invalidation.decode("media 12")).isEqualTo(new Invalidation.Everything());
        assertThat(Invalidation.decode("content x")).isEqualTo(new Invalidation.Everything());
    }

    /** One node's connections and bus; what it receives lands in a queue. */
    private static final class Node implements AutoCloseable {
        final RedisConnections redis;
        final CacheBus bus;
        final BlockingQueue<Invalidation> received = new LinkedBlockingQueue<>();

        Node(TestRedis server) {
            redis = new RedisConnections(server.url());
            bus = new CacheBus(redis, event -> received.add(event.invalidation()));
        }

        @Override
        public void close() {
            bus.close();
            redis.close();
        }
    }
}
