package vn.gov.portal.infra.redis;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * True when REDIS_URL ({@code portal.redis.url}) names a server: only then do the Redis beans
 * exist. A single node leaves it unset and never connects to, or needs, Redis.
 */
public final class RedisConfigured implements Condition {
    public static final String PROPERTY = "portal.redis.url";

    @Override
    public boolean matches(ConditionContext context) {
        return context.getProperty(PROPERTY, String.class).filter(url -> !url.isBlank()).isPresent();
    }
}
