package vn.gov.portal.oversight.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.text.Collator;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.Paged;
import vn.gov.portal.backoffice.ViewModel;
import vn.gov.portal.infra.office.Spreadsheets;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.oversight.conformance.ConformanceResults;
import vn.gov.portal.oversight.quotas.QuotaBoard;
import vn.gov.portal.oversight.quotas.QuotaReminders;
import vn.gov.portal.oversight.quotas.QuotaState;
import vn.gov.portal.oversight.quotas.SiteMonth;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;

/**
 * The province board's dashboard ({@code /admin/giam-sat}): every component
 * site this month with its quota progress and state, on-time rate, last publication, items
 * waiting and overdue; filters by kind and state; the units not meeting the rules (TN Đ9.4);
 * the 12-month trend; a site's items; the month as a spreadsheet.
 */
@Controller("/admin/giam-sat")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {
    private static final int TREND_MONTHS = 12;
    private final QuotaBoard board;
    private final ConformanceResults conformance;
    private final TenantDirectory directory;
    private final AdminPages pages;
    private final Templates templates;
    private final QuotaReminders reminders;

    public DashboardController(QuotaBoard board, ConformanceResults conformance, TenantDirectory directory,
                               AdminPages pages, Templates templates, QuotaReminders reminders) {
        this.reminders = reminders;
        this.board = board;
        this.conformance = conformance;
        this.directory = directory;
        this.pages = pages;
        this.templates = templates;
    }

    @Get
    public HttpResponse<?> dashboard(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable String thang,
                                     @QueryValue @Nullable String loai, @QueryValue("tinh-trang") @Nullable String state,
                                     @QueryValue @Nullable String q, @QueryValue @Nullable String trang) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        YearMonth month = month(thang);
        List<SiteMonth> all = board.month(province, CurrentSite.of(request).baseDomain(), month);
        List<SiteMonth> shown = all.stream()
                .filter(s -> loai == null || loai.isBlank() || s.kind().equals(loai))
                .filter(s -> state == null || state.isBlank() || s.state().name().equals(state))
                .filter(s -> q == null || q.isBlank() || VietnameseText.fold(s.name()).contains(VietnameseText.fold(q.strip()))
                        || s.host().contains(q.strip().toLowerCase(Locale.ROOT)))
                // Paged, the rows need an order a reader can find a site in: the console's (kind, then name).
                .sorted(Comparator.comparing((SiteMonth s) -> kindOrder(s.kind()))
                        .thenComparing(SiteMonth::name, Collator.getInstance(Locale.forLanguageTag("vi"))))
                .toList();
        // One page of rows (a province of 3,000 sites sent 2 MB); the links keep the filters.
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("thang", thang);
        filters.put("loai", loai);
        filters.put("tinh-trang", state);
        filters.put("q", q);
        Paged<SiteMonth> paged = Paged.of(shown, trang, filters);
        Map<QuotaState, Integer> counts = new EnumMap<>(QuotaState.class);
        all.forEach(s -> counts.merge(s.state(), 1, Integer::sum));
        YearMonth previous = board.thisMonth().minusMonths(1);
        List<SiteMonth> notMeeting = new ArrayList<>(board.month(province, CurrentSite.of(request).baseDomain(),
                previous).stream().filter(s -> s.state() == QuotaState.MISSED).toList());
        all.stream().filter(s -> s.overdue() > 0 && notMeeting.stream().noneMatch(n -> n.tenantId() == s.tenantId()))
                .forEach(notMeeting::add);
        DashboardView view = new DashboardView(month.toString(), previous.toString(), paged.items(), paged,
                q == null ? "" : q, counts, all.size(), notMeeting.stream().limit(Paged.SIZE).toList(),
                Math.max(0, notMeeting.size() - Paged.SIZE), loai == null ? "" : loai, state == null ? "" : state,
                QuotaState.values(), all.stream().map(SiteMonth::kind).distinct().sorted().toList(),
                provinceChart(province),
                // Who was reminded this month: only this month's list has reminders.
                month.equals(board.thisMonth()) ? reminders.thisMonth(province) : Map.of(),
                // Failed conformance checks per site at the latest scan; absent: never scanned.
                conformance.failureCounts(province));
        return pages.page(request, "admin/oversight", auth, ViewModel.of(view), HttpStatus.OK);
    }

    private static int kindOrder(String kind) {
        try {
            return TenantKind.valueOf(kind).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    @Get("/{id}")
    public HttpResponse<?> site(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                @QueryValue @Nullable String thang) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = ProvinceAdmins.componentSite(dir, province, id);
        YearMonth month = month(thang);
        String bd = CurrentSite.of(request).baseDomain();
        SiteMonth figures = board.month(province, bd, month).stream().filter(s -> s.tenantId() == id).findFirst()
                .orElseThrow();
        List<SiteMonth> trend = board.siteTrend(province, site, bd, TREND_MONTHS);
        List<TrendChart.Bar> bars = trend.stream().map(m -> new TrendChart.Bar(label(m.month()),
                m.required() == 0 ? 0 : Math.min(100, 100.0 * m.counted() / m.required()),
                m.counted() + "/" + m.required())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("month", month.toString());
        model.put("target", site);
        model.put("figures", figures);
        model.put("items", board.items(site, month));
        model.put("chart", TrendChart.svg("xu-huong-" + id, "Tiến độ định mức 12 tháng của " + site.name(),
                "Mỗi cột là tỷ lệ số tin đã tính trên định mức của một tháng, từ " + (trend.isEmpty() ? ""
                        : label(trend.getFirst().month())) + " đến " + label(month.toString()) + ".", bars));
        return pages.page(request, "admin/oversight-site", auth, model, HttpStatus.OK);
    }

    /** The month as a spreadsheet: {@code dinh-dang} xlsx (the default) or ods. */
    @Get("/xuat")
    public HttpResponse<byte[]> export(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable String thang,
                                       @QueryValue("dinh-dang") @Nullable String format) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        if (format != null && !format.isBlank() && !"xlsx".equals(format) && !"ods".equals(format)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.format-invalid", "format");
        }
        YearMonth month = month(thang);
        List<SiteMonth> sites = board.month(province, CurrentSite.of(request).baseDomain(), month);
        String name = "giam-sat-" + province.subdomain() + "-" + month;
        List<List<Object>> rows = DashboardExport.rows(sites, this::word);
        String sheet = "Tháng " + month;
        boolean ods = "ods".equals(format);
        return HttpResponse.ok(ods ? Spreadsheets.ods(sheet, rows) : Spreadsheets.xlsx(sheet, rows, 1,
                        DashboardExport.WIDTHS))
                .contentType(ods ? Spreadsheets.ODS : Spreadsheets.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + (ods ? ".ods" : ".xlsx") + "\"");
    }

    /** What share of the province's sites with a quota met it, month by month. */
    private String provinceChart(Tenant province) {
        List<QuotaBoard.MonthTotals> trend = board.trend(province, TREND_MONTHS);
        List<TrendChart.Bar> bars = trend.stream().map(t -> new TrendChart.Bar(label(t.month()),
                t.sites() == 0 ? 0 : 100.0 * t.met() / t.sites(), t.met() + "/" + t.sites() + " đơn vị đạt định mức"
                        + (t.judged() == 0 ? "" : ", " + t.onTime() + "/" + t.judged() + " tin đúng hạn"))).toList();
        return TrendChart.svg("xu-huong-tinh", "Tỷ lệ đơn vị đạt định mức trong 12 tháng",
                "Mỗi cột là tỷ lệ phần trăm số đơn vị có định mức đã đạt định mức trong tháng; di chuột hoặc dùng "
                        + "trình đọc màn hình để nghe số liệu của từng tháng.", bars);
    }

    private String word(String key) {
        String t = templates.message(Templates.VIETNAMESE, key);
        return t == null ? key : t;
    }

    private static String label(String month) {
        YearMonth m = YearMonth.parse(month);
        return String.format(Locale.ROOT, "%02d/%d", m.getMonthValue(), m.getYear());
    }

    private YearMonth month(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return board.thisMonth();
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.month-invalid", "month");
        }
    }
}
