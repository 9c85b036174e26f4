package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;

/**
 * A site's periodic reports over the API, on the site's own host: the list with the periods due,
 * one report (JSON, or a file with {@code ?format=ods|odt|xlsx|pdf}), Mẫu 02's text, and the
 * head's submission.
 */
@Controller("/api/v1/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {
    private final Reports reports;

    public ReportController(Reports reports) {
        this.reports = reports;
    }

    @Serdeable
    public record Listing(String site, List<ReportSummary> reports) {
    }

    @Serdeable
    public record TextInput(@Nullable List<Map<String, String>> rows) {
    }

    @Needs(Permission.READ_REPORTS)
    @Get
    public Listing list(HttpRequest<?> request, Authentication auth) {
        Reports.mustRead(Actor.of(auth));
        Tenant site = CurrentSite.tenant(request);
        return new Listing(site.name(), reports.list(site));
    }

    @Needs(Permission.READ_REPORTS)
    @Get("/{period}")
    public HttpResponse<?> one(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                               @Nullable @QueryValue String form, @Nullable @QueryValue String format) {
        Reports.mustRead(Actor.of(auth));
        Tenant site = CurrentSite.tenant(request);
        SiteReport report = reports.view(site, period, form);
        ReportFormat as = ReportFormat.of(format);
        if (as == null) {
            return HttpResponse.ok(report);
        }
        return ReportExports.download(ReportDocuments.site(report, fileName(site, report.content()),
                reports.todayAt(site)), as);
    }

    @Needs(Permission.WRITE_REPORTS)
    @Put("/{period}/text")
    public SiteReport text(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                           @Nullable @QueryValue String form, @Body TextInput input) {
        return reports.saveText(CurrentSite.tenant(request), Actor.of(auth), period, form, input.rows());
    }

    @Needs(Permission.SUBMIT_REPORTS)
    @Post("/{period}/submit")
    public SiteReport submit(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                             @Nullable @QueryValue String form) {
        return reports.submit(CurrentSite.tenant(request), Actor.of(auth), period, form);
    }

    /** "bao-cao-sotaichinh-bao-cao-dinh-ky-2026-h1": ASCII, so every system keeps it as it is. */
    static String fileName(Tenant site, ReportContent c) {
        return ("bao-cao-" + site.subdomain() + "-" + c.form() + "-" + c.period()).toLowerCase(Locale.ROOT)
                .replace('_', '-');
    }
}
