package vn.gov.portal.oversight.emulation;

import static vn.gov.portal.db.Tables.OVERSIGHT_MONTHS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.oversight.reports.Reports;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * Each component site's emulation score for a year, from the oversight facts
 * ({@code oversight_months}, kept by OversightFacts) of the year's months that have ended: the
 * share of months with a quota in which it was met, the share of deadline-judged items published
 * on time, and the share of the year's periodic reports due (periods that have ended) that it
 * submitted ({@link Reports#submissions}). While no period of the year has ended, that part shows
 * "chưa có dữ liệu", scores nothing, and keeps its weight in the formula, so the most a unit can
 * reach then is 100 minus that weight.
 */
@Singleton
public class EmulationScores {
    private final TenantDb db;
    private final TenantDirectory directory;
    private final EmulationFormulas formulas;
    private final Clock clock;
    private final Reports reports;
    private final TenantScopes scopes;

    public EmulationScores(TenantDb db, TenantDirectory directory, EmulationFormulas formulas, Clock clock,
                           Reports reports, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
        this.formulas = formulas;
        this.clock = clock;
        this.reports = reports;
    }

    /**
     * One unit's year. A share is null when there is no data for it (no month with a quota, no
     * item judged, no report due yet); {@code score} counts such a part as nothing.
     */
    @Serdeable
    public record UnitScore(long tenantId, String name, String kind, String host, int monthsWithQuota, int monthsMet,
                            @Nullable BigDecimal quotaShare, int judged, int onTime,
                            @Nullable BigDecimal timelinessShare, @Nullable BigDecimal reportsShare,
                            BigDecimal score) {
    }

    /** The year's table: its formula in numbers and words, the months it covers, units by score. */
    @Serdeable
    public record YearTable(int year, EmulationFormulas.Formula formula, String formulaText, String firstMonth,
                            @Nullable String lastMonth, String reportsNote, BigDecimal reachable,
                            List<UnitScore> units) {
    }

    public static final String NO_REPORTS = "Báo cáo định kỳ: chưa có dữ liệu (chưa kỳ báo cáo nào của năm kết "
            + "thúc); phần này giữ nguyên trọng số trong công thức nhưng chưa được cộng điểm.";
    public static final String REPORTS = "Báo cáo định kỳ: số báo cáo đã nộp ÷ số báo cáo phải nộp của các kỳ đã "
            + "kết thúc trong năm (%s).";

    public YearTable year(Tenant province, String baseDomain, int year) {
        EmulationFormulas.Formula f = formulas.forYear(province, year);
        YearMonth first = YearMonth.of(year, 1);
        YearMonth thisMonth = ProvinceTime.thisMonth(clock);
        // The year's months that have ended: the running month is not judged yet.
        YearMonth last = YearMonth.of(year, 12).isBefore(thisMonth) ? YearMonth.of(year, 12) : thisMonth.minusMonths(1);
        DirectorySnapshot dir = directory.snapshot();
        List<Long> ids = dir.subtreeIds(province).stream().filter(id -> id != province.id()).toList();
        Map<Long, int[]> facts = new HashMap<>();
        if (!last.isBefore(first) && !ids.isEmpty()) {
            db.read(scopes.provinceBoard(province), ctx -> {
                var m = OVERSIGHT_MONTHS;
                ctx.select(m.TENANT_ID,
                                DSL.count().filterWhere(m.REQUIRED.gt(0)),
                                DSL.count().filterWhere(m.REQUIRED.gt(0).and(m.COUNTED.ge(m.REQUIRED))),
                                DSL.coalesce(DSL.sum(m.JUDGED), BigDecimal.ZERO),
                                DSL.coalesce(DSL.sum(m.ON_TIME), BigDecimal.ZERO))
                        .from(m).where(m.TENANT_ID.in(ids), m.MONTH.between(first.atDay(1), last.atDay(1)))
                        .groupBy(m.TENANT_ID)
                        .forEach(r -> facts.put(r.value1(), new int[] {r.value2(), r.value3(), r.value4().intValue(),
                                r.value5().intValue()}));
                return null;
            });
        }
        Map<Long, int[]> filed = reports.submissions(province, year);
        List<UnitScore> units = new ArrayList<>();
        for (long id : ids) {
            Tenant t = dir.byId(id);
            int[] x = facts.getOrDefault(id, new int[4]);
            BigDecimal quota = share(x[1], x[0]);
            BigDecimal timeliness = share(x[3], x[2]);
            int[] r = filed.get(id);
            BigDecimal submitted = r == null ? null : share(r[1], r[0]);
            BigDecimal score = part(f.quotaWeight(), quota).add(part(f.timelinessWeight(), timeliness))
                    .add(part(f.reportsWeight(), submitted)).setScale(2, RoundingMode.HALF_UP);
            units.add(new UnitScore(id, t.name(), t.kind().name(), dir.hostOf(t, baseDomain), x[0], x[1], quota, x[2],
                    x[3], timeliness, submitted, score));
        }
        units.sort(Comparator.comparing(UnitScore::score).reversed().thenComparing(UnitScore::name));
        boolean reportsDue = !filed.isEmpty();
        BigDecimal reachable = BigDecimal.valueOf(reportsDue ? 100 : 100 - f.reportsWeight()).setScale(2);
        String note = reportsDue ? REPORTS.formatted(filed.values().iterator().next()[0] + " báo cáo mỗi đơn vị")
                : NO_REPORTS;
        return new YearTable(year, f, f.text(), first.toString(), last.isBefore(first) ? null : last.toString(),
                note, reachable, units);
    }

    private static @Nullable BigDecimal share(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal part(int weight, @Nullable BigDecimal share) {
        return share == null ? BigDecimal.ZERO : share.multiply(BigDecimal.valueOf(weight));
    }
}
