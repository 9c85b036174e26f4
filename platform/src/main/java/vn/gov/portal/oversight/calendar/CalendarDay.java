package vn.gov.portal.oversight.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** One day that differs from the week's rule, with its name and where the rule comes from. */
@Serdeable
public record CalendarDay(LocalDate date, DayKind kind, String name, @Nullable String source) {
}
