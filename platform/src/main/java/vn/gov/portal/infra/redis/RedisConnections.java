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
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's two connections to Redis, made when REDIS_URL is set: one for commands (rate-limit
 * buckets, publishing) and one subscribed to the cache bus (a subscribed connection takes no
 * other commands).
 *
 * <p>Start-up fails if Redis cannot be reached: a node that silently ran without the others'
 * invalidations would serve stale pages. Later outages are survived: Lettuce reconnects by
 * itself, and meanwhile commands are refused at once rather than queued, so a request never
 * waits on a dead Redis (callers fall back or log, see RateLimits and CacheBus).
 */
@Singleton
@Requires(condition = RedisConfigured.class)
public class RedisConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnections.class);
    /** Commands that take longer are given up; every caller has a fallback. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> commands;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile boolean closing;

    public RedisConnections(@Value("${" + RedisConfigured.PROPERTY + "}") String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(COMMAND_TIMEOUT);
        String where = uri.getHost() + ":" + uri.getPort(); // never the password the URL may carry
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
        try {
            commands = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            pubSub = client.connectPubSub(StringCodec.UTF8);
            LOG.info("Connected to Redis at {}", where);
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("Cannot reach Redis at " + where + " (REDIS_URL)", e);
        }
    }

    /** Keys are text ({@code t:{tenant}:…}), values bytes. Thread-safe; shared by every caller. */
    public StatefulRedisConnection<String, byte[]> commands() {
        return commands;
    }

    /** The connection that subscribes; Lettuce subscribes it again after each reconnect. */
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        return pubSub;
    }

    /** Told of every (re)connection and loss of either connection. */
    public void addListener(RedisConnectionStateListener listener) {
        client.addListener(listener);
    }

    @PreDestroy
    @Override
    public void close() {
        closing = true;
        pubSub.close();
        commands.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
