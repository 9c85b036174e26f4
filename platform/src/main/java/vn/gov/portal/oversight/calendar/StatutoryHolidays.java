package vn.gov.portal.oversight.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public holidays the law gives for a year whose official schedule has not been entered:
 * Labour Code 2019 Đ112.1 (1/1; Tết, five days; Giỗ Tổ 10/3 lunar; 30/4; 1/5; 2/9 and a day
 * beside it), 24/11 from 2026 (Ngày Văn hóa Việt Nam), and a day off in lieu for each one that
 * falls on a weekly rest day (Đ112.3), taken on the next working day.
 *
 * <p>What the government decides each year (which five days of Tết, which day beside 2/9,
 * Saturdays swapped) cannot be computed: the defaults here are the most common choices (the
 * eve of Tết and its first four days, as in 2026; 1/9, as in 2025 and 2026), and a province
 * enters the decision when it is published, which replaces the whole year.
 */
public final class StatutoryHolidays {
    public static final String SOURCE = "Tính theo BLLĐ 2019 Đ112 (chưa nhập quyết định của năm)";
    private static final int VIETNAMESE_CULTURE_DAY_FROM = 2026;

    private StatutoryHolidays() {
    }

    public static List<CalendarDay> of(int year) {
        List<CalendarDay> holidays = new ArrayList<>();
        holidays.add(holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch"));
        LocalDate tet = LunarCalendar.newYear(year);
        holidays.add(holiday(tet.minusDays(1), "Tết Nguyên đán (ngày cuối năm âm lịch)"));
        for (int i = 0; i < 4; i++) {
            holidays.add(holiday(tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")"));
        }
        holidays.add(holiday(LunarCalendar.toSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        holidays.add(holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng"));
        holidays.add(holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động"));
        holidays.add(holiday(LocalDate.of(year, 9, 1), "Quốc khánh (ngày liền kề)"));
        holidays.add(holiday(LocalDate.of(year, 9, 2), "Quốc khánh"));
        if (year >= VIETNAMESE_CULTURE_DAY_FROM) {
            holidays.add(holiday(LocalDate.of(year, 11, 24), "Ngày Văn hóa Việt Nam"));
        }
        holidays.sort(Comparator.comparing(CalendarDay::date));
        return withDaysInLieu(holidays);
    }

    private static List<CalendarDay> withDaysInLieu(List<CalendarDay> holidays) {
        Set<LocalDate> taken = new TreeSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<CalendarDay> all = new ArrayList<>(holidays);
        for (CalendarDay h : holidays) {
            if (weekend(h.date())) {
                LocalDate lieu = h.date().plusDays(1);
                while (weekend(lieu) || taken.contains(lieu)) {
                    lieu = lieu.plusDays(1);
                }
                taken.add(lieu);
                all.add(new CalendarDay(lieu, DayKind.COMPENSATORY_OFF, "Nghỉ bù " + h.name(), SOURCE));
            }
        }
        all.sort(Comparator.comparing(CalendarDay::date));
        return List.copyOf(all);
    }

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static CalendarDay holiday(LocalDate date, String name) {
        return new CalendarDay(date, DayKind.HOLIDAY, name, SOURCE);
    }
}
