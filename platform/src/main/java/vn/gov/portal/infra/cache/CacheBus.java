package vn.gov.portal.infra.cache;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PreDestroy;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.redis.RedisConfigured;
import vn.gov.portal.infra.redis.RedisConnections;

/**
 * Cross-node cache invalidation over Redis pub/sub, present only when REDIS_URL is set. A
 * feature {@link #broadcast}s what changed after its commit; every other node receives it as
 * a {@link Received} application event and drops the same entries. A node ignores its own
 * messages: it has already evicted locally.
 *
 * <p>Pub/sub delivers only to whoever is connected at that moment, so an outage can lose
 * messages. Both sides make up for it: a node whose subscription comes back forgets
 * everything it caches, and a node that failed to publish announces {@link
 * Invalidation.Everything} once its connection is back.
 *
 * <p>{@code @Context}: it must be subscribed from start-up, before anyone asks for it; a node
 * that started while Redis was down subscribes once it connects ({@link
 * RedisConnections#whenConnected}).
 */
@Context
@Requires(condition = RedisConfigured.class)
public class CacheBus {
    private static final Logger LOG = LoggerFactory.getLogger(CacheBus.class);
    public static final String CHANNEL = "portal:invalidations";

    /** Another node's invalidation, published on this node as an application event. */
    public record Received(Invalidation invalidation) {
    }

    private final String node = UUID.randomUUID().toString();
    private final RedisConnections redis;
    private final ApplicationEventPublisher<Received> events;
    /** Listeners reload from the database: never on Lettuce's I/O thread. One thread keeps the order. */
    private final ExecutorService receiver = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cache-bus");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean lostSome = new AtomicBoolean();

    public CacheBus(RedisConnections redis, ApplicationEventPublisher<Received> events) {
        this.redis = redis;
        this.events = events;
        boolean startedWithRedis = redis.connected();
        redis.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                reconnected(connection);
            }
        });
        redis.whenConnected(() -> subscribe(startedWithRedis));
    }

    /**
     * Listens on the channel, once connected. A node that started without Redis may have cached
     * pages another node has since changed: it forgets them, and tells the others to forget too
     * if it failed to announce something meanwhile.
     */
    private void subscribe(boolean startedWithRedis) {
        redis.pubSub().addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (CHANNEL.equals(channel)) {
                    receive(message);
                }
            }
        });
        redis.pubSub().sync().subscribe(CHANNEL);
        LOG.info("Cache bus: node {} subscribed to {}", node, CHANNEL);
        if (!startedWithRedis) {
            deliver(new Invalidation.Everything());
            if (lostSome.getAndSet(false)) {
                broadcast(new Invalidation.Everything());
            }
        }
    }

    /** Tells every other node; never throws (a failure is made up for after reconnecting). */
    public void broadcast(Invalidation invalidation) {
        byte[] message = (node + " " + Invalidation.encode(invalidation)).getBytes(StandardCharsets.UTF_8);
        try {
            redis.commands().async().publish(CHANNEL, message).whenComplete((receivers, error) -> {
                if (error != null) {
                    missed(invalidation, error);
                }
            });
        } catch (RuntimeException e) {
            missed(invalidation, e);
        }
    }

    private void missed(Invalidation invalidation, Throwable error) {
        lostSome.set(true);
        LOG.warn("Could not tell the other nodes of {} ({}); they will be told to forget everything once "
                + "Redis is back", invalidation, error.getMessage());
    }

    private void receive(String message) {
        int space = message.indexOf(' ');
        if (space < 0 || message.substring(0, space).equals(node)) {
            return;
        }
        deliver(Invalidation.decode(message.substring(space + 1)));
    }

    /** Lettuce tells of every reconnection (the first connection happened before we listened). */
    private void reconnected(RedisChannelHandler<?, ?> connection) {
        if (!redis.connected()) {
            return; // the first connection, made late: subscribe() catches up
        }
        if (connection == redis.pubSub()) {
            // Whatever was published while we were away never reached us.
            deliver(new Invalidation.Everything());
        } else if (connection == redis.commands() && lostSome.getAndSet(false)) {
            broadcast(new Invalidation.Everything());
        }
    }

    private void deliver(Invalidation invalidation) {
        try {
            receiver.execute(() -> {
                try {
                    events.publishEvent(new Received(invalidation));
                } catch (RuntimeException e) {
                    LOG.warn("Could not apply {} from another node", invalidation, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Shutting down; {} not applied", invalidation);
        }
    }

    @PreDestroy
    public void close() {
        receiver.shutdownNow();
    }
}
