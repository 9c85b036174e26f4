package vn.gov.portal.oversight.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalTime;
import java.util.Locale;

/**
 * A time limit as the regulations word it: "8 working hours after the event" (TN Đ9.2a), "3
 * days after signing" (Đ9.2b), "5 working days, counted from 08:00" (Đ13.4), "24 hours after
 * it ends" (TQ). {@code countFrom}: the hour the count starts on its first day (see
 * {@link WorkingCalendar#deadline}).
 */
@Serdeable
public record TimeLimit(int amount, Unit unit, @Nullable LocalTime countFrom) {

    public enum Unit {
        WORKING_DAYS, WORKING_HOURS, CALENDAR_DAYS, HOURS;

        /** working-days, working-hours, calendar-days, hours: the API's spelling. */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Unit ofSlug(String slug) {
            for (Unit u : values()) {
                if (u.slug().equals(slug)) {
                    return u;
                }
            }
            throw new IllegalArgumentException("No unit " + slug);
        }
    }

    public TimeLimit {
        if (amount < 0 || amount > 3650) {
            throw new IllegalArgumentException("A time limit is 0 to 3650 units");
        }
    }

    public static TimeLimit workingDays(int n) {
        return new TimeLimit(n, Unit.WORKING_DAYS, null);
    }

    public static TimeLimit workingHours(int n) {
        return new TimeLimit(n, Unit.WORKING_HOURS, null);
    }

    public static TimeLimit calendarDays(int n) {
        return new TimeLimit(n, Unit.CALENDAR_DAYS, null);
    }

    public static TimeLimit hours(int n) {
        return new TimeLimit(n, Unit.HOURS, null);
    }

    public TimeLimit countingFrom(LocalTime hour) {
        return new TimeLimit(amount, unit, hour);
    }
}
