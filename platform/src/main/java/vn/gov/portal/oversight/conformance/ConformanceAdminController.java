package vn.gov.portal.oversight.conformance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.TokenForm;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Conformance in the back office: the province's list of sites with their failures
 * ({@code /admin/giam-sat/tuan-thu}, filtered by check, with "scan now"), one site's checks, and
 * a site board's own results ({@code /admin/tuan-thu}), so it fixes what the ministry would find.
 */
@Controller("/admin")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConformanceAdminController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ProvinceTime.ZONE);
    private final ConformanceResults results;
    private final ConformanceService service;
    private final TenantDirectory directory;
    private final AdminPages pages;

    public ConformanceAdminController(ConformanceResults results, ConformanceService service,
                                      TenantDirectory directory, AdminPages pages) {
        this.results = results;
        this.service = service;
        this.directory = directory;
        this.pages = pages;
    }

    @Get("/giam-sat/tuan-thu")
    public HttpResponse<?> province(HttpRequest<?> request, Authentication auth,
                                    @QueryValue("kiem-tra") @Nullable String check,
                                    @QueryValue("da-quet") @Nullable String scanned) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        Check only = ConformanceApiController.check(check);
        var all = results.province(province, CurrentSite.of(request).baseDomain());
        Map<String, Integer> perCheck = new HashMap<>();
        all.forEach(s -> s.failures().forEach(f -> perCheck.merge(f.code(), 1, Integer::sum)));
        List<ConformanceResults.SiteConformance> shown = all.stream()
                .filter(s -> only == null ? s.failed() > 0
                        : s.failures().stream().anyMatch(c -> c.code().equals(only.name()))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", shown);
        model.put("checks", Check.values());
        model.put("check", only == null ? "" : only.name());
        model.put("perCheck", perCheck);
        model.put("total", all.size());
        model.put("passing", all.stream().filter(s -> s.failed() == 0).count());
        model.put("lastScan", all.stream().map(ConformanceResults.SiteConformance::scannedAt)
                .filter(Objects::nonNull).max(OffsetDateTime::compareTo).map(WHEN::format)
                .orElse(null));
        model.put("scanned", scanned != null);
        return pages.page(request, "admin/conformance", auth, model, HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/giam-sat/tuan-thu/quet", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> scan(HttpRequest<?> request, Authentication auth, @Body TokenForm form) {
        AdminSession.verifyCsrf(request, form.csrf());
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        service.scanNow(province, ProvinceAdmins.actor(auth));
        return HttpResponse.seeOther(URI.create("/admin/giam-sat/tuan-thu?da-quet=1"));
    }

    @Get("/giam-sat/tuan-thu/{id}")
    public HttpResponse<?> site(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = id == province.id() ? province : ProvinceAdmins.componentSite(dir, province, id);
        return sitePage(request, auth, site, true);
    }

    /** The site's own results, for any member of its board. */
    @Get("/tuan-thu")
    public HttpResponse<?> own(HttpRequest<?> request, Authentication auth) {
        return sitePage(request, auth, CurrentSite.of(request).tenant(), false);
    }

    private HttpResponse<?> sitePage(HttpRequest<?> request, Authentication auth, Tenant site, boolean fromProvince) {
        var view = results.site(site, CurrentSite.of(request).baseDomain());
        Map<String, Object> model = new HashMap<>();
        model.put("target", view);
        model.put("fromProvince", fromProvince);
        model.put("lastScan", view.scannedAt() == null ? null : WHEN.format(view.scannedAt()));
        return pages.page(request, "admin/conformance-site", auth, model, HttpStatus.OK);
    }
}
