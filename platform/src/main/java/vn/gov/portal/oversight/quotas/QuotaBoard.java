package vn.gov.portal.oversight.quotas;

import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.OVERSIGHT_MONTHS;
import static vn.gov.portal.db.Tables.PROPOSALS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import vn.gov.portal.db.Tables;
import vn.gov.portal.db.tables.records.OversightMonthsRecord;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.oversight.calendar.WorkingCalendar;
import vn.gov.portal.oversight.calendar.WorkingCalendars;
import vn.gov.portal.oversight.facts.OversightFacts;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * Every component site of a province in one month, from the facts ({@link OversightFacts}),
 * with its state: the figures behind the dashboard, its exports and
 * {@code GET /api/v1/oversight/quotas}. Reads the province's subtree in one scope and a few
 * grouped queries, whatever the number of sites.
 */
@Singleton
public class QuotaBoard {
    /** "A few working days before month's end": when a short site is at risk. */
    public static final int AT_RISK_WORKING_DAYS = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final TenantDb db;
    private final TenantDirectory directory;
    private final WorkingCalendars calendars;
    private final OversightFacts facts;
    private final Clock clock;
    private final TenantScopes scopes;

    public QuotaBoard(TenantDb db, TenantDirectory directory, WorkingCalendars calendars, OversightFacts facts,
                      Clock clock, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
        this.calendars = calendars;
        this.facts = facts;
        this.clock = clock;
    }

    public YearMonth thisMonth() {
        return ProvinceTime.thisMonth(clock);
    }

