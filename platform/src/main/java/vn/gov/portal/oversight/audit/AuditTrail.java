package vn.gov.portal.oversight.audit;

import static vn.gov.portal.db.Tables.AUDIT_ARCHIVE;
import static vn.gov.portal.db.Tables.AUDIT_EVENTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * Reading the audit log: who did what, when, from where, as the board that
 * answers for a site may read it. On a component site its head and site admin read that site's
 * entries; on the province's host the province's board reads the whole province: every site's
 * entries and those kept from its deleted sites (audit_archive, V41). Who may is
 * {@link Permission#READ_AUDIT}; the tables' walls hold the same line underneath.
 */
@Singleton
public class AuditTrail {
    /** Dates in filters are the province's calendar days. */
    static final int PAGE = 50;

    private final TenantDb db;
    private final TenantScopes scopes;

    public AuditTrail(TenantDb db, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
    }

    /** Whose log a reader on {@code here} reads: live sites, and the province whose archive, if any. */
    public record Scope(Tenant here, List<Long> sites, @Nullable Long archiveOf) {
    }

    /** The filters of the API and the page; every one optional. */
    public record Filter(@Nullable String site, @Nullable String actor, @Nullable String action,
                         @Nullable LocalDate from, @Nullable LocalDate to) {
        /** Reads the query's text; a date that is not yyyy-MM-dd is refused with its field named. */
        public static Filter of(@Nullable String site, @Nullable String actor, @Nullable String action,
                                @Nullable String from, @Nullable String to) {
            return new Filter(blankToNull(site), blankToNull(actor), blankToNull(action), date(from, "from"),
                    date(to, "to"));
        }

        private static @Nullable LocalDate date(@Nullable String text, String field) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "audit.date-invalid", field);
            }
        }

        private static @Nullable String blankToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** One entry as a reader sees it. {@code detail} is the entry's JSON object, as text. */
    @Serdeable
    public record Entry(long id, OffsetDateTime at, long siteId, String site, String siteName, boolean siteDeleted,
                        String actor, String action, @Nullable String subject, String detail,
                        @Nullable String sourceIp) {
    }

    /** One page of entries, newest first. */
    @Serdeable
    public record Page(List<Entry> items, int page, int pages, int total) {
    }

    /** The caller's scope here, or 403 when the permission table says no. */
    public static Scope scopeFor(Collection<String> roles, Tenant here, DirectorySnapshot dir) {
        if (!Permission.READ_AUDIT.allows(roles, here)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "audit.forbidden");
        }
        if (here.isProvince()) {
            return new Scope(here, dir.subtreeIds(here), here.id());
        }
        return new Scope(here, List.of(here.id()), null);
    }

    /** Page {@code page} (1-based; past the last gives the last) of the matching entries. */
    public Page page(Scope scope, Filter filter, int page, DirectorySnapshot dir) {
        return db.read(scopes.sitesOfOneProvince(scope.sites()), ctx -> {
            Table<Record> all = matching(scope, filter, dir).asTable("e");
            int total = ctx.fetchCount(all);
            int pages = Math.max(1, (total + PAGE - 1) / PAGE);
            int shown = Math.min(Math.max(page, 1), pages);
            List<Entry> items = ctx.selectFrom(all).orderBy(AT.desc(), ID.desc()).limit(PAGE)
                    .offset((shown - 1) * PAGE).fetch(r -> entry(r, dir));
            return new Page(items, shown, pages, total);
        });
    }

    /**
     * The next {@code limit} matching entries older than {@code after} (newest first; all from the
     * newest when null): the export reads the log in such pieces, each its own short transaction,
     * so a long download holds no transaction open.
     */
    public List<Entry> after(Scope scope, Filter filter, @Nullable Entry after, int limit, DirectorySnapshot dir) {
        return db.read(scopes.sitesOfOneProvince(scope.sites()), ctx -> {
            Table<Record> all = matching(scope, filter, dir).asTable("e");
            Condition older = after == null ? DSL.noCondition()
                    : DSL.row(AT, ID).lt(DSL.row(DSL.val(after.at()), DSL.val(after.id())));
            return ctx.selectFrom(all).where(older).orderBy(AT.desc(), ID.desc()).limit(limit)
                    .fetch(r -> entry(r, dir));
        });
    }

    // The columns of the union of live and archived entries.
    private static final Field<Long> ID = DSL.field(DSL.name("id"), Long.class);
    private static final Field<Long> SITE_ID = DSL.field(DSL.name("site_id"), Long.class);
    private static final Field<String> SITE_SUBDOMAIN = DSL.field(DSL.name("site_subdomain"), String.class);
    private static final Field<String> SITE_NAME = DSL.field(DSL.name("site_name"), String.class);
    private static final Field<OffsetDateTime> AT = DSL.field(DSL.name("at"), OffsetDateTime.class);
    private static final Field<String> ACTOR = DSL.field(DSL.name("actor"), String.class);
    private static final Field<String> ACTION = DSL.field(DSL.name("action"), String.class);
    private static final Field<String> SUBJECT = DSL.field(DSL.name("subject"), String.class);
    private static final Field<String> DETAIL = DSL.field(DSL.name("detail"), String.class);
    private static final Field<String> SOURCE_IP = DSL.field(DSL.name("source_ip"), String.class);

    private static Select<Record> matching(Scope scope, Filter f, DirectorySnapshot dir) {
        Condition live = AUDIT_EVENTS.TENANT_ID.in(scope.sites());
        if (f.site() != null) {
            live = live.and(AUDIT_EVENTS.TENANT_ID.eq(siteId(scope, f.site(), dir)));
        }
        live = live.and(common(AUDIT_EVENTS.ACTOR, AUDIT_EVENTS.ACTION, AUDIT_EVENTS.AT, f));
        @SuppressWarnings("unchecked")
        Select<Record> events = (Select<Record>) (Select<?>) DSL.select(AUDIT_EVENTS.ID.as(ID),
                        AUDIT_EVENTS.TENANT_ID.as(SITE_ID), DSL.inline(null, String.class).as(SITE_SUBDOMAIN),
                        DSL.inline(null, String.class).as(SITE_NAME), AUDIT_EVENTS.AT.as(AT),
                        AUDIT_EVENTS.ACTOR.as(ACTOR), AUDIT_EVENTS.ACTION.as(ACTION), AUDIT_EVENTS.SUBJECT.as(SUBJECT),
                        AUDIT_EVENTS.DETAIL.cast(String.class).as(DETAIL),
                        DSL.field("host({0})", String.class, AUDIT_EVENTS.SOURCE_IP).as(SOURCE_IP))
                .from(AUDIT_EVENTS).where(live);
        if (scope.archiveOf() == null) {
            return events;
        }
        Condition kept = AUDIT_ARCHIVE.TENANT_ID.eq(scope.archiveOf());
        if (f.site() != null) {
            kept = kept.and(f.site().chars().allMatch(Character::isDigit)
                    ? AUDIT_ARCHIVE.SITE_ID.eq(Long.parseLong(f.site()))
                    : AUDIT_ARCHIVE.SITE_SUBDOMAIN.eq(f.site()));
        }
        kept = kept.and(common(AUDIT_ARCHIVE.ACTOR, AUDIT_ARCHIVE.ACTION, AUDIT_ARCHIVE.AT, f));
        @SuppressWarnings("unchecked")
        Select<Record> archived = (Select<Record>) (Select<?>) DSL.select(AUDIT_ARCHIVE.ID, AUDIT_ARCHIVE.SITE_ID,
                        AUDIT_ARCHIVE.SITE_SUBDOMAIN, AUDIT_ARCHIVE.SITE_NAME, AUDIT_ARCHIVE.AT, AUDIT_ARCHIVE.ACTOR,
                        AUDIT_ARCHIVE.ACTION, AUDIT_ARCHIVE.SUBJECT, AUDIT_ARCHIVE.DETAIL.cast(String.class),
                        DSL.field("host({0})", String.class, AUDIT_ARCHIVE.SOURCE_IP))
                .from(AUDIT_ARCHIVE).where(kept);
        return events.unionAll(archived);
    }

    /** The live site a filter names (its id, or its label in this scope); -1 (none) otherwise. */
    private static long siteId(Scope scope, String site, DirectorySnapshot dir) {
        if (site.length() <= 18 && site.chars().allMatch(Character::isDigit)) {
            long id = Long.parseLong(site);
            return scope.sites().contains(id) ? id : -1;
        }
        for (long id : scope.sites()) {
            Tenant t = dir.byId(id);
            if (t != null && t.subdomain().equals(site)) {
                return id;
            }
        }
        return -1;
    }

    private static Condition common(Field<String> actor, Field<String> action, Field<OffsetDateTime> at, Filter f) {
        List<Condition> c = new ArrayList<>();
        if (f.actor() != null) {
            c.add(actor.containsIgnoreCase(f.actor()));
        }
        if (f.action() != null) {
            c.add(action.startsWith(f.action()));
        }
        if (f.from() != null) {
            c.add(at.ge(f.from().atStartOfDay(ProvinceTime.ZONE).toOffsetDateTime()));
        }
        if (f.to() != null) {
            c.add(at.lt(f.to().plusDays(1).atStartOfDay(ProvinceTime.ZONE).toOffsetDateTime()));
        }
        return DSL.and(c);
    }

    private static Entry entry(Record r, DirectorySnapshot dir) {
        long siteId = r.get(SITE_ID);
        String subdomain = r.get(SITE_SUBDOMAIN);
        String name = r.get(SITE_NAME);
        boolean deleted = subdomain != null;
        if (!deleted) {
            Tenant t = dir.byId(siteId);
            subdomain = t == null ? "" : t.subdomain();
            name = t == null ? "" : t.name();
        }
        return new Entry(r.get(ID), r.get(AT), siteId, subdomain, name, deleted, r.get(ACTOR), r.get(ACTION),
                r.get(SUBJECT), r.get(DETAIL), r.get(SOURCE_IP));
    }
}
