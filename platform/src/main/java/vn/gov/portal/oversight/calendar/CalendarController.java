package vn.gov.portal.oversight.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The working-day calendar over the API. Reading and counting are public on every site of the
 * province (a citizen may check when an answer is due); changing it is the province's admin's
 * (the platform admin, or the province board's head or site admin on the province's host).
 */
@Controller("/api/v1/calendar")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CalendarController {
    private final WorkingCalendars calendars;
    private final TenantDirectory directory;
    private final Clock clock;

    public CalendarController(WorkingCalendars calendars, TenantDirectory directory, Clock clock) {
        this.calendars = calendars;
        this.directory = directory;
        this.clock = clock;
    }

    @Serdeable
    public record CalendarYear(String province, String zone, OfficeHours officeHours, int year, boolean entered,
                               List<CalendarDay> days, int workingDays) {
    }

    @Serdeable
    public record Due(Instant from, int amount, String unit, @Nullable LocalTime countFrom, Instant due,
                      String dueLocal) {
    }

    @Serdeable
    public record WorkingTime(Instant from, Instant to, long minutes, double hours) {
    }

    @Serdeable
    public record DayInput(@Nullable String kind, @Nullable String name, @Nullable String source) {
    }

    @Serdeable
    public record YearInput(@Nullable String source, @Nullable List<DayWithDate> days) {
    }

    @Serdeable
    public record DayWithDate(@Nullable String date, @Nullable String kind, @Nullable String name,
                              @Nullable String source) {
    }

    @Serdeable
    public record HoursInput(@Nullable String morningStart, @Nullable String morningEnd,
                             @Nullable String afternoonStart, @Nullable String afternoonEnd) {
    }

    @Anyone
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    public CalendarYear year(HttpRequest<?> request, @QueryValue @Nullable Integer year) {
        Tenant province = provinceHere(request);
        WorkingCalendar cal = calendars.of(province.id());
        int y = year != null ? year : Year.now(clock.withZone(cal.zone())).getValue();
        if (y < 2000 || y > 2200) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.year-invalid", "year");
        }
        int working = cal.workingDaysBetween(LocalDate.of(y - 1, 12, 31), LocalDate.of(y, 12, 31));
        return new CalendarYear(province.subdomain(), cal.zone().getId(), cal.officeHours(), y, cal.entered(y),
                cal.daysOf(y), working);
    }

    /** {@code from} is an instant ({@code …Z}, {@code …+07:00}) or a local time in the province's zone. */
    @Anyone
    @Get("/deadline")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Due deadline(HttpRequest<?> request, @QueryValue @Nullable String from, @QueryValue @Nullable Integer amount,
                        @QueryValue @Nullable String unit, @QueryValue @Nullable String countFrom) {
        WorkingCalendar cal = calendars.of(provinceHere(request).id());
        Instant start = instant(cal, from, "from");
        TimeLimit limit;
        try {
            limit = new TimeLimit(amount == null ? -1 : amount, TimeLimit.Unit.ofSlug(unit == null ? "" : unit),
                    countFrom == null || countFrom.isBlank() ? null : LocalTime.parse(countFrom));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.limit-invalid", "limit");
        }
        Instant due = cal.deadline(start, limit);
        return new Due(start, limit.amount(), limit.unit().slug(), limit.countFrom(), due,
                due.atZone(cal.zone()).toOffsetDateTime().toString());
    }

    @Anyone
    @Get("/working-time")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public WorkingTime workingTime(HttpRequest<?> request, @QueryValue @Nullable String from,
                                   @QueryValue @Nullable String to) {
        WorkingCalendar cal = calendars.of(provinceHere(request).id());
        Instant a = instant(cal, from, "from");
        Instant b = instant(cal, to, "to");
        if (Duration.between(a, b).abs().toDays() > 3660) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.span-too-long", "to");
        }
        long minutes = cal.workingTimeBetween(a, b).toMinutes();
        return new WorkingTime(a, b, minutes, minutes / 60.0);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Put("/days/{date}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public CalendarDay setDay(HttpRequest<?> request, Authentication auth, @PathVariable String date,
                              @Body DayInput input) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        CalendarDay day = day(date, input.kind(), input.name(), input.source());
        calendars.setDay(province, day, ProvinceAdmins.actor(auth));
        return day;
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Delete("/days/{date}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<Void> removeDay(HttpRequest<?> request, Authentication auth, @PathVariable String date) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        if (!calendars.removeDay(province, date(date, "date"), ProvinceAdmins.actor(auth))) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "calendar.day-not-found", "date");
        }
        return HttpResponse.noContent();
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Put("/years/{year}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public CalendarYear replaceYear(HttpRequest<?> request, Authentication auth, @PathVariable int year,
                                    @Body YearInput input) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        if (year < 2000 || year > 2200) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.year-invalid", "year");
        }
        String source = input.source() == null ? "" : input.source().strip();
        if (source.isEmpty() || source.length() > 500) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.source-required", "source");
        }
        List<CalendarDay> days = input.days() == null ? List.of()
                : input.days().stream().map(d -> day(d.date(), d.kind(), d.name(), d.source())).toList();
        if (days.stream().anyMatch(d -> d.date().getYear() != year)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.day-outside-year", "date");
        }
        if (days.stream().map(CalendarDay::date).distinct().count() != days.size()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.day-twice", "date");
        }
        calendars.replaceYear(province, year, source, days, ProvinceAdmins.actor(auth));
        return year(request, year);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Put("/office-hours")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public OfficeHours officeHours(HttpRequest<?> request, Authentication auth, @Body HoursInput input) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        LocalTime[] t;
        try {
            t = new LocalTime[] {LocalTime.parse(input.morningStart()), LocalTime.parse(input.morningEnd()),
                LocalTime.parse(input.afternoonStart()), LocalTime.parse(input.afternoonEnd())};
        } catch (RuntimeException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.hours-invalid", "officeHours");
        }
        if (!OfficeHours.valid(t[0], t[1], t[2], t[3])) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.hours-invalid", "officeHours");
        }
        OfficeHours hours = new OfficeHours(t[0], t[1], t[2], t[3]);
        calendars.setOfficeHours(province, hours, ProvinceAdmins.actor(auth));
        return hours;
    }

    private Tenant provinceHere(HttpRequest<?> request) {
        return directory.snapshot().provinceOf(CurrentSite.tenant(request));
    }

    private static CalendarDay day(@Nullable String date, @Nullable String kind, @Nullable String name,
                                   @Nullable String source) {
        LocalDate d = date(date, "date");
        DayKind k;
        try {
            k = DayKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.kind-invalid", "kind");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.name-required", "name");
        }
        String s = source == null || source.isBlank() ? null : source.strip();
        if (s != null && s.length() > 500) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.source-required", "source");
        }
        return new CalendarDay(d, k, n, s);
    }

    private static LocalDate date(@Nullable String text, String field) {
        try {
            LocalDate d = LocalDate.parse(text == null ? "" : text);
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.year-invalid", field);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.date-invalid", field);
        }
    }

    private static Instant instant(WorkingCalendar cal, @Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.time-invalid", field);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(cal.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.time-invalid", field);
            }
        }
    }
}
