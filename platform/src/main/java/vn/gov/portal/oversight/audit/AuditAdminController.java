package vn.gov.portal.oversight.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.Paged;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The back office's audit page ({@code /admin/nhat-ky}): the same filters as the API, 50 entries
 * a page cut by the database, and the CSV of what the filters match. Links, not forms: reading
 * changes nothing (the download is recorded by AuditedResponses, as every download is).
 */
@Controller("/admin/nhat-ky")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditAdminController {
    private final AuditTrail trail;
    private final TenantDirectory directory;
    private final AdminPages pages;
    private final Clock clock;

    public AuditAdminController(AuditTrail trail, TenantDirectory directory, AdminPages pages, Clock clock) {
        this.trail = trail;
        this.directory = directory;
        this.pages = pages;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @QueryValue("don-vi") @Nullable String site,
                                @QueryValue("nguoi") @Nullable String actor,
                                @QueryValue("hanh-dong") @Nullable String action,
                                @QueryValue("tu") @Nullable String from, @QueryValue("den") @Nullable String to,
                                @QueryValue(Paged.PARAM) @Nullable String page) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant here = CurrentSite.tenant(request);
        var scope = AuditTrail.scopeFor(auth.getRoles(), here, dir);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("don-vi", site);
        filters.put("nguoi", actor);
        filters.put("hanh-dong", action);
        filters.put("tu", from);
        filters.put("den", to);
        Map<String, Object> model = new HashMap<>();
        model.put("filters", filters);
        model.put("wholeProvince", scope.archiveOf() != null);
        HttpStatus status = HttpStatus.OK;
        try {
            var found = trail.page(scope, AuditTrail.Filter.of(site, actor, action, from, to), Paged.requested(page),
                    dir);
            model.put("paged", Paged.ofPage(found.items().stream().map(Row::of).toList(), found.page(), found.total(),
                    filters));
            model.put("exportQuery", Paged.ofPage(List.of(), 1, 0, filters).query());
        } catch (ProblemException refused) {
            if (refused.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw refused;
            }
            // A date the browser let through badly: the page says which, with the filters kept.
            model.put("error", refused.detailKey());
            model.put("paged", Paged.ofPage(List.of(), 1, 0, Map.of()));
            model.put("exportQuery", "");
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        }
        return pages.page(request, "admin/audit", auth, model, status);
    }

    /** An entry as the page shows it: its time in the province's zone. */
    public record Row(String when, AuditTrail.Entry entry) {
        private static final DateTimeFormatter WHEN =
                DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

        static Row of(AuditTrail.Entry e) {
            return new Row(WHEN.format(e.at().atZoneSameInstant(ProvinceTime.ZONE)), e);
        }
    }

    @Get("/xuat")
    public HttpResponse<?> export(HttpRequest<?> request, Authentication auth,
                                  @QueryValue("don-vi") @Nullable String site,
                                  @QueryValue("nguoi") @Nullable String actor,
                                  @QueryValue("hanh-dong") @Nullable String action,
                                  @QueryValue("tu") @Nullable String from, @QueryValue("den") @Nullable String to) {
        return AuditApiController.download(trail, directory.snapshot(), CurrentSite.tenant(request), auth,
                AuditTrail.Filter.of(site, actor, action, from, to), ProvinceTime.today(clock));
    }
}
