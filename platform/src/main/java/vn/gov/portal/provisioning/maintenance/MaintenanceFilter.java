package vn.gov.portal.provisioning.maintenance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import vn.gov.portal.infra.web.ErrorPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantFilter;

/**
 * While a site's maintenance window lasts, its visitors get the static copy: the essential pages
 * as they were copied, every other page and every write a 503 naming the return time (with
 * Retry-After). Nothing here reads the database, so the copy serves even while it is away.
 * The maintenance API stays open, so the province can end the window early.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class MaintenanceFilter implements Ordered {
    private final MaintenanceSchedule schedule;
    private final MaintenanceSnapshots snapshots;
    private final ErrorPages errors;

    public MaintenanceFilter(MaintenanceSchedule schedule, MaintenanceSnapshots snapshots, ErrorPages errors) {
        this.schedule = schedule;
        this.snapshots = snapshots;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return TenantFilter.ORDER + 5; // after the site is known, before the page cache
    }

    @RequestFilter
    public @Nullable HttpResponse<?> serveStaticCopy(HttpRequest<?> request) {
        Resolution.Found found = CurrentSite.find(request).orElse(null);
        if (found == null) {
            return null;
        }
        MaintenanceWindow window = schedule.underWay(found.tenant());
        String path = request.getPath();
        if (window == null || path.startsWith("/api/v1/maintenance") || path.equals("/api/v1/token")
                || snapshots.isCopyRequest(request.getHeaders().get(MaintenanceSnapshots.COPY_HEADER))) {
            return null;
        }
        String retryAfter = Long.toString(Math.max(60, Duration.between(schedule.now(), window.endsAt()).toSeconds()));
        boolean reads = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (reads) {
            String host = request.getHeaders().get("Host", String.class, "").toLowerCase(Locale.ROOT).split(":")[0];
            Path file = snapshots.page(window, host, path);
            if (file != null) {
                try {
                    return HttpResponse.ok(Files.readAllBytes(file)).contentType(contentType(file))
                            .header("Cache-Control", "no-store").header("X-Portal-Maintenance", "static-copy");
                } catch (IOException e) {
                    // Gone between the check and the read (the copy replaced): the 503 below.
                }
            }
        }
        Notice notice = Notice.of(window, schedule.now());
        return errors.respond(request, HttpStatus.SERVICE_UNAVAILABLE,
                        reads ? "maintenance.page-not-copied" : "maintenance.read-only", Map.of("notice", notice))
                .header("Retry-After", retryAfter).header("X-Portal-Maintenance", "under-way");
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }
}
