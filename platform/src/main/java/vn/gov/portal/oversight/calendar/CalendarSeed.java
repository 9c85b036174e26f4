package vn.gov.portal.oversight.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import vn.gov.portal.infra.time.ProvinceTime;

/**
 * The official lists every new province starts with: the civil-service calendars of 2025 and
 * 2026 as published (swapped Saturdays, days in lieu, 24/11 included; {@code
 * oversight/vn_civil_service_calendar_2025_2026.csv}), and 2027 as the law gives it until its
 * decision is published. The province's admin edits them from there.
 */
public final class CalendarSeed {
    static final String RESOURCE = "/oversight/vn_civil_service_calendar_2025_2026.csv";
    static final int COMPUTED_YEAR = 2027;

    /** One year's list and where it comes from. */
    public record Year(int year, String source, List<CalendarDay> days) {
    }

    private CalendarSeed() {
    }

    public static List<Year> years() {
        TreeMap<Integer, List<CalendarDay>> byYear = new TreeMap<>();
        for (CalendarDay d : published()) {
            byYear.computeIfAbsent(d.date().getYear(), y -> new ArrayList<>()).add(d);
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((year, days) -> years.add(new Year(year, "Lịch nghỉ công chức, viên chức năm " + year, days)));
        years.add(new Year(COMPUTED_YEAR, StatutoryHolidays.SOURCE, StatutoryHolidays.of(COMPUTED_YEAR)));
        return List.copyOf(years);
    }

    /** The calendar the seed gives, before anything is stored (a province created before V16). */
    public static WorkingCalendar calendar() {
        List<Year> years = years();
        return new WorkingCalendar(ProvinceTime.ZONE, OfficeHours.DEFAULT,
                years.stream().map(Year::year).toList(), years.stream().flatMap(y -> y.days().stream()).toList());
    }

    /** date,kind,applies_to,name,source_note; names hold no commas, source notes may. */
    static List<CalendarDay> published() {
        try (var in = Objects.requireNonNull(CalendarSeed.class.getResourceAsStream(RESOURCE), RESOURCE);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<CalendarDay> days = new ArrayList<>();
            String previousSource = null;
            String line = reader.readLine(); // heading
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 5);
                String source = f.length > 4 ? f[4].strip() : null;
                if ("same".equals(source)) { // the list says "as the row above"
                    source = previousSource;
                }
                previousSource = source;
                days.add(new CalendarDay(LocalDate.parse(f[0]), DayKind.valueOf(f[1].toUpperCase(Locale.ROOT)),
                        f[3].strip(), source));
            }
            return days;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
