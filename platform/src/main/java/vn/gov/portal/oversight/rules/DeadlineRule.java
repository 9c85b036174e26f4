package vn.gov.portal.oversight.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Optional;
import vn.gov.portal.oversight.calendar.TimeLimit;

/**
 * "Event news within 8 working hours of the event" (TN Đ9.2a): how long a content type may take,
 * counted from what, from which month, and why. Units as the presets write them.
 */
@Serdeable
public record DeadlineRule(String contentType, String unit, @Nullable Integer amount, String countedFrom,
                           LocalDate effectiveFrom, String legalBasis) {

    /**
     * The limit one item is judged by, or none: a rule "by the 30th of every month", "regularly"
     * or "none" judges no single item.
     */
    public Optional<TimeLimit> limit() {
        return switch (unit) {
            case "HOURS" -> Optional.of(TimeLimit.hours(amount));
            case "WORKING_HOURS" -> Optional.of(TimeLimit.workingHours(amount));
            case "DAYS" -> Optional.of(TimeLimit.calendarDays(amount));
            case "WORKING_DAYS" -> Optional.of(TimeLimit.workingDays(amount));
            case "SAME_DAY" -> Optional.of(TimeLimit.workingDays(0));
            case "IMMEDIATELY" -> Optional.of(TimeLimit.hours(0));
            default -> Optional.empty();
        };
    }
}
