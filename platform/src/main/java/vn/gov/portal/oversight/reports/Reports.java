package vn.gov.portal.oversight.reports;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.SITE_REPORTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.oversight.calendar.WorkingCalendar;
import vn.gov.portal.oversight.calendar.WorkingCalendars;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * Periodic reports: a site's board reads its report (figures computed live while a draft), writes
 * Mẫu 02's rows, and its head submits, which freezes the figures; the province sees who has and
 * has not submitted, reads and may return a report, and compiles the province's.
 *
 * <p>Rights are checked here, on the seat the caller holds on the site: the board reads and writes
 * (editors, deputy heads, the head; the content administrator reads), only the head submits (the
 * annex's "thủ trưởng" signs the report). Every change is audited in the site's log.
 */
@Singleton
public class Reports {
    private static final int MAX_ROWS = 30;
    private static final int MAX_CELL = 4000;

    private final TenantDb db;
    private final TenantDirectory directory;
    private final ReportForms forms;
    private final SiteFigures figures;
    private final WorkingCalendars calendars;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;
    private final TenantScopes scopes;

    public Reports(TenantDb db, TenantDirectory directory, ReportForms forms, SiteFigures figures,
                   WorkingCalendars calendars, AuditLog audit, Clock clock, JsonMapper json, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
        this.forms = forms;
        this.figures = figures;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    // ------------------------------------------------------------------------------ rights

    /**
     * The board reads its reports: the secretary, editors, deputy heads, the head, the content
     * administrator, and the members (ủy viên), who read everything the board does.
     */
    public static void mustRead(Actor actor) {
        actor.must(Permission.READ_REPORTS);
    }

    /**
     * Mẫu 02 is prepared by the board's secretary (thư ký, whose task it is), editors, deputy heads
     * and head; the head alone submits it.
     */
    public static void mustWrite(Actor actor) {
        actor.must(Permission.WRITE_REPORTS);
    }

    /** Only the head submits: the report goes out under the agency's name. */
    public static void mustSubmit(Actor actor) {
        actor.must(Permission.SUBMIT_REPORTS);
    }

    // ------------------------------------------------------------------------------ a site's

    /** The site's reports: every form and period due this year and last, and any older one it has. */
    public List<ReportSummary> list(Tenant site) {
        Tenant province = province(site);
        ReportForms.Catalogue catalogue = forms.of(province);
        LocalDate today = today(province);
        Map<String, Row> rows = new HashMap<>();
        for (Row r : rows(TenantScope.of(site.id()), DSL.trueCondition())) {
            rows.put(r.form() + "/" + r.period(), r);
        }
        List<ReportSummary> out = new ArrayList<>();
        for (ReportForm form : catalogue.forms()) {
            List<ReportPeriod> periods = new ArrayList<>(ReportPeriod.recent(today, form.periods()));
            rows.values().stream().filter(r -> r.form().equals(form.code())).map(r -> ReportPeriod.parse(r.period()))
                    .filter(p -> form.covers(p) && !periods.contains(p)).forEach(periods::add);
            for (ReportPeriod p : periods) {
                out.add(summary(site, province, form, p, rows.get(form.code() + "/" + p.code()), today));
            }
        }
        out.sort(Comparator.comparing((ReportSummary s) -> ReportPeriod.parse(s.period())).reversed()
                .thenComparing(ReportSummary::form));
        return out;
    }

    /** One report as its board sees it: frozen once submitted, computed now otherwise. */
    public SiteReport view(Tenant site, String periodCode, @Nullable String formCode) {
        Due d = due(site, periodCode, formCode);
        Row row = row(TenantScope.of(site.id()), site.id(), d);
        return report(site, d, row);
    }

    /** Mẫu 02's rows: each a map from the text columns' numbers to what the board wrote. */
    public SiteReport saveText(Tenant site, Actor actor, String periodCode, @Nullable String formCode,
                               @Nullable List<Map<String, String>> rows) {
        mustWrite(actor);
        Due d = due(site, periodCode, formCode);
        ReportPart text = d.form().textPart()
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "report.no-text", "form"));
        List<Map<String, String>> clean = clean(text, rows);
        db.write(TenantScope.of(site.id()), ctx -> {
            Locked ref = lock(ctx, site.id(), d, actor.accountId());
            if (ref.status() == ReportStatus.SUBMITTED) {
                throw new ProblemException(HttpStatus.CONFLICT, "report.already-submitted", "status");
            }
            ctx.update(SITE_REPORTS).set(SITE_REPORTS.TEXT_ROWS, JSONB.valueOf(write(clean)))
                    .set(SITE_REPORTS.UPDATED_BY, actor.accountId()).set(SITE_REPORTS.UPDATED_AT, now())
                    .where(SITE_REPORTS.ID.eq(ref.id())).execute();
            audit.recordWithDetail(ctx, site.id(), actor.label(), "report.text_saved", "report:" + ref.id(), null,
                    detail(d, "\"rows\":" + clean.size()));
            return null;
        });
        return view(site, periodCode, formCode);
    }

    /**
     * The head submits: the figures are computed one last time and frozen with the layout and the
     * board's text. Refused when already submitted, or when a form with a Mẫu 02 part has no row
     * (a board with nothing to raise writes so).
     */
    public SiteReport submit(Tenant site, Actor actor, String periodCode, @Nullable String formCode) {
        mustSubmit(actor);
        Due d = due(site, periodCode, formCode);
        OffsetDateTime at = now();
        ReportContent live = live(site, d, List.of(), at);
        db.write(TenantScope.of(site.id()), ctx -> {
            Locked ref = lock(ctx, site.id(), d, actor.accountId());
            if (ref.status() == ReportStatus.SUBMITTED) {
                throw new ProblemException(HttpStatus.CONFLICT, "report.already-submitted", "status");
            }
            List<Map<String, String>> text = readRows(ref.textRows());
            if (d.form().textPart().isPresent() && text.isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.text-required", "rows");
            }
            ReportContent frozen = new ReportContent(live.agency(), live.place(), live.form(), live.formName(),
                    live.period(), live.periodLabel(), live.from(), live.asOf(), live.parts(), live.figures(),
                    live.extras(), text);
            ctx.update(SITE_REPORTS).set(SITE_REPORTS.STATUS, ReportStatus.SUBMITTED.name())
                    .set(SITE_REPORTS.SNAPSHOT, JSONB.valueOf(write(frozen)))
                    .set(SITE_REPORTS.SUBMITTED_BY, actor.accountId()).set(SITE_REPORTS.SUBMITTED_AT, at)
                    .set(SITE_REPORTS.RETURN_REASON, (String) null)
                    .set(SITE_REPORTS.UPDATED_BY, actor.accountId()).set(SITE_REPORTS.UPDATED_AT, at)
                    .where(SITE_REPORTS.ID.eq(ref.id())).execute();
            audit.recordWithDetail(ctx, site.id(), actor.label(), "report.submitted", "report:" + ref.id(), null,
                    detail(d, "\"asOf\":\"" + live.asOf() + "\""));
            return null;
        });
        return view(site, periodCode, formCode);
    }

    // ------------------------------------------------------------------------------ the province's

    /** Every component site of the province against every form due for the period. */
    public List<ReportSummary> status(Tenant province, String periodCode, @Nullable String formCode) {
        ReportPeriod period = startedPeriod(province, periodCode);
        ReportForms.Catalogue catalogue = forms.of(province);
        List<ReportForm> due = formCode == null || formCode.isBlank() ? catalogue.covering(period)
                : List.of(catalogue.form(period, formCode));
        if (due.isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "report.form-unknown", "form");
        }
        LocalDate today = today(province);
        Map<String, Row> rows = new HashMap<>();
        List<Tenant> sites = sitesOf(province, period, rows);
        List<ReportSummary> out = new ArrayList<>();
        for (Tenant site : sites) {
            for (ReportForm form : due) {
                out.add(summary(site, province, form, period, rows.get(site.id() + "/" + form.code()), today));
            }
        }
        return out;
    }

    /** A site's report as the province reads it: what was submitted (or returned), never a draft. */
    public SiteReport submitted(Tenant province, Tenant site, String periodCode, @Nullable String formCode) {
        Due d = due(site, periodCode, formCode);
        Row row = row(provinceScope(province), site.id(), d);
        if (row == null || row.snapshot() == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "report.not-submitted");
        }
        return frozen(site, d, row);
    }

    /** The province sends a submitted report back, saying why; the site corrects and submits again. */
    public SiteReport returnToSite(Tenant province, Tenant site, long accountId, String actor, String periodCode,
                                   @Nullable String formCode, @Nullable String reason) {
        Due d = due(site, periodCode, formCode);
        String why = reason == null ? "" : VietnameseText.nfc(reason).strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.reason-required", "reason");
        }
        db.write(provinceScope(province), ctx -> {
            var row = ctx.selectFrom(SITE_REPORTS).where(SITE_REPORTS.TENANT_ID.eq(site.id()),
                    SITE_REPORTS.FORM_CODE.eq(d.form().code()), SITE_REPORTS.PERIOD.eq(d.period().code()))
                    .forUpdate().fetchOne();
            if (row == null || !ReportStatus.SUBMITTED.name().equals(row.getStatus())) {
                throw new ProblemException(HttpStatus.CONFLICT, "report.not-submitted", "status");
            }
            ctx.update(SITE_REPORTS).set(SITE_REPORTS.STATUS, ReportStatus.RETURNED.name()).set(SITE_REPORTS.RETURN_REASON, why)
                    .set(SITE_REPORTS.RETURNED_BY, accountId).set(SITE_REPORTS.RETURNED_AT, now())
                    .where(SITE_REPORTS.ID.eq(row.getId())).execute();
            String detail = detail(d, "\"site\":" + site.id() + ",\"reason\":" + quote(why));
            audit.recordWithDetail(ctx, site.id(), actor, "report.returned", "report:" + row.getId(), null, detail);
            audit.recordWithDetail(ctx, province.id(), actor, "report.returned", "report:" + row.getId(), null, detail);
            return null;
        });
        return submitted(province, site, periodCode, formCode);
    }

    /**
     * The province's compiled report for one form: a row per site that submitted, with its frozen
     * figures and text, in the directory's order, and who has not. Computed on every read from the
     * submitted rows, which never change once sent: a stored copy would only go stale when a late
     * report arrives or one is returned.
     */
    public Compiled compiled(Tenant province, String periodCode, @Nullable String formCode) {
        ReportPeriod period = startedPeriod(province, periodCode);
        ReportForms.Catalogue catalogue = forms.of(province);
        ReportForm form = catalogue.form(period, formCode);
        Map<String, Row> rows = new HashMap<>();
        List<Tenant> sites = sitesOf(province, period, rows);
        List<Compiled.Line> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Tenant site : sites) {
            Row row = rows.get(site.id() + "/" + form.code());
            if (row != null && row.status() == ReportStatus.SUBMITTED) {
                lines.add(new Compiled.Line(site.id(), site.name(), row.submittedAt(), row.submittedBy(),
                        read(row.snapshot())));
            } else {
                missing.add(site.name());
            }
        }
        return new Compiled(agency(province), catalogue.place(), form.code(), form.name(), period.code(),
                period.label(), form.parts(), lines, missing, now());
    }

    /**
     * For the emulation score (TN Đ22.1): per component site, how many reports of {@code year} were
     * due (every form of every period of the year that has ended) and how many of those it submitted.
     * A site with nothing due is absent; so is every site while no period of the year has ended.
     */
    public Map<Long, int[]> submissions(Tenant province, int year) {
        LocalDate today = today(province);
        ReportForms.Catalogue catalogue = forms.of(province);
        List<String> due = new ArrayList<>();
        for (ReportPeriod.Kind kind : ReportPeriod.Kind.values()) {
            ReportPeriod p = new ReportPeriod(year, kind);
            if (p.over(today)) {
                catalogue.covering(p).forEach(f -> due.add(f.code() + "/" + p.code()));
            }
        }
        Map<Long, int[]> out = new HashMap<>();
        if (due.isEmpty()) {
            return out;
        }
        Map<Long, Integer> submitted = new HashMap<>();
        for (Row r : rows(provinceScope(province), SITE_REPORTS.PERIOD.in(year + "-H1", Integer.toString(year))
                .and(SITE_REPORTS.STATUS.eq(ReportStatus.SUBMITTED.name())))) {
            if (due.contains(r.form() + "/" + r.period())) {
                submitted.merge(r.tenantId(), 1, Integer::sum);
            }
        }
        for (long id : directory.snapshot().subtreeIds(province)) {
            if (id != province.id()) {
                out.put(id, new int[] {due.size(), submitted.getOrDefault(id, 0)});
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------ parts

    /** A form and period the site is asked for, with its deadline on the province's calendar. */
    private record Due(Tenant province, ReportForms.Catalogue catalogue, ReportForm form, ReportPeriod period,
                       @Nullable LocalDate deadline) {
    }

    private Due due(Tenant site, String periodCode, @Nullable String formCode) {
        Tenant province = province(site);
        ReportPeriod period = startedPeriod(province, periodCode);
        ReportForms.Catalogue catalogue = forms.of(province);
        ReportForm form = catalogue.form(period, formCode);
        return new Due(province, catalogue, form, period, deadline(province, form, period));
    }

    private ReportPeriod startedPeriod(Tenant province, String code) {
        ReportPeriod period = ReportPeriod.parse(code);
        if (!period.started(today(province))) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.period-not-started", "period");
        }
        return period;
    }

    private @Nullable LocalDate deadline(Tenant province, ReportForm form, ReportPeriod period) {
        if (form.dueWorkingDays() == null) {
            return null;
        }
        return calendars.of(province.id()).plusWorkingDays(period.to(), form.dueWorkingDays());
    }

    private ReportSummary summary(Tenant site, Tenant province, ReportForm form, ReportPeriod p, @Nullable Row row,
                                  LocalDate today) {
        LocalDate deadline = deadline(province, form, p);
        ReportStatus status = row == null ? ReportStatus.NOT_STARTED : row.status();
        boolean overdue = deadline != null && today.isAfter(deadline) && status != ReportStatus.SUBMITTED;
        return new ReportSummary(site.id(), site.name(), p.code(), p.label(), form.code(), form.name(), status,
                deadline, overdue, row == null ? null : row.submittedAt(), row == null ? null : row.submittedBy(),
                row == null ? null : row.returnReason());
    }

    private SiteReport report(Tenant site, Due d, @Nullable Row row) {
        if (row != null && row.status() == ReportStatus.SUBMITTED) {
            return frozen(site, d, row);
        }
        List<Map<String, String>> text = row == null ? List.of() : readRows(row.textRows());
        ReportContent content = live(site, d, text, now());
        LocalDate today = today(d.province());
        boolean overdue = d.deadline() != null && today.isAfter(d.deadline());
        return new SiteReport(site.id(), site.name(), row == null ? ReportStatus.DRAFT : row.status(), true, d.deadline(),
                overdue, row == null ? null : row.submittedAt(), row == null ? null : row.submittedBy(),
                row == null ? null : row.returnedAt(), row == null ? null : row.returnedBy(),
                row == null ? null : row.returnReason(), content);
    }

    private SiteReport frozen(Tenant site, Due d, Row row) {
        return new SiteReport(site.id(), site.name(), row.status(), false, d.deadline(),
                d.deadline() != null && row.submittedAt() != null
                        && row.submittedAt().atZoneSameInstant(zone(d.province())).toLocalDate().isAfter(d.deadline()),
                row.submittedAt(), row.submittedBy(), row.returnedAt(), row.returnedBy(), row.returnReason(),
                read(row.snapshot()));
    }

    /** The figures as of {@code at}: from the period's first day to its last, or to today if sooner. */
    private ReportContent live(Tenant site, Due d, List<Map<String, String>> text, OffsetDateTime at) {
        ZoneId zone = zone(d.province());
        LocalDate today = at.atZoneSameInstant(zone).toLocalDate();
        LocalDate asOf = d.period().over(today) ? d.period().to() : today;
        OffsetDateTime from = d.period().from().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = d.period().over(today) ? d.period().to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()
                : at;
        List<ReportField> all = d.form().parts().stream().flatMap(p -> p.fields().stream()).toList();
        Long preset = d.province().presetId();
        SiteFigures.Filled filled = figures.fill(site, preset == null ? 0 : preset, all, from, to);
        return new ReportContent(agency(site), d.catalogue().place(), d.form().code(), d.form().name(),
                d.period().code(), d.period().label(), d.period().from(), asOf, d.form().parts(), filled.figures(),
                filled.extras(), text);
    }

    /** The row's id and state, the row made if it was not there, locked for this transaction. */
    private record Locked(long id, ReportStatus status, String textRows) {
    }

    private Locked lock(DSLContext ctx, long siteId, Due d, long accountId) {
        ctx.insertInto(SITE_REPORTS).set(SITE_REPORTS.TENANT_ID, siteId)
                .set(SITE_REPORTS.FORM_CODE, d.form().code()).set(SITE_REPORTS.PERIOD, d.period().code())
                .set(SITE_REPORTS.UPDATED_BY, accountId)
                .onConflictDoNothing().execute();
        var r = ctx.select(SITE_REPORTS.ID, SITE_REPORTS.STATUS, SITE_REPORTS.TEXT_ROWS).from(SITE_REPORTS)
                .where(SITE_REPORTS.TENANT_ID.eq(siteId), SITE_REPORTS.FORM_CODE.eq(d.form().code()),
                        SITE_REPORTS.PERIOD.eq(d.period().code()))
                .forUpdate().fetchOne();
        return new Locked(r.value1(), ReportStatus.valueOf(r.value2()), r.value3().data());
    }

    /** A stored row with the names of the people it names. */
    private record Row(long tenantId, String form, String period, ReportStatus status, String textRows,
                       @Nullable String snapshot, @Nullable OffsetDateTime submittedAt, @Nullable String submittedBy,
                       @Nullable OffsetDateTime returnedAt, @Nullable String returnedBy, @Nullable String returnReason) {
    }

    private @Nullable Row row(TenantScope scope, long siteId, Due d) {
        List<Row> found = rows(scope, SITE_REPORTS.TENANT_ID.eq(siteId).and(SITE_REPORTS.FORM_CODE.eq(d.form().code()))
                .and(SITE_REPORTS.PERIOD.eq(d.period().code())));
        return found.isEmpty() ? null : found.getFirst();
    }

    private List<Row> rows(TenantScope scope, Condition where) {
        var submitter = ACCOUNTS.as("submitter");
        var returner = ACCOUNTS.as("returner");
        return db.read(scope, ctx -> ctx.select(SITE_REPORTS.TENANT_ID, SITE_REPORTS.FORM_CODE, SITE_REPORTS.PERIOD,
                        SITE_REPORTS.STATUS, SITE_REPORTS.TEXT_ROWS, SITE_REPORTS.SNAPSHOT, SITE_REPORTS.SUBMITTED_AT,
                        submitter.FULL_NAME, SITE_REPORTS.RETURNED_AT, returner.FULL_NAME, SITE_REPORTS.RETURN_REASON)
                .from(SITE_REPORTS)
                .leftJoin(submitter).on(submitter.ID.eq(SITE_REPORTS.SUBMITTED_BY))
                .leftJoin(returner).on(returner.ID.eq(SITE_REPORTS.RETURNED_BY))
                .where(where)
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), ReportStatus.valueOf(r.value4()), r.value5().data(),
                        r.value6() == null ? null : r.value6().data(), r.value7(), r.value8(), r.value9(),
                        r.value10(), r.value11())));
    }

    /**
     * The sites the province expects a report from (every active component site), and any other
     * that filed one for the period (archived since, say), in the console's order; fills {@code rows}
     * by "site/form".
     */
    private List<Tenant> sitesOf(Tenant province, ReportPeriod period, Map<String, Row> rows) {
        DirectorySnapshot dir = directory.snapshot();
        for (Row r : rows(provinceScope(province), SITE_REPORTS.PERIOD.eq(period.code()))) {
            rows.put(r.tenantId() + "/" + r.form(), r);
        }
        Set<Long> filed = new HashSet<>();
        rows.values().forEach(r -> filed.add(r.tenantId()));
        List<Tenant> sites = new ArrayList<>();
        addTree(dir, province, sites, filed);
        return sites;
    }

    private static void addTree(DirectorySnapshot dir, Tenant t, List<Tenant> out, Set<Long> filed) {
        for (Tenant c : dir.children(t.id()).stream()
                .sorted(Comparator.comparing((Tenant c) -> c.kind().ordinal())).toList()) {
            if (c.status() == TenantStatus.ACTIVE || filed.contains(c.id())) {
                out.add(c);
            }
            addTree(dir, c, out, filed);
        }
    }

    private TenantScope provinceScope(Tenant province) {
        return scopes.provinceBoard(province);
    }

    private Tenant province(Tenant site) {
        return directory.snapshot().provinceOf(site);
    }

    private ZoneId zone(Tenant province) {
        WorkingCalendar calendar = calendars.of(province.id());
        return calendar.zone();
    }

    /** Today on the calendar of the site's province. */
    public LocalDate todayAt(Tenant site) {
        return today(province(site));
    }

    private LocalDate today(Tenant province) {
        return clock.instant().atZone(zone(province)).toLocalDate();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** "CƠ QUAN BÁO CÁO": the agency the footer names, else the site's name. */
    private static String agency(Tenant site) {
        String agency = site.branding().footerAgency();
        return agency == null || agency.isBlank() ? site.name() : agency;
    }

    /** Rows of the text columns only, trimmed and NFC; empty rows dropped; bounded. */
    private static List<Map<String, String>> clean(ReportPart text, @Nullable List<Map<String, String>> rows) {
        List<Map<String, String>> clean = new ArrayList<>();
        if (rows == null) {
            return clean;
        }
        Set<String> columns = new HashSet<>();
        text.fields().forEach(f -> columns.add(f.no()));
        for (Map<String, String> row : rows) {
            if (row == null) {
                continue;
            }
            for (String key : row.keySet()) {
                if (!columns.contains(key)) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.text-column", "rows",
                            key, String.join(", ", text.fields().stream().map(ReportField::no).toList()));
                }
            }
            Map<String, String> kept = new LinkedHashMap<>();
            boolean any = false;
            for (ReportField f : text.fields()) {
                String v = row.get(f.no());
                v = v == null ? "" : VietnameseText.nfc(v).strip().replace("\r\n", "\n");
                if (v.length() > MAX_CELL) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.text-too-long", "rows",
                            MAX_CELL);
                }
                any |= !v.isEmpty();
                kept.put(f.no(), v);
            }
            if (any) {
                clean.add(kept);
            }
        }
        if (clean.size() > MAX_ROWS) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.text-too-many", "rows", MAX_ROWS);
        }
        return clean;
    }

    private static String detail(Due d, String more) {
        return "{\"form\":" + quote(d.form().code()) + ",\"period\":" + quote(d.period().code()) + "," + more + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReportContent read(String snapshot) {
        try {
            return json.readValue(snapshot, ReportContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Map<String, String>> readRows(String rows) {
        try {
            return json.readValue(rows, Argument.listOf(Argument.mapOf(String.class, String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
