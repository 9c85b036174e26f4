package vn.gov.portal.oversight.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The holiday edge cases the regulations meet, on the seeded calendar (2025–2026 as published,
 * 2027 from the law) with the default office hours 07:30–11:30 and 13:00–17:00.
 */
class WorkingCalendarTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private final WorkingCalendar cal = CalendarSeed.calendar();

    @Test
    void eventNewsAtFourOnAFridayIsDueOnTheNextWorkingDaysAfternoon() {
        Instant due = cal.deadline(at("2026-11-20T16:00"), TimeLimit.workingHours(8));
        assertThat(due).isEqualTo(at("2026-11-23T16:00"));
        assertThat(WorkingCalendar.onTime(due, at("2026-11-23T15:59"))).isTrue();
        assertThat(WorkingCalendar.onTime(due, at("2026-11-23T16:01"))).as("published after: late").isFalse();
    }

    @Test
    void theSameAcrossTetWaitsForTheOfficesToOpen() {
        // Tết Bính Ngọ: off from Saturday 14/02 to Sunday 22/02/2026.
        assertThat(cal.deadline(at("2026-02-13T16:00"), TimeLimit.workingHours(8))).isEqualTo(at("2026-02-23T16:00"));
    }

    @Test
    void anItemFiledOnFridayEveningBeforeTetCountsFromTheMondayAfter() {
        assertThat(cal.deadline(at("2026-02-13T19:30"), TimeLimit.workingHours(8))).isEqualTo(at("2026-02-23T17:00"));
        assertThat(cal.deadline(at("2026-02-13T19:30"), TimeLimit.workingDays(1))).isEqualTo(at("2026-02-23T17:00"));
        assertThat(cal.workingTimeBetween(at("2026-02-13T19:30"), at("2026-02-23T07:30"))).isZero();
    }

    @Test
    void aSwappedSaturdayIsWorkedAndItsFridayIsNot() {
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 1, 2))).as("Friday 2/1/2026, swapped").isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 1, 10))).as("Saturday 10/1/2026, made up").isTrue();
        assertThat(cal.deadline(at("2026-01-09T16:00"), TimeLimit.workingHours(8))).isEqualTo(at("2026-01-10T16:00"));
        // Over New Year: Thursday 1/1 holiday, Friday 2/1 swapped, then the weekend.
        assertThat(cal.deadline(at("2025-12-31T16:00"), TimeLimit.workingHours(8))).isEqualTo(at("2026-01-05T16:00"));
    }

    @Test
    void vietnameseCultureDayIsOffFrom2026() {
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 11, 24))).isFalse();
        assertThat(cal.deadline(at("2026-11-23T16:00"), TimeLimit.workingHours(8))).isEqualTo(at("2026-11-25T16:00"));
    }

    @Test
    void questionsCountFromEightOClock() {
        TimeLimit fiveDays = TimeLimit.workingDays(5).countingFrom(LocalTime.of(8, 0));
        // Asked at 09:00 on Monday 23/11: counted from 08:00 on Wednesday (24/11 is a holiday).
        assertThat(cal.deadline(at("2026-11-23T09:00"), fiveDays)).isEqualTo(at("2026-12-01T17:00"));
        // Asked before 08:00: that Monday is day one.
        assertThat(cal.deadline(at("2026-11-23T07:00"), fiveDays)).isEqualTo(at("2026-11-30T17:00"));
        // In working hours from 08:00: the half hour from 07:30 does not count.
        assertThat(cal.deadline(at("2026-11-20T07:00"), TimeLimit.workingHours(1).countingFrom(LocalTime.of(8, 0))))
                .isEqualTo(at("2026-11-20T09:00"));
    }

    @Test
    void calendarDaysEndingOnAHolidayEndWithTheNextWorkingDay() {
        // Signed Thursday 23/4/2026: day 3 is Sunday 26/4, Giỗ Tổ, and Monday 27/4 is its day in lieu.
        assertThat(cal.deadline(at("2026-04-23T10:00"), TimeLimit.calendarDays(3)))
                .isEqualTo(LocalDateTime.of(2026, 4, 29, 0, 0).atZone(HANOI).toInstant().minusNanos(1));
    }

    @Test
    void workingTimeBetweenTwoInstants() {
        assertThat(cal.workingTimeBetween(at("2026-11-20T16:00"), at("2026-11-23T16:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(cal.workingTimeBetween(at("2026-11-23T16:00"), at("2026-11-20T16:00"))).isEqualTo(Duration.ofHours(-8));
        assertThat(cal.workingTimeBetween(at("2026-11-23T11:00"), at("2026-11-23T13:30")))
                .as("lunch does not count").isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void yearsNotEnteredAreComputedFromTheLaw() {
        // 2028: Tết on Wednesday 26/1, so the eve to mùng 4 are 25–29/1; Saturday 29/1 gives Monday 31/1.
        assertThat(cal.entered(2028)).isFalse();
        for (int d = 25; d <= 29; d++) {
            assertThat(cal.isWorkingDay(LocalDate.of(2028, 1, d))).as("2028-01-%d", d).isFalse();
        }
        assertThat(cal.day(LocalDate.of(2028, 1, 31))).get().extracting(CalendarDay::kind)
                .isEqualTo(DayKind.COMPENSATORY_OFF);
        assertThat(cal.isWorkingDay(LocalDate.of(2028, 2, 1))).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2028, 4, 4))).as("Giỗ Tổ 2028").isFalse();
        // 2027 is seeded from the same rule: Tết on Saturday 6/2.
        assertThat(cal.entered(2027)).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 2, 5))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
    }

    @Test
    void sevenWorkingDaysOfNotice() {
        // From Monday 23/11/2026: 24/11 is off, so the seventh working day is Thursday 3/12.
        assertThat(cal.plusWorkingDays(LocalDate.of(2026, 11, 23), 7)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(cal.workingDaysBetween(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 3))).isEqualTo(7);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(HANOI).toInstant();
    }
}
