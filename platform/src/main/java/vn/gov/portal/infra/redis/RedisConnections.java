package vn.gov.portal.infra.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's two connections to Redis, made when REDIS_URL is set: one for commands (rate-limit
 * buckets, publishing) and one subscribed to the cache bus (a subscribed connection takes no
 * other commands).
 *
 * <p>Redis is not needed to serve: a node whose Redis is down at start starts anyway, degraded
 * (rate limits counted per node, no invalidations from or to other nodes), logs so, and keeps
 * trying every {@link #RETRY} until it connects; then whoever waits on {@link #whenConnected}
 * goes on (the cache bus forgets what it cached meanwhile, as after any outage). Later outages
 * are survived the same way: Lettuce reconnects by itself, and meanwhile commands are refused
 * at once rather than queued, so a request never waits on a dead Redis (callers fall back or
 * log, see RateLimits and CacheBus).
 */
@Singleton
@Requires(condition = RedisConfigured.class)
public class RedisConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnections.class);
    /** Commands that take longer are given up; every caller has a fallback. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** How often a node that started without Redis tries again. */
    static final Duration RETRY = Duration.ofSeconds(1);

    private final RedisClient client;
    private final String where;
    private volatile @Nullable StatefulRedisConnection<String, byte[]> commands;
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> pubSub;
    private final List<Runnable> waiting = new ArrayList<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redis-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closing;

    public RedisConnections(@Value("${" + RedisConfigured.PROPERTY + "}") String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(COMMAND_TIMEOUT);
        where = uri.getHost() + ":" + uri.getPort(); // never the password the URL may carry
        client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (closing) {
                    return;
                }
                LOG.warn("Lost a connection to Redis at {}; reconnecting", where);
            }
        });
        if (!tryConnect()) {
            LOG.warn("Redis at {} (REDIS_URL) cannot be reached: serving without it (rate limits per node, no "
                    + "invalidations shared with other nodes) and trying again every {} s", where, RETRY.toSeconds());
            retries.scheduleWithFixedDelay(this::retry, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void retry() {
        if (!closing && commands == null && tryConnect()) {
            retries.shutdown();
        }
    }

    /** Both connections, or neither; true when connected. Runs whoever waited for it. */
    private boolean tryConnect() {
        StatefulRedisConnection<String, byte[]> c = null;
        try {
            c = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            StatefulRedisPubSubConnection<String, String> p = client.connectPubSub(StringCodec.UTF8);
            List<Runnable> ready;
            synchronized (waiting) {
                commands = c;
                pubSub = p;
                ready = List.copyOf(waiting);
                waiting.clear();
            }
            LOG.info("Connected to Redis at {}", where);
            ready.forEach(this::runSafely);
            return true;
        } catch (RuntimeException e) {
            if (c != null) {
                c.closeAsync();
            }
            LOG.debug("Redis at {} not reachable yet: {}", where, e.toString());
            return false;
        }
    }

    /**
     * Runs {@code action} once both connections exist: now if they do, else on the thread that
     * makes them. Whatever needs Redis from the start (subscribing, building on the command
     * connection) goes through here, so a node that started without Redis catches up.
     */
    public void whenConnected(Runnable action) {
        synchronized (waiting) {
            if (commands == null) {
                waiting.add(action);
                return;
            }
        }
        runSafely(action);
    }

    private void runSafely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not finish setting up after connecting to Redis at {}", where, e);
        }
    }

    /** Whether the node has connected to Redis since it started (it may be reconnecting now). */
    public boolean connected() {
        return commands != null;
    }

    /**
     * Keys are text ({@code t:{tenant}:…}), values bytes. Thread-safe; shared by every caller.
     *
     * @throws IllegalStateException before the first connection (callers fall back, as for an outage)
     */
    public StatefulRedisConnection<String, byte[]> commands() {
        var c = commands;
        if (c == null) {
            throw new IllegalStateException("Not connected to Redis at " + where + " yet");
        }
        return c;
    }

    /** The connection that subscribes; Lettuce subscribes it again after each reconnect. */
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        var p = pubSub;
        if (p == null) {
            throw new IllegalStateException("Not connected to Redis at " + where + " yet");
        }
        return p;
    }

    /** Told of every (re)connection and loss of either connection. */
    public void addListener(RedisConnectionStateListener listener) {
        client.addListener(listener);
    }

    @PreDestroy
    @Override
    public void close() {
        closing = true;
        retries.shutdownNow();
        synchronized (waiting) {
            if (pubSub != null) {
                pubSub.close();
            }
            if (commands != null) {
                commands.close();
            }
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
