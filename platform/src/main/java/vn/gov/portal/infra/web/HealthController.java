package vn.gov.portal.infra.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.tenancy.TenantDirectory;

/** {@code GET /health} on any host, known or not: load balancers probe by address. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/health")
public class HealthController {
    private final TenantDb db;
    private final TenantDirectory directory;

    public HealthController(TenantDb db, TenantDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    @Serdeable
    public record Health(String status, String database, int tenants) {
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Health> health() {
        int tenants = directory.snapshot().size();
        try {
            db.directory(ctx -> ctx.selectOne().fetch());
            return HttpResponse.ok(new Health("UP", "UP", tenants)).header("Cache-Control", "no-store");
        } catch (RuntimeException e) {
            return HttpResponse.<Health>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN", "DOWN", tenants));
        }
    }
}
