package vn.gov.portal.oversight.conformance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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
import java.util.List;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Conformance over the API: the province's admins read every site with a failed
 * check and scan on demand; a site's results are readable by the province's admins and by the
 * site's own board (on its own host, its own id only).
 */
@Controller("/api/v1/oversight/conformance")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConformanceApiController {
    private final ConformanceResults results;
    private final ConformanceService service;
    private final TenantDirectory directory;

    public ConformanceApiController(ConformanceResults results, ConformanceService service,
                                    TenantDirectory directory) {
        this.results = results;
        this.service = service;
        this.directory = directory;
    }

    /** Sites with at least one failed check; {@code check}: only those failing that check. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get
    public List<ConformanceResults.SiteConformance> failing(HttpRequest<?> request, Authentication auth,
                                                            @QueryValue @Nullable String check) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        Check only = check(check);
        return results.province(province, CurrentSite.of(request).baseDomain()).stream()
                .filter(s -> only == null ? s.failed() > 0
                        : s.failures().stream().anyMatch(c -> c.code().equals(only.name())))
                .toList();
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/sites/{id}")
    public ConformanceResults.SiteConformance site(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Tenant here = CurrentSite.of(request).tenant();
        String baseDomain = CurrentSite.of(request).baseDomain();
        if (id == here.id()) {
            // The site's own board reads its own results (the token is bound to this site).
            return results.site(here, baseDomain);
        }
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = id == province.id() ? province : ProvinceAdmins.componentSite(dir, province, id);
        return results.site(site, baseDomain);
    }

    /** Scans the province's sites now and answers what it found. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post("/scan")
    public ConformanceScan.Summary scan(HttpRequest<?> request, Authentication auth) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return service.scanNow(province, ProvinceAdmins.actor(auth));
    }

    static @Nullable Check check(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Check c = Check.of(code);
        if (c == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.conformance-check", "check");
        }
        return c;
    }
}
