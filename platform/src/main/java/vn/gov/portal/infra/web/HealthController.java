package vn.gov.portal.infra.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.redis.RedisConnections;

/**
 * Health probes on any host, known or not: load balancers probe by address.
 *
 * <ul>
 *   <li>{@code /health/live}: the process answers HTTP. Needs nothing (no database, no Redis), so
 *       an orchestrator restarts a node only when the node itself is stuck, never because the
 *       database is down (restarting every node would not bring it back);
 *   <li>{@code /health/ready}: the node can serve a request that misses the cache: the database
 *       answers, and Redis answers when REDIS_URL is set. Each check gives up after {@link #CHECK_TIMEOUT}; 503 when any
 *       fails, so a load balancer sends visitors to another node meanwhile;
 *   <li>{@code /health}: as before, the database and the number of sites known: 503 when the
 *       database does not answer. Kept for probes already pointed at it; new ones take the two above.
 * </ul>
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/health")
public class HealthController {
    /** A probe must answer well within a load balancer's own timeout (often 2–5 s). */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
    private static final String UP = "UP";
    private static final String DOWN = "DOWN";
    private static final String NOT_CONFIGURED = "NOT_CONFIGURED";

    private final TenantDb db;
    private final SiteCount sites;
    private final Optional<RedisConnections> redis;
    /**
     * Checks run here, so a probe answers at its deadline even when a check hangs on (a check's
     * own wait is bounded too: DATABASE_POOL_WAIT, Redis's command timeout).
     */
    private final ExecutorService checks = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-check");
        t.setDaemon(true);
        return t;
    });

    public HealthController(TenantDb db, SiteCount sites, Optional<RedisConnections> redis) {
        this.db = db;
        this.sites = sites;
        this.redis = redis;
    }

    /** The paths answered the same on every host, outside any tenant. */
    public static boolean isHealthPath(String path) {
        return path.equals("/health") || path.startsWith("/health/");
    }

    @Serdeable
    public record Health(String status, String database, int tenants) {
    }

    @Serdeable
    public record Live(String status) {
    }

    @Serdeable
    public record Ready(String status, String database, String redis) {
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Health> health() {
        int tenants = sites.knownSites();
        String database = check(this::pingDatabase);
        return answer(UP.equals(database), new Health(database, database, tenants));
    }

    /** Answers from the event loop: no thread pool, no database, no Redis. */
    @Get("/live")
    public HttpResponse<Live> live() {
        return HttpResponse.ok(new Live(UP)).header("Cache-Control", "no-store");
    }

    @Get("/ready")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Ready> ready() {
        // Both at once: a probe waits for the slower, not for the sum.
        Future<String> database = submit(this::pingDatabase);
        Future<String> redisCheck = redis.map(r -> submit(() -> pingRedis(r))).orElse(null);
        String databaseState = await(database);
        String redisState = redisCheck == null ? NOT_CONFIGURED : await(redisCheck);
        boolean ready = UP.equals(databaseState) && !DOWN.equals(redisState);
        return answer(ready, new Ready(ready ? UP : DOWN, databaseState, redisState));
    }

    private boolean pingDatabase() {
        db.directory(ctx -> ctx.selectOne().fetch());
        return true;
    }

    private static boolean pingRedis(RedisConnections r) throws Exception {
        return "PONG".equals(r.commands().async().ping().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** UP if {@code probe} answers true within {@link #CHECK_TIMEOUT}, DOWN otherwise. */
    private String check(Callable<Boolean> probe) {
        return await(submit(probe));
    }

    private Future<String> submit(Callable<Boolean> probe) {
        return checks.submit(() -> {
            try {
                return Boolean.TRUE.equals(probe.call()) ? UP : DOWN;
            } catch (Exception e) {
                return DOWN;
            }
        });
    }

    private static String await(Future<String> future) {
        try {
            return future.get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DOWN;
        } catch (Exception e) {
            future.cancel(true);
            return DOWN;
        }
    }

    private static <T> HttpResponse<T> answer(boolean up, T body) {
        return HttpResponse.<T>status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body)
                .header("Cache-Control", "no-store");
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
