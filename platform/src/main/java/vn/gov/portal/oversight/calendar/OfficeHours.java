package vn.gov.portal.oversight.calendar;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.LocalTime;

/** The two spans of a working day (morning and afternoon), in the province's local time. */
@Serdeable
public record OfficeHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
                          LocalTime afternoonEnd) {

    /** 07:30–11:30 and 13:00–17:00: eight hours, the civil service's day. */
    public static final OfficeHours DEFAULT = new OfficeHours(LocalTime.of(7, 30), LocalTime.of(11, 30),
            LocalTime.of(13, 0), LocalTime.of(17, 0));

    public OfficeHours {
        if (!(morningStart.isBefore(morningEnd) && !morningEnd.isAfter(afternoonStart)
                && afternoonStart.isBefore(afternoonEnd))) {
            throw new IllegalArgumentException("Office hours out of order");
        }
    }

    /** Whether these spans are in order (the constructor refuses them otherwise). */
    public static boolean valid(LocalTime ms, LocalTime me, LocalTime as, LocalTime ae) {
        return ms != null && me != null && as != null && ae != null && ms.isBefore(me) && !me.isAfter(as)
                && as.isBefore(ae);
    }

    public LocalTime opening() {
        return morningStart;
    }

    public LocalTime closing() {
        return afternoonEnd;
    }

    public Duration perDay() {
        return Duration.between(morningStart, morningEnd).plus(Duration.between(afternoonStart, afternoonEnd));
    }

    LocalTime[][] spans() {
        return new LocalTime[][] {{morningStart, morningEnd}, {afternoonStart, afternoonEnd}};
    }
}
