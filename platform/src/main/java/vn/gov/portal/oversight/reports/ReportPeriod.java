package vn.gov.portal.oversight.reports;

import io.micronaut.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.portal.infra.web.ProblemException;

/**
 * A reporting period: the first six months of a year ({@code 2026-H1}) or the whole year
 * ({@code 2026}). "Báo cáo 06 tháng, 01 năm" (BG Đ12.7đ, TB Đ13.7): the six-month report covers the
 * first half, and the second half is in the year's report, so there is no "H2". Periods run on
 * calendar dates (not the cut-off days of NĐ 09/2019/NĐ-CP, which no preset carries yet), so
 * consecutive reports neither overlap nor miss a day.
 */
public record ReportPeriod(int year, Kind kind) implements Comparable<ReportPeriod> {
    private static final Pattern CODE = Pattern.compile("([0-9]{4})(-H1)?");

    /** The preset's period names (preset_report_forms.periods). */
    public enum Kind {
        HALF_YEAR, YEAR
    }

    public ReportPeriod {
        if (year < 2000 || year > 2200) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.period-invalid", "period");
        }
    }

    /** "2026-H1" or "2026"; anything else is refused with the period rule. */
    public static ReportPeriod parse(String code) {
        Matcher m = code == null ? null : CODE.matcher(code.strip());
        if (m == null || !m.matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.period-invalid", "period");
        }
        return new ReportPeriod(Integer.parseInt(m.group(1)), m.group(2) == null ? Kind.YEAR : Kind.HALF_YEAR);
    }

    public String code() {
        return kind == Kind.YEAR ? Integer.toString(year) : year + "-H1";
    }

    public LocalDate from() {
        return LocalDate.of(year, 1, 1);
    }

    /** The last day, inclusive. */
    public LocalDate to() {
        return kind == Kind.YEAR ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 6, 30);
    }

    /** As the annex's "6 tháng/năm…" reads when filled in. */
    public String label() {
        return kind == Kind.YEAR ? "năm " + year : "6 tháng đầu năm " + year;
    }

    public boolean started(LocalDate today) {
        return !today.isBefore(from());
    }

    public boolean over(LocalDate today) {
        return today.isAfter(to());
    }

    /**
     * The periods of {@code kinds} a site is asked about on {@code today}: those of this year and
     * the last that have started, newest first.
     */
    public static List<ReportPeriod> recent(LocalDate today, Collection<Kind> kinds) {
        List<ReportPeriod> periods = new ArrayList<>();
        for (int y = today.getYear(); y >= today.getYear() - 1; y--) {
            for (Kind k : List.of(Kind.YEAR, Kind.HALF_YEAR)) {
                ReportPeriod p = new ReportPeriod(y, k);
                if (kinds.contains(k) && p.started(today)) {
                    periods.add(p);
                }
            }
        }
        periods.sort(Comparator.reverseOrder());
        return periods;
    }

    /** Later periods sort after earlier ones; a year after its own first half (it ends later). */
    @Override
    public int compareTo(ReportPeriod o) {
        int c = to().compareTo(o.to());
        return c != 0 ? c : kind.compareTo(o.kind);
    }

    @Override
    public String toString() {
        return code();
    }
}
