package vn.gov.portal.oversight.facts;

import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.OVERSIGHT_ITEMS;
import static vn.gov.portal.db.Tables.OVERSIGHT_MONTHS;
import static vn.gov.portal.db.Tables.PROPOSALS;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.db.OneNodeJobs;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.oversight.calendar.WorkingCalendar;
import vn.gov.portal.oversight.calendar.WorkingCalendars;
import vn.gov.portal.oversight.rules.DeadlineRule;
import vn.gov.portal.oversight.rules.OversightRules;
import vn.gov.portal.oversight.rules.QuotaRule;
import vn.gov.portal.tenancy.ContentChanged;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The facts the province's dashboard, reports and API read, derived from a
 * site's articles and proposals and kept in {@code oversight_items} (each item a rule judges:
 * when it was due, when published, on time or not) and {@code oversight_months} (per month:
 * what the quota required under that month's rules and what counted).
 *
 * <p>Recomputed for a site when its content changes (after the commit, off the request's
 * thread, several changes of one site coalesced), for a province's sites when its rules change,
 * and for every site every hour, since time alone makes items overdue and months end.
 * Recomputing is idempotent: a month is always judged by the rules in force in it.
 */
@Singleton
public class OversightFacts {
    private static final Logger LOG = LoggerFactory.getLogger(OversightFacts.class);
    /** The months a refresh recomputes: this one and the eleven before (the dashboard's trend). */
    public static final int MONTHS = 12;
    static final String JOB = "oversight.facts";
    static final String EVENT_NEWS = "event_news";
    /** Advisory lock keys of per-site refreshes: the site's id in a space of its own. */
    private static final long LOCK_SPACE = 0x6f76657273696700L;

    private final TenantDb db;
    private final TenantDirectory directory;
    private final OversightRules rules;
    private final WorkingCalendars calendars;
    private final OneNodeJobs jobs;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oversight-facts");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    public OversightFacts(TenantDb db, TenantDirectory directory, OversightRules rules, WorkingCalendars calendars,
                          OneNodeJobs jobs, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.rules = rules;
        this.calendars = calendars;
        this.jobs = jobs;
        this.clock = clock;
    }

    @EventListener
    void contentChanged(ContentChanged event) {
        if (!event.fromAnotherNode()) { // the node that wrote recomputes; the others need not
            later(event.tenantId());
        }
    }

    @EventListener
    void rulesChanged(OversightRules.RulesChanged event) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = dir.byId(event.provinceId());
        if (province != null) {
            dir.subtreeIds(province).forEach(this::later);
        }
    }

    @Scheduled(fixedDelay = "${portal.oversight.refresh:1h}", initialDelay = "${portal.oversight.first-refresh:1m}")
    void refreshAll() {
        jobs.tryRun(JOB, () -> {
            DirectorySnapshot dir = directory.snapshot();
            for (Tenant province : dir.provinces()) {
                for (long id : dir.subtreeIds(province)) {
                    refresh(dir.byId(id));
                }
            }
        });
    }

    /** Recomputes one site's facts soon, off the caller's thread; repeated calls before it runs are one. */
    public void later(long tenantId) {
        if (queued.add(tenantId)) {
            worker.execute(() -> {
                queued.remove(tenantId);
                Tenant site = directory.snapshot().byId(tenantId);
                if (site != null) {
                    try {
                        refresh(site);
                    } catch (RuntimeException e) {
                        LOG.error("Oversight facts of tenant {} not recomputed", tenantId, e);
                    }
                }
            });
        }
    }

    /** Recomputes one site's items and its last {@link #MONTHS} months now. */
    public void refresh(Tenant site) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = dir.provinceOf(site);
        WorkingCalendar calendar = calendars.of(province.id());
        OversightRules.History book = rules.book(province); // read before the site's transaction opens
        Instant now = clock.instant();
        YearMonth thisMonth = ProvinceTime.thisMonth(clock);
        YearMonth first = thisMonth.minusMonths(MONTHS - 1);
        db.write(TenantScope.of(site.id()), ctx -> {
            // One refresh of a site at a time, on any node: two would both delete, then both insert.
            ctx.fetch("SELECT pg_advisory_xact_lock(?)", LOCK_SPACE ^ site.id());
            List<Item> items = items(ctx, site, book, calendar, now);
            ctx.deleteFrom(OVERSIGHT_ITEMS).where(OVERSIGHT_ITEMS.TENANT_ID.eq(site.id())).execute();
            var insert = ctx.insertInto(OVERSIGHT_ITEMS, OVERSIGHT_ITEMS.TENANT_ID, OVERSIGHT_ITEMS.ARTICLE_ID,
                    OVERSIGHT_ITEMS.TITLE, OVERSIGHT_ITEMS.CONTENT_TYPE, OVERSIGHT_ITEMS.STATUS,
                    OVERSIGHT_ITEMS.STARTED_AT, OVERSIGHT_ITEMS.DUE_AT, OVERSIGHT_ITEMS.PUBLISHED_AT,
                    OVERSIGHT_ITEMS.PROVIDED_AT, OVERSIGHT_ITEMS.ON_TIME);
            for (Item i : items) {
                insert = insert.values(site.id(), i.articleId(), i.title(), i.contentType(), i.status(),
                        odt(i.startedAt()), odt(i.dueAt()), odt(i.publishedAt()), odt(i.providedAt()), i.onTime());
            }
            if (!items.isEmpty()) {
                insert.execute();
            }
            Map<YearMonth, int[]> provided = perMonth(ctx, ctx.select(PROPOSALS.DECIDED_AT, DSL.inline(1))
                    .from(PROPOSALS).where(PROPOSALS.TENANT_ID.eq(site.id()), PROPOSALS.STATUS.eq("ACCEPTED"),
                            PROPOSALS.DECIDED_AT.ge(start(first))).fetch(r -> r.value1()));
            Map<YearMonth, int[]> published = perMonth(ctx, ctx.select(ARTICLES.PUBLISHED_AT).from(ARTICLES)
                    .where(ARTICLES.TENANT_ID.eq(site.id()), ARTICLES.ORIGINAL_ID.isNull(),
                            ARTICLES.PUBLISHED_AT.ge(start(first)), ARTICLES.STATUS.in("PUBLISHED", "ARCHIVED"))
                    .fetch(r -> r.value1()));
            OffsetDateTime lastPublished = ctx.select(DSL.max(ARTICLES.PUBLISHED_AT)).from(ARTICLES)
                    .where(ARTICLES.TENANT_ID.eq(site.id()), ARTICLES.STATUS.eq("PUBLISHED")).fetchOne(0,
                            OffsetDateTime.class);
            for (YearMonth m = first; !m.isAfter(thisMonth); m = m.plusMonths(1)) {
                writeMonth(ctx, site, book, m, items, provided, published, lastPublished, now);
            }
            return null;
        });
    }

    private void writeMonth(DSLContext ctx, Tenant site, OversightRules.History book, YearMonth m, List<Item> items,
                            Map<YearMonth, int[]> provided, Map<YearMonth, int[]> published,
                            OffsetDateTime lastPublished, Instant now) {
        QuotaRule quota = site.isProvince() ? null : book.quota(site.kind(), m).orElse(null);
        int required = quota == null ? 0 : quota.minPerMonth();
        int[] p = provided.getOrDefault(m, new int[1]);
        int[] pub = published.getOrDefault(m, new int[1]);
        int counted = quota == null ? 0 : quota.providedToParent() ? p[0] : pub[0];
        int judged = 0;
        int onTime = 0;
        int overdue = 0;
        for (Item i : items) {
            if (i.dueAt() == null || !YearMonth.from(i.dueAt().atZone(ProvinceTime.ZONE)).equals(m)) {
                continue;
            }
            if (i.onTime() != null) {
                judged++;
                onTime += i.onTime() ? 1 : 0;
            }
            if (i.publishedAt() == null && now.isAfter(i.dueAt())) {
                overdue++;
            }
        }
        OffsetDateTime endOfMonth = start(m.plusMonths(1));
        OffsetDateTime last = lastPublished != null && lastPublished.isBefore(endOfMonth) ? lastPublished : null;
        String basis = quota == null ? null : quota.legalBasis();
        ctx.insertInto(OVERSIGHT_MONTHS).set(OVERSIGHT_MONTHS.TENANT_ID, site.id())
                .set(OVERSIGHT_MONTHS.MONTH, m.atDay(1)).set(OVERSIGHT_MONTHS.REQUIRED, required)
                .set(OVERSIGHT_MONTHS.COUNTED, counted).set(OVERSIGHT_MONTHS.PUBLISHED, pub[0])
                .set(OVERSIGHT_MONTHS.JUDGED, judged).set(OVERSIGHT_MONTHS.ON_TIME, onTime)
                .set(OVERSIGHT_MONTHS.OVERDUE, overdue).set(OVERSIGHT_MONTHS.LAST_PUBLISHED_AT, last)
                .set(OVERSIGHT_MONTHS.RULE_BASIS, basis).set(OVERSIGHT_MONTHS.COMPUTED_AT, odt(now))
                .onConflict(OVERSIGHT_MONTHS.TENANT_ID, OVERSIGHT_MONTHS.MONTH).doUpdate()
                .set(OVERSIGHT_MONTHS.REQUIRED, required).set(OVERSIGHT_MONTHS.COUNTED, counted)
                .set(OVERSIGHT_MONTHS.PUBLISHED, pub[0]).set(OVERSIGHT_MONTHS.JUDGED, judged)
                .set(OVERSIGHT_MONTHS.ON_TIME, onTime).set(OVERSIGHT_MONTHS.OVERDUE, overdue)
                .set(OVERSIGHT_MONTHS.LAST_PUBLISHED_AT, last).set(OVERSIGHT_MONTHS.RULE_BASIS, basis)
                .set(OVERSIGHT_MONTHS.COMPUTED_AT, odt(now)).execute();
    }

    /** One article the rules judge: event news (its deadline counts from the event) or an item provided. */
    record Item(long articleId, String title, String contentType, String status, Instant startedAt,
                Instant dueAt, Instant publishedAt, Instant providedAt, Boolean onTime) {
    }

    private List<Item> items(DSLContext ctx, Tenant site, OversightRules.History book, WorkingCalendar calendar,
                             Instant now) {
        var accepted = DSL.field(DSL.select(DSL.max(PROPOSALS.DECIDED_AT)).from(PROPOSALS)
                .where(PROPOSALS.TENANT_ID.eq(ARTICLES.TENANT_ID), PROPOSALS.ARTICLE_ID.eq(ARTICLES.ID),
                        PROPOSALS.STATUS.eq("ACCEPTED")));
        var providedAt = accepted.as("provided_at");
        List<Item> items = new ArrayList<>();
        ctx.select(ARTICLES.ID, ARTICLES.TITLE, ARTICLES.STATUS, ARTICLES.EVENT_AT, ARTICLES.PUBLISHED_AT, providedAt)
                .from(ARTICLES).where(ARTICLES.TENANT_ID.eq(site.id()), ARTICLES.ORIGINAL_ID.isNull())
                .and(ARTICLES.EVENT_AT.isNotNull().or(accepted.isNotNull()))
                .fetch().forEach(r -> {
                    Instant event = instant(r.value4());
                    Instant published = instant(r.value5());
                    Instant provided = instant(r.get(providedAt, OffsetDateTime.class));
                    Instant due = null;
                    if (event != null) {
                        YearMonth month = YearMonth.from(event.atZone(ProvinceTime.ZONE));
                        due = book.deadline(EVENT_NEWS, month).flatMap(DeadlineRule::limit)
                                .map(limit -> calendar.deadline(event, limit)).orElse(null);
                    }
                    Boolean onTime = null; // not judged yet: not due, or no rule
                    if (due != null && published != null) {
                        onTime = WorkingCalendar.onTime(due, published);
                    } else if (due != null && now.isAfter(due)) {
                        onTime = Boolean.FALSE;
                    }
                    items.add(new Item(r.value1(), r.value2(), event != null ? EVENT_NEWS : "news", r.value3(), event,
                            due, published, provided, onTime));
                });
        return items;
    }

    private static Map<YearMonth, int[]> perMonth(DSLContext ctx, List<OffsetDateTime> instants) {
        Map<YearMonth, int[]> counts = new HashMap<>();
        for (OffsetDateTime t : instants) {
            if (t != null) {
                counts.computeIfAbsent(YearMonth.from(t.atZoneSameInstant(ProvinceTime.ZONE)), k -> new int[1])[0]++;
            }
        }
        return counts;
    }

    static OffsetDateTime start(YearMonth m) {
        return m.atDay(1).atStartOfDay(ProvinceTime.ZONE).toOffsetDateTime();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
