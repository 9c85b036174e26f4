package vn.gov.portal.oversight.emulation;

import static vn.gov.portal.db.Tables.EMULATION_FORMULAS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Tenant;

/**
 * The province's annual emulation formula (TN Đ22.1: the portal's work is a criterion of each
 * unit's yearly emulation): weights of the quota, timeliness and report-submission parts, in
 * points out of 100. Dated by year: a change applies from the year it names (this year or a
 * later one), and past years keep the formula they were scored by. Until the province sets one,
 * the platform's default applies and says so.
 */
@Singleton
public class EmulationFormulas {
    /** The platform's default, not a regulation's: quota 50, timeliness 30, reports 20. */
    public static final Formula DEFAULT = new Formula(null, 50, 30, 20,
            "Mặc định của nền tảng (tỉnh chưa đặt công thức)", null, true);

    private final TenantDb db;
    private final AuditLog audit;
    private final Clock clock;

    public EmulationFormulas(TenantDb db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    public record Formula(@Nullable Integer fromYear, int quotaWeight, int timelinessWeight, int reportsWeight,
                          String legalBasis, @Nullable String setBy, boolean defaults) {

        /** The formula in words, as the page and the API show it. */
        public String text() {
            return "Điểm thi đua = " + quotaWeight + " × (số tháng đạt định mức ÷ số tháng có định mức) + "
                    + timelinessWeight + " × (số tin đúng hạn ÷ số tin được đánh giá thời hạn) + " + reportsWeight
                    + " × (số báo cáo định kỳ đã nộp ÷ số báo cáo phải nộp); tối đa 100 điểm. Phần nào chưa có dữ "
                    + "liệu được ghi \"chưa có dữ liệu\" và không được cộng điểm.";
        }
    }

    @Serdeable
    public record FormulaInput(@Nullable Integer fromYear, @Nullable Integer quotaWeight,
                               @Nullable Integer timelinessWeight, @Nullable Integer reportsWeight,
                               @Nullable String legalBasis) {
    }

    public int thisYear() {
        return ProvinceTime.thisYear(clock);
    }

    /** The formula a year is scored by. */
    public Formula forYear(Tenant province, int year) {
        var r = db.read(TenantScope.of(province.id()), ctx -> ctx.selectFrom(EMULATION_FORMULAS)
                .where(EMULATION_FORMULAS.PROVINCE_ID.eq(province.id()), EMULATION_FORMULAS.FROM_YEAR.le(year))
                .orderBy(EMULATION_FORMULAS.FROM_YEAR.desc()).limit(1).fetchOne());
        return r == null ? DEFAULT : new Formula(r.getFromYear(), r.getQuotaWeight(), r.getTimelinessWeight(),
                r.getReportsWeight(), r.getLegalBasis(), r.getSetBy(), false);
    }

    /** From {@code fromYear} (this year when absent) on; a past year is refused. */
    public Formula set(Tenant province, FormulaInput in, String actor) {
        int year = in.fromYear() == null ? thisYear() : in.fromYear();
        if (year < thisYear() || year > 2200) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "emulation.year-past", "fromYear");
        }
        int q = weight(in.quotaWeight(), "quotaWeight");
        int t = weight(in.timelinessWeight(), "timelinessWeight");
        int r = weight(in.reportsWeight(), "reportsWeight");
        if (q + t + r != 100) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "emulation.weights-sum", "weights");
        }
        String basis = in.legalBasis() == null ? "" : in.legalBasis().strip();
        if (basis.isEmpty() || basis.length() > 300) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-basis", "legalBasis");
        }
        db.write(TenantScope.of(province.id()), ctx -> {
            ctx.insertInto(EMULATION_FORMULAS).set(EMULATION_FORMULAS.PROVINCE_ID, province.id())
                    .set(EMULATION_FORMULAS.FROM_YEAR, year).set(EMULATION_FORMULAS.QUOTA_WEIGHT, q)
                    .set(EMULATION_FORMULAS.TIMELINESS_WEIGHT, t).set(EMULATION_FORMULAS.REPORTS_WEIGHT, r)
                    .set(EMULATION_FORMULAS.LEGAL_BASIS, basis).set(EMULATION_FORMULAS.SET_BY, actor)
                    .onConflict(EMULATION_FORMULAS.PROVINCE_ID, EMULATION_FORMULAS.FROM_YEAR).doUpdate()
                    .set(EMULATION_FORMULAS.QUOTA_WEIGHT, q).set(EMULATION_FORMULAS.TIMELINESS_WEIGHT, t)
                    .set(EMULATION_FORMULAS.REPORTS_WEIGHT, r).set(EMULATION_FORMULAS.LEGAL_BASIS, basis)
                    .set(EMULATION_FORMULAS.SET_BY, actor).set(EMULATION_FORMULAS.SET_AT, OffsetDateTime.now(clock))
                    .execute();
            audit.recordWithDetail(ctx, province.id(), actor, "oversight.emulation_formula", "emulation:" + year,
                    null, "{\"quota\":" + q + ",\"timeliness\":" + t + ",\"reports\":" + r + ",\"from\":" + year + "}");
            return null;
        });
        return forYear(province, year);
    }

    private static int weight(@Nullable Integer w, String field) {
        if (w == null || w < 0 || w > 100) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "emulation.weight", field);
        }
        return w;
    }
}
