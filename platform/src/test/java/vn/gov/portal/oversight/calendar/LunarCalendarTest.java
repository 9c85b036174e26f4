package vn.gov.portal.oversight.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lunar dates against the published Vietnamese calendars. */
class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
        "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
        "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
        "2030, 2030-02-02", "2031, 2031-01-23", "2032, 2032-02-11", "2033, 2033-01-31", "2034, 2034-02-19",
        "2035, 2035-02-08",
        // Reckoned at UTC+7, Vietnam's Tết fell a month (1985) or a day (2007) before China's, and will
        // in 2030 (2 February; China's is on the 3rd).
        "1985, 1985-01-21", "2007, 2007-02-17"})
    void newYear(int year, LocalDate expected) {
        assertThat(LunarCalendar.newYear(year)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Giỗ Tổ {0} is {1}")
    @CsvSource({
        // 2020 and 2023 are leap years (a leap 4th and a leap 2nd month): the 3rd month moves only in 2023.
        "2020, 2020-04-02", "2021, 2021-04-21", "2022, 2022-04-10", "2023, 2023-04-29", "2024, 2024-04-18",
        "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16", "2028, 2028-04-04"})
    void hungKingsDay(int year, LocalDate expected) {
        assertThat(LunarCalendar.toSolar(year, 3, 10)).isEqualTo(expected);
    }

    @Test
    void theSeededListsAgreeWithTheComputation() {
        for (CalendarDay d : CalendarSeed.published()) {
            if (d.name().contains("Mùng 1")) {
                assertThat(LunarCalendar.newYear(d.date().getYear())).as(d.name()).isEqualTo(d.date());
            }
            if (d.name().startsWith("Giỗ Tổ")) {
                assertThat(LunarCalendar.toSolar(d.date().getYear(), 3, 10)).as(d.name()).isEqualTo(d.date());
            }
        }
    }
}
