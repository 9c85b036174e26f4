package vn.gov.portal.pages;

import static vn.gov.portal.db.Tables.PAGES;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import vn.gov.portal.db.tables.records.PagesRecord;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.publishing.Actor;
import vn.gov.portal.publishing.ContentChanged;
import vn.gov.portal.publishing.HtmlPolicy;
import vn.gov.portal.tenancy.Tenant;

/**
 * The board's work on its site's pages (Giới thiệu and the pages ND 224 Đ9 asks of every site):
 * list them with what each still needs, write one, or confirm one is still right without changing
 * it. Each use case is one transaction in the site's scope with its audit entry; after the commit a
 * {@link ContentChanged} tells the page caches, as an article's approval does.
 *
 * <p>Pages have no approval step: a save is what visitors see. So only seats trusted to put text in
 * front of visitors on their own write them: editors (biên tập viên), the head and deputy heads, and
 * the site's content administrator. Contributors, whose articles someone else approves, may read
 * the list but not write. Only seats on this site's own board count (a province board's
 * {@code PROVINCE_*} roles do not), as for articles.
 */
@Singleton
public class PageService {
    private static final Role[] WRITERS = {Role.EDITOR, Role.DEPUTY_HEAD, Role.HEAD, Role.SITE_ADMIN};
    // Members (ủy viên, issue 12) read everything the board keeps; a secretary writes as an editor (Role).
    private static final Role[] READERS = {Role.CONTRIBUTOR, Role.EDITOR, Role.DEPUTY_HEAD, Role.HEAD,
            Role.SITE_ADMIN, Role.MEMBER};
    /** Pages are the board's own prose, not documents: a megabyte of HTML is far past any of them. */
    static final int MAX_BODY = 1_000_000;
    /** Everything stripped: what a reader would see as text. */
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    /**
     * One page as the board sees it.
     *
     * @param bodyHtml     null in lists
     * @param mandatoryKey the preset's key when the page is one the site must have
     * @param guidance     what a mandatory page must hold (the preset's words)
     * @param exists       false for a mandatory page the site has no row for yet (saving creates it)
     * @param placeholder  not yet written: not shown to visitors, and the site cannot go live
     * @param reviewedAt   when a board member last saved or confirmed it; null while a placeholder
     * @param reviewOverdue written, but not saved or confirmed for over {@link MandatoryPageGaps#REVIEW_MONTHS} months
     */
    public record Entry(String slug, String path, String title, @Nullable String bodyHtml,
                        @Nullable String mandatoryKey, @Nullable String guidance, @Nullable String legalBasis,
                        boolean exists, boolean placeholder, @Nullable OffsetDateTime updatedAt,
                        @Nullable OffsetDateTime reviewedAt, boolean reviewOverdue) {
        public boolean mandatory() {
            return mandatoryKey != null;
        }
    }

    private final TenantDb db;
    private final MandatoryPages mandatory;
    private final AuditLog audit;
    private final ApplicationEventPublisher<ContentChanged> events;

