package vn.gov.portal.infra.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The one time zone of the platform: every province is in Vietnam, and every date the rules
 * count (a working day, a quota's month, a report's period, "today" on a page) is a date on the
 * province's calendar (Indochina time, no daylight saving). Read "now" only through the injected
 * {@link Clock} ({@link Clocks}), so a test moves the clock instead of waiting for the day.
 */
public final class ProvinceTime {
    /** For annotations, which need a constant ({@code @Scheduled(zoneId = ...)}). */
    public static final String ZONE_NAME = "Asia/Ho_Chi_Minh";
    public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);

    private ProvinceTime() {
    }

    /** Today on the province's calendar. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** This month on the province's calendar (a quota's or a royalty statement's month). */
    public static YearMonth thisMonth(Clock clock) {
        return YearMonth.now(clock.withZone(ZONE));
    }

    public static int thisYear(Clock clock) {
        return Year.now(clock.withZone(ZONE)).getValue();
    }

    /** Now, as stored: an instant with the UTC offset (the database's timestamptz). */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock);
    }
}
