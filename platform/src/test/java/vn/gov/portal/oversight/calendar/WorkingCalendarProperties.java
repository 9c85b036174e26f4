package vn.gov.portal.oversight.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What must hold for any start between 2025 and 2029 (entered years, the seeded 2027 and the
 * computed ones) and any limit: the arithmetic is consistent with itself and with the calendar.
 */
class WorkingCalendarProperties {
    private final WorkingCalendar cal = CalendarSeed.calendar();

    @Provide
    Arbitrary<Instant> instants() {
        long from = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2029-12-01T00:00:00Z").getEpochSecond();
        return Arbitraries.longs().between(from, to).map(s -> Instant.ofEpochSecond(s / 60 * 60));
    }

    @Property
    void workingTimeAddedIsWorkingTimeBetween(@ForAll("instants") Instant start,
                                              @ForAll @IntRange(min = 0, max = 6000) int minutes) {
        Duration amount = Duration.ofMinutes(minutes);
        Instant end = cal.plusWorkingTime(start, amount);
        assertThat(end).isAfterOrEqualTo(start);
        assertThat(cal.workingTimeBetween(start, end)).isEqualTo(amount);
    }

    @Property
    void workingTimeAddsUp(@ForAll("instants") Instant start, @ForAll @IntRange(min = 0, max = 3000) int a,
                           @ForAll @IntRange(min = 0, max = 3000) int b) {
        Instant stepwise = cal.plusWorkingTime(cal.plusWorkingTime(start, Duration.ofMinutes(a)), Duration.ofMinutes(b));
        Instant atOnce = cal.plusWorkingTime(start, Duration.ofMinutes(a + b));
        // Stepwise may stop at a closing time where at once continues from the next opening: same working time.
        assertThat(cal.workingTimeBetween(start, stepwise)).isEqualTo(cal.workingTimeBetween(start, atOnce));
        assertThat(stepwise).isAfterOrEqualTo(atOnce);
    }

    @Property
    void aDeadlineInWorkingHoursFallsInOfficeHoursOfAWorkingDay(@ForAll("instants") Instant start,
                                                               @ForAll @IntRange(min = 1, max = 200) int hours) {
        ZonedDateTime due = cal.deadline(start, TimeLimit.workingHours(hours)).atZone(cal.zone());
        OfficeHours office = cal.officeHours();
        LocalTime t = due.toLocalTime();
        assertThat(cal.isWorkingDay(due.toLocalDate())).isTrue();
        assertThat(t.isAfter(office.morningStart()) && !t.isAfter(office.morningEnd())
                || t.isAfter(office.afternoonStart()) && !t.isAfter(office.afternoonEnd())).as(due.toString()).isTrue();
    }

    @Property
    void aDeadlineInWorkingDaysIsTheClosingOfTheNthWorkingDayAfter(@ForAll("instants") Instant start,
                                                                  @ForAll @IntRange(min = 1, max = 60) int days) {
        ZonedDateTime due = cal.deadline(start, TimeLimit.workingDays(days)).atZone(cal.zone());
        LocalDate startDay = start.atZone(cal.zone()).toLocalDate();
        assertThat(cal.isWorkingDay(due.toLocalDate())).isTrue();
        assertThat(due.toLocalTime()).isEqualTo(cal.officeHours().closing());
        assertThat(cal.workingDaysBetween(startDay, due.toLocalDate())).isEqualTo(days);
    }

    @Property
    void laterStartsNeverHaveEarlierDeadlines(@ForAll("instants") Instant a, @ForAll("instants") Instant b,
                                              @ForAll @IntRange(min = 0, max = 30) int n) {
        Instant early = a.isBefore(b) ? a : b;
        Instant late = a.isBefore(b) ? b : a;
        for (TimeLimit limit : new TimeLimit[] {TimeLimit.workingHours(n), TimeLimit.workingDays(n),
            TimeLimit.calendarDays(n), TimeLimit.workingDays(n).countingFrom(LocalTime.of(8, 0))}) {
            assertThat(cal.deadline(late, limit)).as(limit.toString()).isAfterOrEqualTo(cal.deadline(early, limit));
        }
    }

    @Property
    void aDeadlineIsNeverBeforeItsStart(@ForAll("instants") Instant start, @ForAll @IntRange(min = 0, max = 30) int n) {
        for (TimeLimit limit : new TimeLimit[] {TimeLimit.workingHours(n), TimeLimit.workingDays(n),
            TimeLimit.calendarDays(n), TimeLimit.hours(n)}) {
            assertThat(cal.deadline(start, limit)).as(limit.toString()).isAfterOrEqualTo(start);
        }
    }

    @Property
    void workingTimeBetweenIsAdditive(@ForAll("instants") Instant a, @ForAll("instants") Instant b,
                                      @ForAll("instants") Instant c) {
        assertThat(cal.workingTimeBetween(a, b).plus(cal.workingTimeBetween(b, c)))
                .isEqualTo(cal.workingTimeBetween(a, c));
    }
}
