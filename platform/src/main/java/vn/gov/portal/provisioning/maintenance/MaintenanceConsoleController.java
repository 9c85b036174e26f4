package vn.gov.portal.provisioning.maintenance;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Planned maintenance in the province's back office ({@code /admin/bao-tri}): the windows, the
 * earliest start allowed today, a form to announce one (the whole province or chosen sites)
 * and the button that calls one off or ends it. A refused announcement keeps what was typed.
 */
@Controller("/admin/bao-tri")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MaintenanceConsoleController {
    private final MaintenanceSchedule schedule;
    private final TenantDirectory directory;
    private final AdminPages pages;

    public MaintenanceConsoleController(MaintenanceSchedule schedule, TenantDirectory directory, AdminPages pages) {
        this.schedule = schedule;
        this.directory = directory;
        this.pages = pages;
    }

    /** A window as the page lists it: times in Vietnam, its state and the sites it covers. */
    public record Row(MaintenanceWindow window, String starts, String ends, String state, String sites) {
    }

    @Get
    public HttpResponse<?> page(HttpRequest<?> request, Authentication auth) {
        return page(request, auth, new HashMap<>(), HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> announce(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        try {
            List<Long> sites = new ArrayList<>();
            form.forEach((k, v) -> {
                if (k.startsWith("site-") && "on".equals(v)) {
                    sites.add(Long.parseLong(k.substring(5)));
                }
            });
            boolean all = !"chosen".equals(form.get("scope"));
            if (!all && sites.isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "maintenance.no-site-chosen", "sites");
            }
            schedule.announce(province, new MaintenanceSchedule.Announcement(local(form.get("startsAt"), "startsAt"),
                    local(form.get("endsAt"), "endsAt"), form.get("reason"), all ? null : sites), ProvinceAdmins.actor(auth));
            return page(request, auth, new HashMap<>(Map.of("done", true)), HttpStatus.OK);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN) {
                throw refused;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("error", refused.detailKey());
            model.put("errorArgs", refused.detailArgs());
            model.put("typed", form);
            return page(request, auth, model, refused.status());
        }
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/huy", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> cancel(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                  @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        try {
            schedule.cancel(province, id, ProvinceAdmins.actor(auth));
            return page(request, auth, new HashMap<>(Map.of("done", true)), HttpStatus.OK);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            return page(request, auth, new HashMap<>(Map.of("error", refused.detailKey())), refused.status());
        }
    }

    private HttpResponse<?> page(HttpRequest<?> request, Authentication auth, Map<String, Object> model,
                                 HttpStatus status) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Instant now = schedule.now();
        List<Row> rows = schedule.list(province).stream().map(w -> new Row(w, Notice.when(w.startsAt()),
                Notice.when(w.endsAt()), w.phase(now).name(), w.tenantIds() == null ? null
                : String.join(", ", w.tenantIds().stream().map(dir::byId).filter(Objects::nonNull)
                        .map(Tenant::name).toList()))).toList();
        model.put("windows", rows);
        model.put("earliest", Notice.when(schedule.earliestStart(province, now)));
        model.put("components", dir.subtreeIds(province).stream().map(dir::byId).toList());
        model.putIfAbsent("typed", Map.of());
        return pages.page(request, "admin/maintenance", auth, model, status);
    }

    /** The form's datetime-local value, Vietnam time. */
    private static Instant local(String text, String field) {
        try {
            return LocalDateTime.parse(text == null ? "" : text).atZone(ProvinceTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "maintenance.time-invalid", field);
        }
    }
}
