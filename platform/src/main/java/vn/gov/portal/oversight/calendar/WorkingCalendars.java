package vn.gov.portal.oversight.calendar;

import static vn.gov.portal.db.Tables.CALENDAR_DAYS;
import static vn.gov.portal.db.Tables.CALENDAR_YEARS;
import static vn.gov.portal.db.Tables.WORKING_CALENDARS;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Every province's {@link WorkingCalendar}, read once and kept until it is edited (on any
 * node: {@link CalendarChangedAcrossNodes}). Edits are the province's: its admin, on its own
 * scope, so the wall of V16 holds even for a bug here.
 */
@Singleton
public class WorkingCalendars {
    private final TenantDb db;
    private final TenantDirectory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher<CalendarChanged> events;
    private final Clock clock;
    private final Map<Long, WorkingCalendar> cache = new ConcurrentHashMap<>();

    /** After a commit that changed a province's calendar; {@code fromAnotherNode}: not to be sent on. */
    public record CalendarChanged(long provinceId, boolean fromAnotherNode) {
    }

    public WorkingCalendars(TenantDb db, TenantDirectory directory, AuditLog audit,
                            ApplicationEventPublisher<CalendarChanged> events, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The calendar of the province this site belongs to. */
    public WorkingCalendar forSite(Tenant site) {
        return of(directory.snapshot().provinceOf(site).id());
    }

    public WorkingCalendar of(long provinceId) {
        return cache.computeIfAbsent(provinceId, this::load);
    }

    public void setDay(Tenant province, CalendarDay day, String actor) {
        edit(province, actor, "calendar.day_set", day.date().toString(), ctx -> {
            enterYear(ctx, province.id(), day.date().getYear());
            ctx.insertInto(CALENDAR_DAYS)
                    .set(CALENDAR_DAYS.PROVINCE_ID, province.id()).set(CALENDAR_DAYS.DAY, day.date())
                    .set(CALENDAR_DAYS.KIND, day.kind().name()).set(CALENDAR_DAYS.NAME, day.name())
                    .set(CALENDAR_DAYS.SOURCE, day.source()).set(CALENDAR_DAYS.UPDATED_BY, actor)
                    .onConflict(CALENDAR_DAYS.PROVINCE_ID, CALENDAR_DAYS.DAY).doUpdate()
                    .set(CALENDAR_DAYS.KIND, day.kind().name()).set(CALENDAR_DAYS.NAME, day.name())
                    .set(CALENDAR_DAYS.SOURCE, day.source()).set(CALENDAR_DAYS.UPDATED_BY, actor)
                    .set(CALENDAR_DAYS.UPDATED_AT, OffsetDateTime.now(clock))
                    .execute();
        });
    }

    /** The day goes back to the week's rule (a holiday removed, a Saturday no longer worked). */
    public boolean removeDay(Tenant province, LocalDate date, String actor) {
        boolean[] removed = {false};
        edit(province, actor, "calendar.day_removed", date.toString(), ctx -> {
            enterYear(ctx, province.id(), date.getYear());
            removed[0] = ctx.deleteFrom(CALENDAR_DAYS).where(CALENDAR_DAYS.PROVINCE_ID.eq(province.id()))
                    .and(CALENDAR_DAYS.DAY.eq(date)).execute() > 0;
        });
        return removed[0];
    }

    /** A year's whole official list at once, as a decision publishes it; replaces what the year had. */
    public void replaceYear(Tenant province, int year, String source, List<CalendarDay> days, String actor) {
        if (days.stream().anyMatch(d -> d.date().getYear() != year)) {
            throw new IllegalArgumentException("A day outside " + year);
        }
        edit(province, actor, "calendar.year_replaced", Integer.toString(year), ctx -> {
            ctx.deleteFrom(CALENDAR_YEARS).where(CALENDAR_YEARS.PROVINCE_ID.eq(province.id()))
                    .and(CALENDAR_YEARS.YEAR.eq(year)).execute();
            insertYear(ctx, province.id(), year, source, days, actor);
        });
    }

    public void setOfficeHours(Tenant province, OfficeHours hours, String actor) {
        edit(province, actor, "calendar.office_hours", hours.toString(), ctx ->
                ctx.update(WORKING_CALENDARS)
                        .set(WORKING_CALENDARS.MORNING_START, hours.morningStart())
                        .set(WORKING_CALENDARS.MORNING_END, hours.morningEnd())
                        .set(WORKING_CALENDARS.AFTERNOON_START, hours.afternoonStart())
                        .set(WORKING_CALENDARS.AFTERNOON_END, hours.afternoonEnd())
                        .set(WORKING_CALENDARS.UPDATED_AT, OffsetDateTime.now(clock))
                        .where(WORKING_CALENDARS.PROVINCE_ID.eq(province.id())).execute());
    }

    /** A new province's calendar: the seed's official lists (inside its creating transaction). */
    static void seed(DSLContext ctx, long provinceId, String actor) {
        ctx.insertInto(WORKING_CALENDARS).set(WORKING_CALENDARS.PROVINCE_ID, provinceId)
                .onConflictDoNothing().execute();
        for (CalendarSeed.Year y : CalendarSeed.years()) {
            boolean has = ctx.fetchExists(CALENDAR_YEARS, CALENDAR_YEARS.PROVINCE_ID.eq(provinceId)
                    .and(CALENDAR_YEARS.YEAR.eq(y.year())));
            if (!has) {
                insertYear(ctx, provinceId, y.year(), y.source(), y.days(), actor);
            }
        }
    }

    /** Provinces made before the calendar existed get the seed once, at start-up. */
    @EventListener
    void seedProvincesWithout(ServerStartupEvent started) {
        for (Tenant t : directory.snapshot().provinces()) {
            if (!db.directory(ctx -> ctx.fetchExists(WORKING_CALENDARS,
                    WORKING_CALENDARS.PROVINCE_ID.eq(t.id())))) {
                db.write(TenantScope.of(t.id()), ctx -> {
                    seed(ctx, t.id(), "system:calendar-seed");
                    return null;
                });
                evict(t.id());
            }
        }
    }

    void evict(long provinceId) {
        cache.remove(provinceId);
    }

    void evictAll() {
        cache.clear();
    }

    private void edit(Tenant province, String actor, String action, String subject,
                      Consumer<DSLContext> work) {
        if (!province.isProvince()) {
            throw new IllegalArgumentException("Only a province has a calendar");
        }
        db.write(TenantScope.of(province.id()), ctx -> {
            seed(ctx, province.id(), actor);
            work.accept(ctx);
            audit.record(ctx, province.id(), actor, action, "calendar:" + subject, null);
            return null;
        });
        evict(province.id());
        events.publishEvent(new CalendarChanged(province.id(), false));
    }

    /** A computed year becomes an entered one, with the law's days, before its first edit. */
    private static void enterYear(DSLContext ctx, long provinceId, int year) {
        boolean has = ctx.fetchExists(CALENDAR_YEARS, CALENDAR_YEARS.PROVINCE_ID.eq(provinceId)
                .and(CALENDAR_YEARS.YEAR.eq(year)));
        if (!has) {
            insertYear(ctx, provinceId, year, StatutoryHolidays.SOURCE,
                    StatutoryHolidays.of(year).stream().filter(d -> d.date().getYear() == year).toList(), null);
        }
    }

    private static void insertYear(DSLContext ctx, long provinceId, int year, String source, List<CalendarDay> days,
                                   String actor) {
        ctx.insertInto(CALENDAR_YEARS).set(CALENDAR_YEARS.PROVINCE_ID, provinceId).set(CALENDAR_YEARS.YEAR, year)
                .set(CALENDAR_YEARS.SOURCE, source).execute();
        for (CalendarDay d : days) {
            ctx.insertInto(CALENDAR_DAYS).set(CALENDAR_DAYS.PROVINCE_ID, provinceId).set(CALENDAR_DAYS.DAY, d.date())
                    .set(CALENDAR_DAYS.KIND, d.kind().name()).set(CALENDAR_DAYS.NAME, d.name())
                    .set(CALENDAR_DAYS.SOURCE, d.source()).set(CALENDAR_DAYS.UPDATED_BY, actor).execute();
        }
    }

    private WorkingCalendar load(long provinceId) {
        return db.directory(ctx -> {
            var row = ctx.selectFrom(WORKING_CALENDARS).where(WORKING_CALENDARS.PROVINCE_ID.eq(provinceId)).fetchOne();
            if (row == null) {
                return CalendarSeed.calendar();
            }
            List<Integer> years = ctx.select(CALENDAR_YEARS.YEAR).from(CALENDAR_YEARS)
                    .where(CALENDAR_YEARS.PROVINCE_ID.eq(provinceId)).fetch(r -> r.value1());
            List<CalendarDay> days = ctx.selectFrom(CALENDAR_DAYS).where(CALENDAR_DAYS.PROVINCE_ID.eq(provinceId))
                    .fetch(r -> new CalendarDay(r.getDay(), DayKind.valueOf(r.getKind()), r.getName(), r.getSource()));
            OfficeHours hours = new OfficeHours(row.getMorningStart(), row.getMorningEnd(), row.getAfternoonStart(),
                    row.getAfternoonEnd());
            return new WorkingCalendar(ZoneId.of(row.getZone()), hours, years, days);
        });
    }
}
