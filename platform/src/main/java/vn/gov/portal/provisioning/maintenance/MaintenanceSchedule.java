package vn.gov.portal.provisioning.maintenance;

import static vn.gov.portal.db.Tables.MAINTENANCE_WINDOWS;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.db.tables.records.MaintenanceWindowsRecord;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.oversight.calendar.TimeLimit;
import vn.gov.portal.oversight.calendar.WorkingCalendars;
import vn.gov.portal.site.MaintenanceNotices;
import vn.gov.portal.tenancy.ContentChanged;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The province's planned maintenance (ND 224 Đ13): announced at least seven working days ahead
 * (counted on the province's calendar), shown on every affected site until it ends, and, while
 * it lasts, answered from the static copy ({@link MaintenanceFilter}).
 *
 * <p>Every node keeps the windows that are not over in memory and looks at the clock every few
 * seconds: when a site's phase changes (announced, under way, over) the node forgets that site's
 * cached pages, so the notice appears and goes without anyone publishing, and a window about to
 * start gets its static copy ({@link MaintenanceSnapshots}). Windows written on another node are
 * found by the same look (a version check), so no message is needed.
 */
@Singleton
public class MaintenanceSchedule implements MaintenanceNotices {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceSchedule.class);
    /** ND 224 Đ13: at least seven working days' notice. */
    public static final TimeLimit NOTICE = TimeLimit.workingDays(7);
    /** Longer stops are not maintenance but an outage, and need another decision. */
    static final Duration LONGEST = Duration.ofHours(72);
    /** The static copy is taken this long before the start, so it holds the latest content. */
    static final Duration COPY_AHEAD = Duration.ofMinutes(30);

    private final TenantDb db;
    private final TenantDirectory directory;
    private final WorkingCalendars calendars;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<ContentChanged> contentChanged;
    private final MaintenanceSnapshots snapshots;
    private volatile List<MaintenanceWindow> current = List.of();
    private volatile String version = "";
    private Map<Long, MaintenanceWindow.Phase> phases = Map.of();

    public MaintenanceSchedule(TenantDb db, TenantDirectory directory, WorkingCalendars calendars, AuditLog audit,
                               Clock clock, ApplicationEventPublisher<ContentChanged> contentChanged,
                               MaintenanceSnapshots snapshots) {
        this.db = db;
        this.directory = directory;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
        this.contentChanged = contentChanged;
        this.snapshots = snapshots;
        reload();
    }

    /** What the province announces. {@code sites} null or empty: every site of the province. */
    public record Announcement(Instant startsAt, Instant endsAt, String reason, @Nullable List<Long> sites) {
    }

    public MaintenanceWindow announce(Tenant province, Announcement a, String actor) {
        Instant now = clock.instant();
        String reason = a.reason() == null ? "" : a.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "maintenance.reason-required", "reason");
        }
        if (!a.endsAt().isAfter(a.startsAt())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "maintenance.ends-before-start", "endsAt");
        }
        if (Duration.between(a.startsAt(), a.endsAt()).compareTo(LONGEST) > 0) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "maintenance.too-long", "endsAt");
        }
        Instant earliest = earliestStart(province, now);
        if (a.startsAt().isBefore(earliest)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "maintenance.notice-too-short", "notice",
                    Notice.when(earliest));
        }
        DirectorySnapshot dir = directory.snapshot();
        List<Long> sites = a.sites() == null || a.sites().isEmpty() ? null : List.copyOf(new HashSet<>(a.sites()));
        if (sites != null) {
            for (long id : sites) {
                Tenant t = dir.byId(id);
                if (t == null || dir.provinceOf(t).id() != province.id()) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "maintenance.site-unknown", "sites");
                }
            }
        }
        long id = db.write(TenantScope.of(province.id()), ctx -> {
            long newId = ctx.insertInto(MAINTENANCE_WINDOWS)
                    .set(MAINTENANCE_WINDOWS.PROVINCE_ID, province.id())
                    .set(MAINTENANCE_WINDOWS.TENANT_IDS, sites == null ? null : sites.toArray(Long[]::new))
                    .set(MAINTENANCE_WINDOWS.STARTS_AT, utc(a.startsAt()))
                    .set(MAINTENANCE_WINDOWS.ENDS_AT, utc(a.endsAt()))
                    .set(MAINTENANCE_WINDOWS.REASON, reason)
                    .set(MAINTENANCE_WINDOWS.ANNOUNCED_AT, utc(now))
                    .set(MAINTENANCE_WINDOWS.ANNOUNCED_BY, actor)
                    .set(MAINTENANCE_WINDOWS.UPDATED_AT, utc(now))
                    .returning(MAINTENANCE_WINDOWS.ID).fetchOne().getId();
            audit.recordWithDetail(ctx, province.id(), actor, "maintenance.announced", "maintenance:" + newId, null,
                    "{\"startsAt\":\"" + a.startsAt() + "\",\"endsAt\":\"" + a.endsAt() + "\",\"sites\":"
                            + (sites == null ? "\"all\"" : sites.toString()) + "}");
            return newId;
        });
        reload();
        tick();
        return window(province, id);
    }

    /** Before it starts: called off; under way: ended now. Either way the sites serve as usual at once. */
    public MaintenanceWindow cancel(Tenant province, long id, String actor) {
        MaintenanceWindow w = window(province, id);
        if (w.phase(clock.instant()) == MaintenanceWindow.Phase.OVER) {
            throw new ProblemException(HttpStatus.CONFLICT, "maintenance.already-over", "window");
        }
        db.write(TenantScope.of(province.id()), ctx -> {
            ctx.update(MAINTENANCE_WINDOWS).set(MAINTENANCE_WINDOWS.CANCELLED_AT, utc(clock.instant()))
                    .set(MAINTENANCE_WINDOWS.CANCELLED_BY, actor)
                    .set(MAINTENANCE_WINDOWS.UPDATED_AT, utc(clock.instant()))
                    .where(MAINTENANCE_WINDOWS.ID.eq(id)).execute();
            audit.record(ctx, province.id(), actor, "maintenance.cancelled", "maintenance:" + id, null);
            return null;
        });
        reload();
        tick();
        return window(province, id);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The earliest start a window announced now may have: after seven full working days. */
    public Instant earliestStart(Tenant province, Instant now) {
        return calendars.of(province.id()).deadline(now, NOTICE);
    }

    public List<MaintenanceWindow> list(Tenant province) {
        return db.directory(ctx -> ctx.selectFrom(MAINTENANCE_WINDOWS)
                .where(MAINTENANCE_WINDOWS.PROVINCE_ID.eq(province.id()))
                .orderBy(MAINTENANCE_WINDOWS.STARTS_AT.desc()).limit(100).fetch(MaintenanceSchedule::toWindow));
    }

    public MaintenanceWindow window(Tenant province, long id) {
        MaintenanceWindow w = db.directory(ctx -> ctx.selectFrom(MAINTENANCE_WINDOWS)
                .where(MAINTENANCE_WINDOWS.ID.eq(id)).fetchOne(MaintenanceSchedule::toWindow));
        if (w == null || w.provinceId() != province.id()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "maintenance.not-found");
        }
        return w;
    }

    /** The notice a site shows now, if a window that covers it is announced or under way. */
    @Override
    public Optional<Notice> noticeFor(Tenant site) {
        List<MaintenanceWindow> windows = current;
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        DirectorySnapshot dir = directory.snapshot();
        return windows.stream().filter(w -> w.phase(now) != MaintenanceWindow.Phase.OVER && w.covers(site, dir))
                .min(Comparator.comparing(MaintenanceWindow::startsAt)).map(w -> Notice.of(w, now));
    }

    /** The window under way for this site now, if any: its requests are the static copy's. */
    public @Nullable MaintenanceWindow underWay(Tenant site) {
        List<MaintenanceWindow> windows = current;
        if (windows.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        DirectorySnapshot dir = directory.snapshot();
        for (MaintenanceWindow w : windows) {
            if (w.phase(now) == MaintenanceWindow.Phase.ACTIVE && w.covers(site, dir)) {
                return w;
            }
        }
        return null;
    }

    /**
     * Looks at the clock: forgets the cached pages of every site whose phase changed, and takes
     * the static copy of a window about to start (or started without one, e.g. on a node that
     * has just joined).
     */
    @Scheduled(fixedDelay = "${portal.maintenance.tick:10s}", initialDelay = "${portal.maintenance.tick:10s}")
    public synchronized void tick() {
        reloadIfChanged();
        Instant now = clock.instant();
        DirectorySnapshot dir = directory.snapshot();
        Map<Long, MaintenanceWindow.Phase> next = new HashMap<>();
        Set<Long> changed = new HashSet<>();
        for (MaintenanceWindow w : current) {
            MaintenanceWindow.Phase phase = w.phase(now);
            next.put(w.id(), phase);
            if (phase != phases.get(w.id())) {
                affected(w, dir).forEach(t -> changed.add(t.id()));
                if (phase == MaintenanceWindow.Phase.OVER) {
                    snapshots.forget(w.id());
                }
            }
            boolean copyDue = phase == MaintenanceWindow.Phase.ACTIVE
                    || phase == MaintenanceWindow.Phase.ANNOUNCED && !now.isBefore(w.startsAt().minus(COPY_AHEAD));
            if (copyDue && !snapshots.has(w)) {
                try {
                    snapshots.take(w, affected(w, dir));
                } catch (RuntimeException e) {
                    LOG.error("Static copy for maintenance {} failed; will try again", w.id(), e);
                }
            }
        }
        for (Long id : phases.keySet()) {
            if (!next.containsKey(id)) {
                // A window that left the list (cancelled, or over and no longer loaded): its sites' pages too.
                changed.addAll(dir.provinces().stream().flatMap(p -> dir.subtreeIds(p).stream()).toList());
            }
        }
        phases = next;
        // Marked as from another node: every node does this for itself, none need be told.
        changed.forEach(id -> contentChanged.publishEvent(new ContentChanged(id, true)));
    }

    List<Tenant> affected(MaintenanceWindow w, DirectorySnapshot dir) {
        Tenant province = dir.byId(w.provinceId());
        if (province == null) {
            return List.of();
        }
        return dir.subtreeIds(province).stream().map(dir::byId).filter(t -> w.covers(t, dir)).toList();
    }

    private void reloadIfChanged() {
        String now = db.directory(MaintenanceSchedule::version);
        if (!now.equals(version)) {
            reload();
        }
    }

    private synchronized void reload() {
        Instant since = clock.instant().minus(Duration.ofDays(1));
        db.directory(ctx -> {
            version = version(ctx);
            current = ctx.selectFrom(MAINTENANCE_WINDOWS)
                    .where(MAINTENANCE_WINDOWS.CANCELLED_AT.isNull())
                    .and(MAINTENANCE_WINDOWS.ENDS_AT.gt(utc(since)))
                    .fetch(MaintenanceSchedule::toWindow);
            return null;
        });
    }

    private static String version(DSLContext ctx) {
        Record r = ctx.select(DSL.count(), DSL.max(MAINTENANCE_WINDOWS.UPDATED_AT))
                .from(MAINTENANCE_WINDOWS).fetchOne();
        return r.get(0) + "/" + r.get(1);
    }

    private static MaintenanceWindow toWindow(MaintenanceWindowsRecord r) {
        return new MaintenanceWindow(r.getId(), r.getProvinceId(),
                r.getTenantIds() == null ? null : Arrays.asList(r.getTenantIds()),
                r.getStartsAt().toInstant(), r.getEndsAt().toInstant(), r.getReason(), r.getAnnouncedAt().toInstant(),
                r.getAnnouncedBy(), r.getCancelledAt() == null ? null : r.getCancelledAt().toInstant());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
