package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The province's side of periodic reports, on its own host, for the platform admin and the
 * province board's head or content administrator (a department's board gets 403): who has and
 * has not submitted, each site's submitted report, returning one, and the compiled report.
 */
@Controller("/api/v1/oversight/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OversightReportController {
    private final Reports reports;
    private final TenantDirectory directory;

    public OversightReportController(Reports reports, TenantDirectory directory) {
        this.reports = reports;
        this.directory = directory;
    }

    /** Every site against every form due for the period; {@code expected} and {@code submitted} count sites × forms. */
    @Serdeable
    public record Status(String period, int expected, int submitted, List<ReportSummary> reports) {
    }

    @Serdeable
    public record ReturnInput(@Nullable String reason) {
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get
    public Status status(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String period,
                         @Nullable @QueryValue String form) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        List<ReportSummary> all = reports.status(province, period == null ? "" : period, form);
        return new Status(ReportPeriod.parse(period).code(), all.size(),
                (int) all.stream().filter(ReportSummary::submitted).count(), all);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/{period}/compiled")
    public HttpResponse<?> compiled(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                                    @Nullable @QueryValue String form, @Nullable @QueryValue String format) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        Compiled compiled = reports.compiled(province, period, form);
        ReportFormat as = ReportFormat.of(format);
        if (as == null) {
            return HttpResponse.ok(compiled);
        }
        return ReportExports.download(ReportDocuments.compiled(compiled, compiledName(province, compiled)), as);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/{period}/sites/{id}")
    public HttpResponse<?> site(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                                @PathVariable long id, @Nullable @QueryValue String form,
                                @Nullable @QueryValue String format) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = ProvinceAdmins.componentSite(dir, province, id);
        SiteReport report = reports.submitted(province, site, period, form);
        ReportFormat as = ReportFormat.of(format);
        if (as == null) {
            return HttpResponse.ok(report);
        }
        return ReportExports.download(ReportDocuments.site(report, ReportController.fileName(site, report.content()),
                reports.todayAt(site)), as);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post("/{period}/sites/{id}/return")
    public SiteReport giveBack(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                               @PathVariable long id, @Nullable @QueryValue String form, @Body ReturnInput input) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = ProvinceAdmins.componentSite(dir, province, id);
        return reports.returnToSite(province, site, account(auth), ProvinceAdmins.actor(auth), period, form,
                input.reason());
    }

    static long account(Authentication auth) {
        return Long.parseLong(String.valueOf(auth.getAttributes().get("account")));
    }

    static String compiledName(Tenant province, Compiled c) {
        return ("tong-hop-" + province.subdomain() + "-" + c.form() + "-" + c.period()).toLowerCase(Locale.ROOT)
                .replace('_', '-');
    }
}