    /** The province's component sites in {@code month}, in the directory's order. */
    public List<SiteMonth> month(Tenant province, String baseDomain, YearMonth month) {
        DirectorySnapshot dir = directory.snapshot();
        List<Long> ids = dir.subtreeIds(province).stream().filter(id -> id != province.id()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, OversightMonthsRecord> rows = read(province, month, ids);
        List<Long> missing = ids.stream().filter(id -> !rows.containsKey(id)).toList();
        if (!missing.isEmpty() && !month.isAfter(thisMonth())) {
            // Sites never computed yet (new, or the facts table fresh): now, once.
            missing.forEach(id -> facts.refresh(dir.byId(id)));
            rows.putAll(read(province, month, missing));
        }
        Map<Long, Integer> waiting = month.equals(thisMonth()) ? waiting(province, ids) : Map.of();
        WorkingCalendar calendar = calendars.of(province.id());
        int workingDaysLeft = calendar.workingDaysBetween(ProvinceTime.today(clock), month.atEndOfMonth());
        List<SiteMonth> sites = new ArrayList<>();
        for (long id : ids) {
            Tenant t = dir.byId(id);
            OversightMonthsRecord r = rows.get(id);
            int required = r == null ? 0 : r.getRequired();
            int counted = r == null ? 0 : r.getCounted();
            int judged = r == null ? 0 : r.getJudged();
            int onTime = r == null ? 0 : r.getOnTime();
            sites.add(new SiteMonth(id, dir.hostOf(t, baseDomain), t.name(), t.kind().name(), month.toString(),
                    required, counted, state(required, counted, month, workingDaysLeft), r == null ? 0 : r.getPublished(),
                    judged, onTime, judged == 0 ? null : Math.round(1000.0 * onTime / judged) / 10.0,
                    r == null ? 0 : r.getOverdue(), waiting.getOrDefault(id, 0),
                    r == null || r.getLastPublishedAt() == null ? null
                            : WHEN.format(r.getLastPublishedAt().atZoneSameInstant(ProvinceTime.ZONE)),
                    r == null ? null : r.getRuleBasis()));
        }
        return sites;
    }

    /**
     * A component site's quota this month, for its own board's back office; null when its kind
     * has no quota. Reads only the site's own rows.
     */
    public @Nullable SiteMonth current(Tenant site) {
        if (site.isProvince()) {
            return null;
        }
        Tenant province = directory.snapshot().provinceOf(site);
        String bd = province.baseDomains().getFirst();
        List<SiteMonth> rows = siteTrend(province, site, bd, 1);
        if (rows.isEmpty()) {
            facts.refresh(site);
            rows = siteTrend(province, site, bd, 1);
        }
        return rows.isEmpty() || rows.getFirst().required() == 0 ? null : rows.getFirst();
    }

    /** Working days left in this month after today, on the calendar of the site's province. */
    public int workingDaysLeft(Tenant site) {
        return calendars.forSite(site).workingDaysBetween(ProvinceTime.today(clock),
                thisMonth().atEndOfMonth());
    }

    /** The state of a month with these figures, judged now. */
    QuotaState state(int required, int counted, YearMonth month, int workingDaysLeft) {
        if (required == 0) {
            return QuotaState.NO_QUOTA;
        }
        if (counted >= required) {
            return QuotaState.MET;
        }
        YearMonth now = thisMonth();
        if (month.isBefore(now)) {
            return QuotaState.MISSED;
        }
        return month.isAfter(now) || workingDaysLeft > AT_RISK_WORKING_DAYS ? QuotaState.ON_TRACK : QuotaState.AT_RISK;
    }

    /** One month of the province: how many sites with a quota met it, and how many items were on time. */
    @Serdeable
    public record MonthTotals(String month, int sites, int met, int judged, int onTime) {
    }

    /** The province's last {@code months} months, oldest first: the dashboard's trend, in one query. */
    public List<MonthTotals> trend(Tenant province, int months) {
        YearMonth last = thisMonth();
        YearMonth first = last.minusMonths(months - 1L);
        Map<YearMonth, int[]> totals = new HashMap<>();
        db.read(scopes.provinceBoard(province), ctx -> {
            ctx.select(OVERSIGHT_MONTHS.MONTH, DSL.count(),
                            DSL.count().filterWhere(OVERSIGHT_MONTHS.COUNTED.ge(OVERSIGHT_MONTHS.REQUIRED)),
                            DSL.sum(OVERSIGHT_MONTHS.JUDGED), DSL.sum(OVERSIGHT_MONTHS.ON_TIME))
                    .from(OVERSIGHT_MONTHS)
                    .where(OVERSIGHT_MONTHS.MONTH.between(first.atDay(1), last.atDay(1)),
                            OVERSIGHT_MONTHS.REQUIRED.gt(0), OVERSIGHT_MONTHS.TENANT_ID.ne(province.id()))
                    .groupBy(OVERSIGHT_MONTHS.MONTH).fetch()
                    .forEach(r -> totals.put(YearMonth.from(r.value1()), new int[] {r.value2(), r.value3(),
                        r.value4() == null ? 0 : r.value4().intValue(), r.value5() == null ? 0 : r.value5().intValue()}));
            return null;
        });
        List<MonthTotals> trend = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            int[] t = totals.getOrDefault(m, new int[4]);
            trend.add(new MonthTotals(m.toString(), t[0], t[1], t[2], t[3]));
        }
        return trend;
    }

    /** One site's last {@code months} months, oldest first. */
    public List<SiteMonth> siteTrend(Tenant province, Tenant site, String baseDomain, int months) {
        YearMonth last = thisMonth();
        YearMonth first = last.minusMonths(months - 1L);
        DirectorySnapshot dir = directory.snapshot();
        List<OversightMonthsRecord> rows = db.read(TenantScope.of(site.id()), ctx -> ctx.selectFrom(OVERSIGHT_MONTHS)
                .where(OVERSIGHT_MONTHS.TENANT_ID.eq(site.id()),
                        OVERSIGHT_MONTHS.MONTH.between(first.atDay(1), last.atDay(1)))
                .orderBy(OVERSIGHT_MONTHS.MONTH).fetch());
        int daysLeft = calendars.of(province.id()).workingDaysBetween(ProvinceTime.today(clock),
                last.atEndOfMonth());
        return rows.stream().map(r -> {
            YearMonth m = YearMonth.from(r.getMonth());
            return new SiteMonth(site.id(), dir.hostOf(site, baseDomain), site.name(), site.kind().name(),
                    m.toString(), r.getRequired(), r.getCounted(), state(r.getRequired(), r.getCounted(), m, daysLeft),
                    r.getPublished(), r.getJudged(), r.getOnTime(),
                    r.getJudged() == 0 ? null : Math.round(1000.0 * r.getOnTime() / r.getJudged()) / 10.0,
                    r.getOverdue(), 0, null, r.getRuleBasis());
        }).toList();
    }