    public PageService(TenantDb db, MandatoryPages mandatory, AuditLog audit,
                       ApplicationEventPublisher<ContentChanged> events) {
        this.db = db;
        this.mandatory = mandatory;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The site's Vietnamese pages: its mandatory ones first, in the preset's order (those it has no
     * row for too), then the others (Giới thiệu first).
     */
    public List<Entry> list(Tenant site, Actor actor) {
        mustRead(actor);
        List<MandatoryPage> required = mandatory.forSite(site);
        List<PagesRecord> rows = db.read(TenantScope.of(site.id()), ctx -> ctx.selectFrom(PAGES)
                .where(PAGES.TENANT_ID.eq(site.id()), PAGES.LANGUAGE.eq("vi"))
                .orderBy(PAGES.SLUG.ne(PagePaths.INTRODUCTION), PAGES.TITLE).fetch());
        List<Entry> entries = new ArrayList<>();
        List<PagesRecord> others = new ArrayList<>(rows);
        for (MandatoryPage m : required) {
            PagesRecord row = rows.stream().filter(r -> m.key().equals(r.getMandatoryKey())).findFirst().orElse(null);
            others.remove(row);
            entries.add(entry(row, m, false));
        }
        others.forEach(r -> entries.add(entry(r, null, false)));
        return entries;
    }

    /** One page, with its text; a mandatory page the site has no row for yet comes back empty. */
    public Entry get(Tenant site, Actor actor, String slug) {
        mustRead(actor);
        List<MandatoryPage> required = mandatory.forSite(site);
        return db.read(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, required, false);
            return entry(found.row(), found.mandatory(), true);
        });
    }

    /** Writes a page (title optional: kept as it is when absent); a placeholder becomes written. */
    public Entry save(Tenant site, Actor actor, String slug, @Nullable String title, @Nullable String bodyHtml) {
        mustWrite(actor);
        String newTitle = VietnameseText.nfc(title == null ? null : title.strip());
        if (newTitle != null && (newTitle.isEmpty() || newTitle.length() > 300)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "page.title-invalid", "title");
        }
        String body = HtmlPolicy.sanitise(VietnameseText.nfc(bodyHtml == null ? "" : bodyHtml));
        if (body.length() > MAX_BODY) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "page.body-too-long", "bodyHtml");
        }
        if (!hasContent(body)) {
            // A page with nothing to read is what a placeholder is: saving one would only hide the gap.
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "page.body-required", "bodyHtml");
        }
        List<MandatoryPage> required = mandatory.forSite(site);
        Entry saved = db.write(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, required, true);
            OffsetDateTime now = OffsetDateTime.now();
            PagesRecord row = found.row();
            if (row == null) {
                MandatoryPage m = found.mandatory();
                row = ctx.newRecord(PAGES);
                row.setTenantId(site.id());
                row.setLanguage("vi");
                row.setSlug(m.slug());
                row.setTitle(m.title());
                row.setMandatoryKey(m.key());
            }
            boolean first = row.getPlaceholder() == null || row.getPlaceholder() || row.getId() == null;
            if (newTitle != null) {
                row.setTitle(newTitle);
            }
            row.setBodyHtml(body);
            row.setPlaceholder(false);
            row.setUpdatedAt(now);
            row.setReviewedAt(now);
            row.store();
            audit.recordWithDetail(ctx, site.id(), actor.label(), first ? "page.written" : "page.saved",
                    "page:" + row.getSlug(), null, detail(row));
            return entry(row, found.mandatory(), true);
        });
        events.publishEvent(new ContentChanged(site.id()));
        return saved;
    }

    /**
     * "Reviewed, nothing changed": a board member confirms the page is still right. The text and its
     * "last updated" stay; the review date moves, and visitors see it was checked.
     */
    public Entry markReviewed(Tenant site, Actor actor, String slug) {
        mustWrite(actor);
        List<MandatoryPage> required = mandatory.forSite(site);
        Entry reviewed = db.write(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, required, true);
            PagesRecord row = found.row();
            if (row == null || Boolean.TRUE.equals(row.getPlaceholder())) {
                throw new ProblemException(HttpStatus.CONFLICT, "page.review-unwritten", "page-unwritten");
            }
            row.setReviewedAt(OffsetDateTime.now());
            row.store();
            audit.recordWithDetail(ctx, site.id(), actor.label(), "page.reviewed", "page:" + row.getSlug(), null,
                    detail(row));
            return entry(row, found.mandatory(), true);
        });
        events.publishEvent(new ContentChanged(site.id()));
        return reviewed;
    }

    // ---------------------------------------------------------------------------------

    /** A page found by its address: its row, and the preset's entry when it is a mandatory one. */
    private record Found(@Nullable PagesRecord row, @Nullable MandatoryPage mandatory) {
    }

    /**
     * The in-tenant accessor: this site's page at {@code slug}, or the mandatory page of that
     * address it has no row for yet. Anything else, another site's page included, is the same 404.
     */
    private static Found find(DSLContext ctx, long tenantId, String slug, List<MandatoryPage> required,
                              boolean forUpdate) {
        var query = ctx.selectFrom(PAGES).where(PAGES.TENANT_ID.eq(tenantId), PAGES.LANGUAGE.eq("vi"),
                PAGES.SLUG.eq(slug));
        PagesRecord row = forUpdate ? query.forUpdate().fetchOne() : query.fetchOne();
        MandatoryPage m;
        if (row != null) {
            m = row.getMandatoryKey() == null ? null
                    : required.stream().filter(p -> p.key().equals(row.getMandatoryKey())).findFirst().orElse(null);
            return new Found(row, m);
        }
        m = required.stream().filter(p -> p.slug().equals(slug)).findFirst().orElse(null);
        if (m == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "page.not-found");
        }
        // The preset may have moved the page to a new address since the site's row was made.
        var byKey = ctx.selectFrom(PAGES).where(PAGES.TENANT_ID.eq(tenantId), PAGES.LANGUAGE.eq("vi"),
                PAGES.MANDATORY_KEY.eq(m.key()));
        return new Found(forUpdate ? byKey.forUpdate().fetchOne() : byKey.fetchOne(), m);
    }

    private static Entry entry(@Nullable PagesRecord row, @Nullable MandatoryPage m, boolean withBody) {
        if (row == null) {
            return new Entry(m.slug(), m.path(), m.title(), withBody ? "" : null, m.key(), m.guidance(),
                    m.legalBasis(), false, true, null, null, false);
        }
        boolean placeholder = Boolean.TRUE.equals(row.getPlaceholder());
        OffsetDateTime reviewed = placeholder ? null : latest(row.getReviewedAt(), row.getUpdatedAt());
        boolean overdue = reviewed != null
                && reviewed.isBefore(OffsetDateTime.now().minusMonths(MandatoryPageGaps.REVIEW_MONTHS));
        return new Entry(row.getSlug(), PagePaths.of(row.getSlug()), row.getTitle(),
                withBody ? row.getBodyHtml() : null, m == null ? null : m.key(), m == null ? null : m.guidance(),
                m == null ? null : m.legalBasis(), true, placeholder, row.getUpdatedAt(), reviewed, overdue);
    }

    private static @Nullable OffsetDateTime latest(@Nullable OffsetDateTime a, @Nullable OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String detail(PagesRecord row) {
        return row.getMandatoryKey() == null ? "{}" : "{\"mandatory\":\"" + row.getMandatoryKey() + "\"}";
    }

    /** Whether a sanitised body holds anything a reader would see: text, or an image. */
    static boolean hasContent(String html) {
        if (html.contains("<img")) {
            return true;
        }
        String text = TEXT_ONLY.sanitize(html).replace("&#160;", " ").replace("&nbsp;", " ").replace('\u00a0', ' ');
        return !text.isBlank();
    }

    private static void mustRead(Actor actor) {
        if (!actor.has(READERS)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "page.forbidden.read");
        }
    }

    private static void mustWrite(Actor actor) {
        if (!actor.has(WRITERS)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "page.forbidden.write");
        }
    }
}
