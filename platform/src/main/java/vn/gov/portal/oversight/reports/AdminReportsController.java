package vn.gov.portal.oversight.reports;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Periodic reports in the back office. The site's board: its reports and periods due
 * ({@code /admin/bao-cao}), one report with its figures, Mẫu 02's rows to write, the head's submit
 * button and the downloads. The province ({@code /admin/bao-cao-tinh}): every site's state for a
 * period, each submitted report (and returning it), the compiled report and its downloads. A
 * refusal is shown on the page with what was typed kept.
 */
@Controller("/admin")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminReportsController {
    /** Mẫu 02's textareas: "r<row>_<column number>". */
    private static final List<String> FORMATS = List.of("ods", "odt", "xlsx", "pdf");
    private static final Pattern CELL = Pattern.compile("r([0-9]{1,3})_([0-9A-Za-z]{1,10})");

    private final Reports reports;
    private final ReportForms forms;
    private final TenantDirectory directory;
    private final AdminPages pages;

    public AdminReportsController(Reports reports, ReportForms forms, TenantDirectory directory, AdminPages pages) {
        this.reports = reports;
        this.forms = forms;
        this.directory = directory;
        this.pages = pages;
    }

    /** A line of a list, with its dates written out and where it opens. */
    public record Line(ReportSummary report, String submittedAt, String due, @Nullable String link) {
    }

    // ------------------------------------------------------------------------------ the site's board

    @Get("/bao-cao")
    public HttpResponse<?> list(HttpRequest<?> request, Authentication auth) {
        Reports.mustRead(Actor.of(auth));
        Tenant site = CurrentSite.tenant(request);
        List<Line> lines = new ArrayList<>();
        for (ReportSummary s : reports.list(site)) {
            lines.add(line(s, "/admin/bao-cao/" + s.period() + "?mau=" + s.form()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lines", lines);
        return pages.page(request, "admin/reports", auth, model, HttpStatus.OK);
    }

    @Get("/bao-cao/{period}")
    public HttpResponse<?> report(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                                  @Nullable @QueryValue String mau) {
        Actor actor = Actor.of(auth);
        Reports.mustRead(actor);
        return reportPage(request, auth, reports.view(CurrentSite.tenant(request), period, mau), null,
                new HashMap<>(), HttpStatus.OK);
    }

    /** Saves Mẫu 02's rows; with {@code action=nop}, the head then submits, in one step. */
    @Needs(Permission.READ_REPORTS)
    @Post(value = "/bao-cao/{period}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                                @Nullable @QueryValue String mau, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Actor actor = Actor.of(auth);
        Reports.mustRead(actor);
        Tenant site = CurrentSite.tenant(request);
        boolean submit = "nop".equals(form.get("action"));
        List<Map<String, String>> typed = rows(form);
        Map<String, Object> model = new HashMap<>();
        try {
            SiteReport before = reports.view(site, period, mau);
            if (before.content().parts().stream().anyMatch(ReportPart::text) && !before.submitted()
                    && actor.may(Permission.WRITE_REPORTS)) {
                reports.saveText(site, actor, period, mau, typed);
                model.put("saved", true);
            }
            if (submit) {
                reports.submit(site, actor, period, mau);
                model.put("submittedNow", true);
            }
            return reportPage(request, auth, reports.view(site, period, mau), null, model, HttpStatus.OK);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND || (refused.status() == HttpStatus.FORBIDDEN
                    && !refused.detailKey().equals("report.forbidden-submit"))) {
                throw refused;
            }
            model.put("error", refused.detailKey());
            model.put("errorArgs", refused.detailArgs());
            return reportPage(request, auth, reports.view(site, period, mau), typed, model, refused.status());
        }
    }

    @Get("/bao-cao/{period}/tai-ve/{format}")
    public HttpResponse<?> download(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                                    @PathVariable String format, @Nullable @QueryValue String mau) {
        Reports.mustRead(Actor.of(auth));
        Tenant site = CurrentSite.tenant(request);
        SiteReport report = reports.view(site, period, mau);
        return ReportExports.download(ReportDocuments.site(report, ReportController.fileName(site, report.content()),
                reports.todayAt(site)), require(format));
    }

    // ------------------------------------------------------------------------------ the province

    @Get("/bao-cao-tinh")
    public HttpResponse<?> province(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String ky,
                                    @Nullable @QueryValue String trangThai) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        ReportForms.Catalogue catalogue = forms.of(province);
        Set<ReportPeriod.Kind> kinds = new LinkedHashSet<>();
        catalogue.forms().forEach(f -> kinds.addAll(f.periods()));
        List<ReportPeriod> periods = ReportPeriod.recent(reports.todayAt(province), kinds);
        Map<String, Object> model = new HashMap<>();
        model.put("periods", periods);
        if (periods.isEmpty()) {
            return pages.page(request, "admin/province-reports", auth, model, HttpStatus.OK);
        }
        // The latest period that is over, else the current one.
        ReportPeriod chosen = ky == null || ky.isBlank() ? periods.stream()
                .filter(p -> p.over(reports.todayAt(province))).findFirst().orElse(periods.getFirst())
                : ReportPeriod.parse(ky);
        List<Line> lines = new ArrayList<>();
        List<ReportSummary> all = reports.status(province, chosen.code(), null);
        String shown = trangThai == null ? "" : trangThai;
        for (ReportSummary s : all) {
            // "da-nop": submitted; "chua-nop": anything else (not started, a draft, returned).
            if ((shown.equals("da-nop") && !s.submitted()) || (shown.equals("chua-nop") && s.submitted())) {
                continue;
            }
            lines.add(line(s, s.submittedAt() == null ? null
                    : "/admin/bao-cao-tinh/" + chosen.code() + "/don-vi/" + s.siteId() + "?mau=" + s.form()));
        }
        List<Map<String, Object>> compiled = new ArrayList<>();
        for (ReportForm form : catalogue.covering(chosen)) {
            Compiled c = reports.compiled(province, chosen.code(), form.code());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("compiled", c);
            one.put("doc", ReportDocuments.compiled(c, OversightReportController.compiledName(province, c)));
            one.put("downloads", "/admin/bao-cao-tinh/" + chosen.code() + "/tong-hop/");
            compiled.add(one);
        }
        model.put("period", chosen);
        model.put("shown", shown);
        model.put("lines", lines);
        model.put("submitted", all.stream().filter(ReportSummary::submitted).count());
        model.put("expected", all.size());
        model.put("compiled", compiled);
        model.put("formats", FORMATS);
        return pages.page(request, "admin/province-reports", auth, model, HttpStatus.OK);
    }

    @Get("/bao-cao-tinh/{period}/don-vi/{id}")
    public HttpResponse<?> siteReport(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                                      @PathVariable long id, @Nullable @QueryValue String mau) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = ProvinceAdmins.componentSite(dir, province, id);
        return provincePage(request, auth, reports.submitted(province, site, period, mau), new HashMap<>(),
                HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/bao-cao-tinh/{period}/don-vi/{id}/tra-lai", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> giveBack(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                                    @PathVariable long id, @Nullable @QueryValue String mau,
                                    @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = ProvinceAdmins.componentSite(dir, province, id);
        Map<String, Object> model = new HashMap<>();
        try {
            SiteReport r = reports.returnToSite(province, site, OversightReportController.account(auth),
                    ProvinceAdmins.actor(auth), period, mau, form.get("reason"));
            model.put("returnedNow", true);
            return provincePage(request, auth, r, model, HttpStatus.OK);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
                throw refused;
            }
            model.put("error", refused.detailKey());
            model.put("errorArgs", refused.detailArgs());
            model.put("reason", form.getOrDefault("reason", ""));
            return provincePage(request, auth, reports.submitted(province, site, period, mau), model,
                    refused.status());
        }
    }

    @Get("/bao-cao-tinh/{period}/don-vi/{id}/tai-ve/{format}")
    public HttpResponse<?> siteDownload(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                                        @PathVariable long id, @PathVariable String format,
                                        @Nullable @QueryValue String mau) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = ProvinceAdmins.componentSite(dir, province, id);
        SiteReport report = reports.submitted(province, site, period, mau);
        return ReportExports.download(ReportDocuments.site(report, ReportController.fileName(site, report.content()),
                reports.todayAt(site)), require(format));
    }

    @Get("/bao-cao-tinh/{period}/tong-hop/{format}")
    public HttpResponse<?> compiledDownload(HttpRequest<?> request, Authentication auth, @PathVariable String period,
                                            @PathVariable String format, @Nullable @QueryValue String mau) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        Compiled c = reports.compiled(province, period, mau);
        return ReportExports.download(ReportDocuments.compiled(c, OversightReportController.compiledName(province, c)),
                require(format));
    }

    // ------------------------------------------------------------------------------ pages

    private HttpResponse<?> reportPage(HttpRequest<?> request, Authentication auth, SiteReport report,
                                       @Nullable List<Map<String, String>> typed, Map<String, Object> model,
                                       HttpStatus status) {
        Actor actor = Actor.of(auth);
        Tenant site = CurrentSite.tenant(request);
        boolean open = !report.submitted();
        model.put("mode", "site");
        model.put("canWrite", open && actor.may(Permission.WRITE_REPORTS));
        model.put("canSubmit", open && actor.may(Permission.SUBMIT_REPORTS));
        model.put("editRows", editRows(typed != null ? typed : report.content().textRows()));
        String base = "/admin/bao-cao/" + report.content().period();
        model.put("action", base + "?mau=" + enc(report.content().form()));
        model.put("downloads", base + "/tai-ve/");
        return common(request, auth, report, model, status, site);
    }

    private HttpResponse<?> provincePage(HttpRequest<?> request, Authentication auth, SiteReport report,
                                         Map<String, Object> model, HttpStatus status) {
        model.put("mode", "province");
        model.put("canWrite", false);
        model.put("canSubmit", false);
        model.put("editRows", List.of());
        String base = "/admin/bao-cao-tinh/" + report.content().period() + "/don-vi/" + report.siteId();
        model.put("action", base + "/tra-lai?mau=" + enc(report.content().form()));
        model.put("downloads", base + "/tai-ve/");
        model.put("canReturn", report.submitted());
        return common(request, auth, report, model, status, directory.snapshot().byId(report.siteId()));
    }

    private HttpResponse<?> common(HttpRequest<?> request, Authentication auth, SiteReport report,
                                   Map<String, Object> model, HttpStatus status, Tenant site) {
        model.put("report", report);
        model.put("doc", ReportDocuments.site(report, ReportController.fileName(site, report.content()),
                reports.todayAt(site)));
        model.put("form", report.content().form());
        model.put("submittedAt", when(report.submittedAt()));
        model.put("returnedAt", when(report.returnedAt()));
        model.put("due", report.due() == null ? null : ReportDocuments.day(report.due()));
        model.put("asOf", ReportDocuments.day(report.content().asOf()));
        model.put("formats", FORMATS);
        model.put("hasText", report.content().parts().stream().anyMatch(ReportPart::text));
        return pages.page(request, "admin/report", auth, model, status);
    }

    /** The rows to show in Mẫu 02's form: what is there (or was typed), then one empty row. */
    private static List<Map<String, String>> editRows(List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>(rows);
        out.add(Map.of());
        return out;
    }

    /** Mẫu 02's rows as typed, in row order; the service drops empty ones and checks the columns. */
    private static List<Map<String, String>> rows(Map<String, String> form) {
        TreeMap<Integer, Map<String, String>> rows = new TreeMap<>();
        for (var e : form.entrySet()) {
            Matcher m = CELL.matcher(e.getKey());
            if (m.matches()) {
                rows.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new LinkedHashMap<>())
                        .put(m.group(2), e.getValue() == null ? "" : e.getValue());
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static Line line(ReportSummary s, @Nullable String link) {
        return new Line(s, when(s.submittedAt()), s.due() == null ? "" : ReportDocuments.day(s.due()), link);
    }

    private static String when(@Nullable OffsetDateTime at) {
        return at == null ? "" : ReportDocuments.when(at);
    }

    private static ReportFormat require(String format) {
        ReportFormat f = ReportFormat.of(format);
        if (f == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.format-unknown", "format");
        }
        return f;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