    /** An item of a site's month, for the drill-down. */
    @Serdeable
    public record ItemRow(long articleId, String title, String contentType, String status,
                          @Nullable String startedAt,
                          @Nullable String dueAt,
                          @Nullable String publishedAt,
                          @Nullable String providedAt,
                          @Nullable Boolean onTime, boolean overdue) {
    }

    /** A site's items of a month: those due, published or provided in it. */
    public List<ItemRow> items(Tenant site, YearMonth month) {
        var from = month.atDay(1).atStartOfDay(ProvinceTime.ZONE).toOffsetDateTime();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(ProvinceTime.ZONE).toOffsetDateTime();
        Instant now = clock.instant();
        var t = Tables.OVERSIGHT_ITEMS;
        return db.read(TenantScope.of(site.id()), ctx -> ctx.selectFrom(t).where(t.TENANT_ID.eq(site.id()))
                .and(t.DUE_AT.ge(from).and(t.DUE_AT.lt(to))
                        .or(t.PUBLISHED_AT.ge(from).and(t.PUBLISHED_AT.lt(to)))
                        .or(t.PROVIDED_AT.ge(from).and(t.PROVIDED_AT.lt(to))))
                .orderBy(t.DUE_AT.desc().nullsLast(), t.PUBLISHED_AT.desc().nullsLast()).limit(500)
                .fetch(r -> new ItemRow(r.getArticleId(), r.getTitle(), r.getContentType(), r.getStatus(),
                        when(r.getStartedAt()), when(r.getDueAt()), when(r.getPublishedAt()), when(r.getProvidedAt()),
                        r.getOnTime(), r.getPublishedAt() == null && r.getDueAt() != null
                                && now.isAfter(r.getDueAt().toInstant()))));
    }

    private static String when(OffsetDateTime t) {
        return t == null ? null : WHEN.format(t.atZoneSameInstant(ProvinceTime.ZONE));
    }

    private Map<Long, OversightMonthsRecord> read(Tenant province, YearMonth month, List<Long> ids) {
        return db.read(scopes.provinceBoard(province), ctx -> {
            Map<Long, OversightMonthsRecord> rows = new HashMap<>();
            ctx.selectFrom(OVERSIGHT_MONTHS).where(OVERSIGHT_MONTHS.MONTH.eq(month.atDay(1)),
                    OVERSIGHT_MONTHS.TENANT_ID.in(ids)).fetch().forEach(r -> rows.put(r.getTenantId(), r));
            return rows;
        });
    }

    /** Items each site has waiting for approval now: its own queue and its proposals to the parent. */
    private Map<Long, Integer> waiting(Tenant province, List<Long> ids) {
        return db.read(scopes.provinceBoard(province), ctx -> {
            Map<Long, Integer> n = new HashMap<>();
            ctx.select(ARTICLES.TENANT_ID, DSL.count()).from(ARTICLES)
                    .where(ARTICLES.STATUS.eq("PENDING"), ARTICLES.TENANT_ID.in(ids)).groupBy(ARTICLES.TENANT_ID)
                    .fetch().forEach(r -> n.merge(r.value1(), r.value2(), Integer::sum));
            ctx.select(PROPOSALS.TENANT_ID, DSL.count()).from(PROPOSALS)
                    .where(PROPOSALS.STATUS.eq("PENDING"), PROPOSALS.TENANT_ID.in(ids)).groupBy(PROPOSALS.TENANT_ID)
                    .fetch().forEach(r -> n.merge(r.value1(), r.value2(), Integer::sum));
            return n;
        });
    }
}
