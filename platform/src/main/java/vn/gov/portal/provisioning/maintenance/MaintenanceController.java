package vn.gov.portal.provisioning.maintenance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Planned maintenance over the API: the province announces, lists, cancels or ends a window and
 * may take the static copy ahead to check it; any site tells whether a notice is in force.
 */
@Controller("/api/v1/maintenance")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MaintenanceController {
    private final MaintenanceSchedule schedule;
    private final MaintenanceSnapshots snapshots;
    private final TenantDirectory directory;

    public MaintenanceController(MaintenanceSchedule schedule, MaintenanceSnapshots snapshots,
                                 TenantDirectory directory) {
        this.schedule = schedule;
        this.snapshots = snapshots;
        this.directory = directory;
    }

    @Serdeable
    public record AnnounceInput(@Nullable String startsAt, @Nullable String endsAt, @Nullable String reason,
                                @Nullable List<Long> sites) {
    }

    @Serdeable
    public record Windows(Instant now, Instant earliestStart, String earliestStartLocal, List<MaintenanceWindow> windows) {
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Windows list(HttpRequest<?> request, Authentication auth) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        Instant earliest = schedule.earliestStart(province, schedule.now());
        return new Windows(schedule.now(), earliest, Notice.when(earliest), schedule.list(province));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<MaintenanceWindow> announce(HttpRequest<?> request, Authentication auth,
                                                    @Body AnnounceInput input) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        var announcement = new MaintenanceSchedule.Announcement(instant(input.startsAt(), "startsAt"),
                instant(input.endsAt(), "endsAt"), input.reason(), input.sites());
        return HttpResponse.created(schedule.announce(province, announcement, ProvinceAdmins.actor(auth)));
    }

    /** Before the start: called off. Under way: ended now. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Delete("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public MaintenanceWindow cancel(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return schedule.cancel(province, id, ProvinceAdmins.actor(auth));
    }

    /** Takes (or takes again) the static copy now, so the province can look at it before the day. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post("/{id}/copy")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Map<String, List<String>> copy(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        MaintenanceWindow w = schedule.window(province, id);
        if (w.phase(schedule.now()) == MaintenanceWindow.Phase.OVER) {
            throw new ProblemException(HttpStatus.CONFLICT, "maintenance.already-over", "window");
        }
        return snapshots.take(w, schedule.affected(w, directory.snapshot()));
    }

    /** The notice this site shows now; 204 when there is none. */
    @Anyone
    @Get("/notice")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<Notice> notice(HttpRequest<?> request) {
        return schedule.noticeFor(CurrentSite.tenant(request)).map(HttpResponse::ok)
                .orElseGet(HttpResponse::noContent);
    }

    /** An instant with its offset, or a local time in Vietnam ("2026-12-05T22:00"). */
    private static Instant instant(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "maintenance.time-invalid", field);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ProvinceTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "maintenance.time-invalid", field);
            }
        }
    }
}
