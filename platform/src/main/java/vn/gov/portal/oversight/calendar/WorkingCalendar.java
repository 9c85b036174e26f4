package vn.gov.portal.oversight.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One province's working time, immutable: which days are worked, its office hours, and the
 * arithmetic the regulations need: "deadline = start + N working days / working hours /
 * calendar days" and "working time between two instants".
 *
 * <p>How limits are counted (the Civil Code 2015 Đ147–148, which the regulations rely on):
 * <ul>
 *   <li>in days, the day of the start is not counted: day 1 is the next (working) day;
 *   <li>a limit in working days ends when the office closes on its last day, since the work is
 *       an agency's; a limit of 0 working days ("the same day") at the end of that day;
 *   <li>a limit in calendar days ends at the end of its last day, or, if that day is not
 *       worked, at the end of the next working day (Đ148);
 *   <li>working hours run only inside the office hours of working days;
 *   <li>{@code countFrom} (TN Đ13.4: "counted from 08:00"): the count starts at that hour, on
 *       the day of the start if it is a working day and the hour has not passed, else on the
 *       next working day; so a question received at 07:00 counts from 08:00 that day, one
 *       received at 09:00 from 08:00 the next working day.
 * </ul>
 */
public final class WorkingCalendar {
    /** No deadline lies further than this many days ahead (a limit is at most 3650 units). */
    private static final int HORIZON_DAYS = 20 * 366;
    private static final LocalTime END_OF_DAY = LocalTime.MAX;

    private final ZoneId zone;
    private final OfficeHours hours;
    private final Map<Integer, Map<LocalDate, CalendarDay>> entered;
    private final Map<Integer, Map<LocalDate, CalendarDay>> computed = new ConcurrentHashMap<>();

    public WorkingCalendar(ZoneId zone, OfficeHours hours, Collection<Integer> enteredYears,
                           Collection<CalendarDay> enteredDays) {
        this.zone = zone;
        this.hours = hours;
        Map<Integer, Map<LocalDate, CalendarDay>> byYear = new ConcurrentHashMap<>();
        for (int year : enteredYears) {
            byYear.put(year, enteredDays.stream().filter(d -> d.date().getYear() == year)
                    .collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity())));
        }
        this.entered = Map.copyOf(byYear);
    }

    /** The law's calendar alone, every year computed: for a province that has entered nothing. */
    public static WorkingCalendar statutory(ZoneId zone) {
        return new WorkingCalendar(zone, OfficeHours.DEFAULT, List.of(), List.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public OfficeHours officeHours() {
        return hours;
    }

    /** Whether the year's official list is entered (else it is computed from the law). */
    public boolean entered(int year) {
        return entered.containsKey(year);
    }

    public Set<Integer> enteredYears() {
        return entered.keySet();
    }

    /** The year's days that differ from the week's rule, in date order. */
    public List<CalendarDay> daysOf(int year) {
        return days(year).values().stream().sorted(Comparator.comparing(CalendarDay::date)).toList();
    }

    public Optional<CalendarDay> day(LocalDate date) {
        return Optional.ofNullable(days(date.getYear()).get(date));
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay special = days(date.getYear()).get(date);
        return special != null ? special.kind().working() : !StatutoryHolidays.weekend(date);
    }

    /** The first working day after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; i < HORIZON_DAYS; i++) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("No working day within " + HORIZON_DAYS + " days of " + date);
    }

    /** The n-th working day after {@code date} (n = 0: the date itself if worked, else the next). */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0");
        }
        LocalDate d = n == 0 && isWorkingDay(date) ? date : nextWorkingDay(date);
        for (int i = 1; i < n; i++) {
            d = nextWorkingDay(d);
        }
        return d;
    }

    /** Working days in (from, to]: how many days of notice lie between two dates. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** The last instant at which something started at {@code start} is still on time. */
    public Instant deadline(Instant start, TimeLimit limit) {
        ZonedDateTime s = start.atZone(zone);
        LocalDate day = s.toLocalDate();
        return switch (limit.unit()) {
            case HOURS -> start.plus(Duration.ofHours(limit.amount()));
            case CALENDAR_DAYS -> {
                LocalDate last = day.plusDays(limit.amount());
                yield at(isWorkingDay(last) ? last : nextWorkingDay(last), END_OF_DAY);
            }
            case WORKING_DAYS -> {
                if (limit.amount() == 0) {
                    yield isWorkingDay(day) ? at(day, END_OF_DAY) : at(nextWorkingDay(day), hours.closing());
                }
                LocalDate first = firstCountedDay(s, limit);
                yield at(plusWorkingDaysFrom(first, limit.amount() - 1), hours.closing());
            }
            case WORKING_HOURS -> {
                Instant clock = limit.countFrom() == null ? start : at(firstCountedDay(s, limit), limit.countFrom());
                yield plusWorkingTime(clock, Duration.ofHours(limit.amount()));
            }
        };
    }

    /** Whether something due by {@code deadline} and done at {@code done} was on time. */
    public static boolean onTime(Instant deadline, Instant done) {
        return !done.isAfter(deadline);
    }

    /** Moves {@code amount} of office time forward from {@code start}; outside office hours the clock waits. */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Negative working time");
        }
        ZonedDateTime s = start.atZone(zone);
        LocalDate d = s.toLocalDate();
        LocalTime from = s.toLocalTime();
        Duration left = amount;
        for (int i = 0; i < HORIZON_DAYS; i++, d = d.plusDays(1), from = LocalTime.MIN) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (LocalTime[] span : hours.spans()) {
                LocalTime begin = from.isAfter(span[0]) ? from : span[0];
                if (!begin.isBefore(span[1])) {
                    continue;
                }
                Duration available = Duration.between(begin, span[1]);
                if (left.compareTo(available) <= 0) {
                    return at(d, begin.plus(left));
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("Working time beyond " + HORIZON_DAYS + " days");
    }

    /** Office time between two instants; negative if {@code to} is before {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        LocalDateTime a = LocalDateTime.ofInstant(from, zone);
        LocalDateTime b = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate d = a.toLocalDate(); !d.isAfter(b.toLocalDate()); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (LocalTime[] span : hours.spans()) {
                LocalDateTime begin = max(d.atTime(span[0]), a);
                LocalDateTime end = min(d.atTime(span[1]), b);
                if (begin.isBefore(end)) {
                    total = total.plus(Duration.between(begin, end));
                }
            }
        }
        return total;
    }

    /** Day 1 of a count: see the class comment. */
    private LocalDate firstCountedDay(ZonedDateTime start, TimeLimit limit) {
        LocalDate day = start.toLocalDate();
        if (limit.countFrom() != null && isWorkingDay(day) && !start.toLocalTime().isAfter(limit.countFrom())) {
            return day;
        }
        return nextWorkingDay(day);
    }

    private LocalDate plusWorkingDaysFrom(LocalDate first, int more) {
        LocalDate d = first;
        for (int i = 0; i < more; i++) {
            d = nextWorkingDay(d);
        }
        return d;
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static LocalDateTime max(LocalDateTime x, LocalDateTime y) {
        return x.isAfter(y) ? x : y;
    }

    private static LocalDateTime min(LocalDateTime x, LocalDateTime y) {
        return x.isBefore(y) ? x : y;
    }

    private Map<LocalDate, CalendarDay> days(int year) {
        Map<LocalDate, CalendarDay> official = entered.get(year);
        if (official != null) {
            return official;
        }
        return computed.computeIfAbsent(year, y -> StatutoryHolidays.of(y).stream()
                .filter(d -> d.date().getYear() == y)
                .collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity())));
    }
}
