package vn.gov.portal.pages;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.PAGES;
import static vn.gov.portal.db.Tables.PAGE_REVISIONS;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.portal.db.tables.records.PageRevisionsRecord;
import vn.gov.portal.db.tables.records.PagesRecord;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.ContentChanged;
import vn.gov.portal.publishing.HtmlPolicy;
import vn.gov.portal.publishing.RevisionDiff;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The board's work on its site's pages (Giới thiệu and the pages ND 224 Đ9 asks of every site),
 * with the articles' workflow (TN Đ5.3, Đ10.1): every save is a revision kept whole; a page not yet
 * public is a draft until its writer submits it; a change to a public page waits for approval at
 * once, while visitors keep reading the approved text. A head or deputy head who did not write the
 * change approves it (the head alone may approve their own, with a written reason) or sends it back;
 * both name the revision they read, and a page that moved on since is a 409. A mandatory page stays
 * a placeholder until its first version is approved.
 *
 * <p>The {@code pages} row is what visitors read (the approved version, so the public site, the site
 * map, the feeds and {@link MandatoryPageGaps} read it unchanged); {@code page_revisions} holds the
 * board's work. Each use case is one transaction in the site's scope with its audit entry; a
 * {@link ContentChanged} follows only what changes the public page (an approval, "reviewed").
 *
 * <p>Writers are the articles' writers (contributors too, since nothing they write goes public
 * unapproved). The site's content administrator manages members, not content: it reads the list
 * (going live waits on it) but no longer writes; "reviewed, nothing changed" moves a date visitors
 * see without an approval, so it stays with editors, deputy heads and the head. Only seats on this
 * site's own board count, as for articles.
 */
@Singleton
public class PageService {
    /** The language pages are written in first; the others are translations of them. */
    public static final String VIETNAMESE = "vi";
    // Who writes, confirms, approves and reads pages: Permission's *_PAGES rows.
    /** Pages are the board's own prose, not documents: a megabyte of HTML is far past any of them. */
    static final int MAX_BODY = 1_000_000;
    /** Everything stripped: what a reader would see as text. */
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    /** Where a page stands, as the board's list shows it. */
    public enum State {
        /** A mandatory page nobody has written a word of. */
        PLACEHOLDER,
        /** Not yet public, written, not sent for approval (or sent back). */
        DRAFT,
        /** Not yet public, waiting for approval. */
        PENDING,
        /** Public, and the public text is the latest. */
        PUBLISHED,
        /** Public, with a change that was sent back and not yet sent again. */
        CHANGE_DRAFT,
        /** Public, with a change waiting for approval (visitors still read the approved text). */
        PENDING_CHANGE;

        public boolean pending() {
            return this == PENDING || this == PENDING_CHANGE;
        }

        public boolean submittable() {
            return this == DRAFT || this == CHANGE_DRAFT;
        }
    }

    /**
     * One page as the board sees it.
     *
     * @param title        the latest revision's title (the public one while nothing is being changed)
     * @param bodyHtml     the latest revision's text; null in lists
     * @param mandatoryKey the preset's key when the page is one the site must have
     * @param guidance     what a mandatory page must hold (the preset's words)
     * @param exists       false for a mandatory page the site has no row for yet (saving creates it)
     * @param placeholder  no version approved yet: not shown to visitors, and the site cannot go live
     * @param reviewedAt   when a board member last approved or confirmed it; null while a placeholder
     * @param reviewOverdue public, but not approved or confirmed for over {@link MandatoryPageGaps#REVIEW_MONTHS} months
     * @param revision     the latest revision (0: none kept yet)
     * @param publishedRevision the revision visitors read; null while none is approved (or for text
     *                     public before revisions were kept)
     * @param reviewReason why the last change was sent back
     * @param submittedBy  the account that sent the pending change
     * @param language     vi, or the language of a translation (whose public path then starts with it)
     */
    public record Entry(String slug, String path, String title, @Nullable String bodyHtml,
                        @Nullable String mandatoryKey, @Nullable String guidance, @Nullable String legalBasis,
                        boolean exists, boolean placeholder, @Nullable OffsetDateTime updatedAt,
                        @Nullable OffsetDateTime reviewedAt, boolean reviewOverdue, State state, int revision,
                        @Nullable Integer publishedRevision, @Nullable String reviewReason,
                        @Nullable Long submittedBy, String language) {
        public boolean mandatory() {
            return mandatoryKey != null;
        }
    }

    /** A revision as the history shows it; {@code savedBy} is null where the platform wrote it. */
    @Serdeable
    public record Revision(int revision, @Nullable Long savedBy, @Nullable String savedByName,
                           OffsetDateTime savedAt, @Nullable String note, String title, String bodyHtml,
                           boolean published) {
    }

    /** Two revisions and what changed between them, word by word. */
    public record Comparison(Revision from, Revision to, List<RevisionDiff.Part> title,
                             List<RevisionDiff.Part> body) {
    }

    private final TenantDb db;
    private final MandatoryPages mandatory;
    private final AuditLog audit;
    private final ApplicationEventPublisher<ContentChanged> events;
    private final TenantDirectory directory;
    private final Clock clock;

    public PageService(TenantDb db, MandatoryPages mandatory, AuditLog audit,
                       ApplicationEventPublisher<ContentChanged> events, TenantDirectory directory,
                       Clock clock) {
        this.directory = directory;
        this.db = db;
        this.mandatory = mandatory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The site's Vietnamese pages: its mandatory ones first, in the preset's order (those it has no
     * row for too), then the others (Giới thiệu first).
     */
    public List<Entry> list(Tenant site, Actor actor) {
        mustRead(actor);
        List<MandatoryPage> required = mandatory.forSite(site);
        // Each page with its latest revision, whose title is the one the board is working on.
        var found = db.read(TenantScope.of(site.id()), ctx -> ctx.select(PAGES.asterisk(), PAGE_REVISIONS.asterisk())
                .from(PAGES).leftJoin(PAGE_REVISIONS).on(PAGE_REVISIONS.TENANT_ID.eq(PAGES.TENANT_ID),
                        PAGE_REVISIONS.PAGE_ID.eq(PAGES.ID), PAGE_REVISIONS.REVISION.eq(PAGES.REVISION))
                .where(PAGES.TENANT_ID.eq(site.id()), PAGES.LANGUAGE.eq("vi"))
                .orderBy(PAGES.SLUG.ne(PagePaths.INTRODUCTION), PAGES.TITLE).fetch());
        Map<PagesRecord, PageRevisionsRecord> latest = new IdentityHashMap<>();
        List<PagesRecord> rows = new ArrayList<>();
        for (var r : found) {
            PagesRecord row = r.into(PAGES);
            rows.add(row);
            if (r.get(PAGE_REVISIONS.REVISION) != null) {
                latest.put(row, r.into(PAGE_REVISIONS));
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<PagesRecord> others = new ArrayList<>(rows);
        for (MandatoryPage m : required) {
            PagesRecord row = rows.stream().filter(r -> m.key().equals(r.getMandatoryKey())).findFirst().orElse(null);
            others.remove(row);
            entries.add(entry(row, row == null ? null : latest.get(row), m, false));
        }
        others.forEach(r -> entries.add(entry(r, latest.get(r), null, false)));
        return entries;
    }

    /** One page, with its latest text; a mandatory page the site has no row for yet comes back empty. */
    public Entry get(Tenant site, Actor actor, String slug, String language) {
        mustRead(actor);
        List<MandatoryPage> required = mandatory.forSite(site);
        offered(site, language);
        return db.read(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, language, required, false);
            if (found.row() == null && found.original() != null) {
                // A translation not begun: empty, under the original's address and title.
                PagesRecord o = found.original();
                MandatoryPage m = found.mandatory();
                return new Entry(o.getSlug(), "/" + language + PagePaths.of(o.getSlug()), o.getTitle(), "",
                        m == null ? null : m.key(), m == null ? null : m.guidance(), m == null ? null : m.legalBasis(),
                        false, true, null, null, false, State.PLACEHOLDER, 0, null, null, null, language);
            }
            return entry(found.row(), latest(ctx, found.row()), found.mandatory(), true);
        });
    }

    /**
     * Saves a new revision (title optional: the latest one kept when absent). On a public page it is a
     * change waiting for approval at once; otherwise a draft (or still pending, if it was).
     */
    public Entry save(Tenant site, Actor actor, String slug, String language, @Nullable String title,
                      @Nullable String bodyHtml) {
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
        offered(site, language);
        return db.write(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, language, required, true);
            PagesRecord row = found.row() != null ? found.row()
                    : found.original() != null ? translationRow(ctx, found.original(), language)
                    : placeholderRow(ctx, site.id(), found.mandatory());
            PageRevisionsRecord latest = baseline(ctx, row);
            String workingTitle = newTitle != null ? newTitle : latest != null ? latest.getTitle() : row.getTitle();
            PageRevisionsRecord saved = addRevision(ctx, row, actor, workingTitle, body, "saved");
            audit.recordWithDetail(ctx, site.id(), actor.label(), "page.saved", subject(row), null,
                    detail(row));
            return entry(row, saved, found.mandatory(), true);
        });
    }

    /** Sends a draft (a new page's, or a change sent back) for approval. */
    public Entry submit(Tenant site, Actor actor, String slug, String language) {
        mustWrite(actor);
        List<MandatoryPage> required = mandatory.forSite(site);
        offered(site, language);
        return db.write(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, language, required, true);
            PagesRecord row = found.row();
            if (row == null || !state(row).submittable()) {
                throw new ProblemException(HttpStatus.CONFLICT, "page.not-submittable", "page-state");
            }
            PageStatus.PENDING.on(row);
            row.setSubmittedBy(actor.accountId());
            row.setSubmittedAt(OffsetDateTime.now(clock));
            row.setReviewReason(null);
            row.store();
            audit.recordWithDetail(ctx, site.id(), actor.label(), "page.submitted", subject(row), null,
                    detail(row));
            return entry(row, latest(ctx, row), found.mandatory(), true);
        });
    }

    /**
     * Makes the pending revision what visitors read. Four eyes: nobody approves a change they wrote or
     * sent, except the head, by force, with a written reason the audit log keeps.
     *
     * @param expectedRevision the revision the approver read; 409 if the page has moved on since
     */
    public Entry approve(Tenant site, Actor actor, String slug, String language, @Nullable Integer expectedRevision,
                         @Nullable String forceReason) {
        mustReview(actor);
        String reason = VietnameseText.nfc(forceReason == null ? null : forceReason.strip());
        boolean forcing = reason != null && !reason.isEmpty();
        List<MandatoryPage> required = mandatory.forSite(site);
        offered(site, language);
        Entry approved = db.write(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, language, required, true);
            PagesRecord row = pendingAt(found.row(), expectedRevision);
            if (authors(ctx, row).contains(actor.accountId())) {
                if (!forcing) {
                    throw new ProblemException(HttpStatus.FORBIDDEN, "page.four-eyes");
                }
                actor.must(Permission.FORCE_APPROVE, "page.force-head-only");
            }
            PageRevisionsRecord latest = latest(ctx, row);
            boolean first = Boolean.TRUE.equals(row.getPlaceholder());
            OffsetDateTime now = OffsetDateTime.now(clock);
            row.setTitle(latest.getTitle());
            row.setBodyHtml(latest.getBodyHtml());
            row.setPlaceholder(false);
            row.setPublishedRevision(row.getRevision());
            PageStatus.PUBLISHED.on(row);
            row.setSubmittedBy(null);
            row.setSubmittedAt(null);
            row.setReviewReason(null);
            row.setUpdatedAt(now);
            row.setReviewedAt(now);
            row.store();
            String detail = "{\"revision\":" + row.getRevision() + ",\"first\":" + first
                    + (row.getMandatoryKey() == null ? "" : ",\"mandatory\":\"" + row.getMandatoryKey() + "\"")
                    + (forcing ? ",\"reason\":" + quote(reason) : "") + "}";
            audit.recordWithDetail(ctx, site.id(), actor.label(), forcing ? "page.force_approved" : "page.approved",
                    subject(row), null, detail);
            return entry(row, latest, found.mandatory(), true);
        });
        events.publishEvent(new ContentChanged(site.id()));
        return approved;
    }

    /** Sends the pending revision back to its writers with a reason; visitors' text does not change. */
    public Entry reject(Tenant site, Actor actor, String slug, String language, @Nullable Integer expectedRevision,
                        @Nullable String reason) {
        mustReview(actor);
        String why = VietnameseText.nfc(reason == null ? null : reason.strip());
        if (why == null || why.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "page.reason-required", "reason");
        }
        List<MandatoryPage> required = mandatory.forSite(site);
        offered(site, language);
        return db.write(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, language, required, true);
            PagesRecord row = pendingAt(found.row(), expectedRevision);
            PageStatus.DRAFT.on(row);
            row.setReviewReason(why);
            row.store();
            audit.recordWithDetail(ctx, site.id(), actor.label(), "page.rejected", subject(row), null,
                    "{\"revision\":" + row.getRevision() + ",\"reason\":" + quote(why) + "}");
            return entry(row, latest(ctx, row), found.mandatory(), true);
        });
    }

    /** The page's revisions, newest first. */
    public List<Revision> revisions(Tenant site, Actor actor, String slug, String language) {
        mustRead(actor);
        List<MandatoryPage> required = mandatory.forSite(site);
        offered(site, language);
        return db.read(TenantScope.of(site.id()), ctx -> {
            PagesRecord row = find(ctx, site.id(), slug, language, required, false).row();
            if (row == null) {
                return List.of();
            }
            return ctx.select(PAGE_REVISIONS.asterisk(), ACCOUNTS.FULL_NAME).from(PAGE_REVISIONS)
                    .leftJoin(ACCOUNTS).on(ACCOUNTS.ID.eq(PAGE_REVISIONS.SAVED_BY))
                    .where(PAGE_REVISIONS.TENANT_ID.eq(site.id()), PAGE_REVISIONS.PAGE_ID.eq(row.getId()))
                    .orderBy(PAGE_REVISIONS.REVISION.desc())
                    .fetch(r -> revision(r.into(PAGE_REVISIONS), r.get(ACCOUNTS.FULL_NAME), row));
        });
    }

    /** What changed from revision {@code from} to revision {@code to}. */
    public Comparison compare(Tenant site, Actor actor, String slug, String language, int from, int to) {
        List<Revision> all = revisions(site, actor, slug, language);
        Revision a = all.stream().filter(r -> r.revision() == from).findFirst().orElseThrow(
                () -> new ProblemException(HttpStatus.NOT_FOUND, "page.revision-not-found"));
        Revision b = all.stream().filter(r -> r.revision() == to).findFirst().orElseThrow(
                () -> new ProblemException(HttpStatus.NOT_FOUND, "page.revision-not-found"));
        return new Comparison(a, b, RevisionDiff.words(a.title(), b.title()),
                RevisionDiff.words(a.bodyHtml(), b.bodyHtml()));
    }

    /**
     * What the pending change would do to the public page: the approved revision against the latest
     * (against nothing for a page never approved). Null when nothing waits.
     */
    public @Nullable Comparison pendingChange(Tenant site, Actor actor, String slug, String language) {
        List<Revision> all = revisions(site, actor, slug, language);
        if (all.isEmpty()) {
            return null;
        }
        Revision to = all.getFirst();
        Revision from = all.stream().filter(Revision::published).findFirst().orElse(
                new Revision(0, null, null, to.savedAt(), null, "", "", false));
        return new Comparison(from, to, RevisionDiff.words(from.title(), to.title()),
                RevisionDiff.words(from.bodyHtml(), to.bodyHtml()));
    }

    /**
     * Brings an old revision's text back as a new revision: history is never rewritten, and like any
     * change it waits for approval before visitors see it.
     */
    public Entry restore(Tenant site, Actor actor, String slug, String language, int revision) {
        mustWrite(actor);
        List<MandatoryPage> required = mandatory.forSite(site);
        offered(site, language);
        return db.write(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, language, required, true);
            PagesRecord row = found.row();
            PageRevisionsRecord old = row == null ? null : ctx.selectFrom(PAGE_REVISIONS)
                    .where(PAGE_REVISIONS.TENANT_ID.eq(site.id()), PAGE_REVISIONS.PAGE_ID.eq(row.getId()),
                            PAGE_REVISIONS.REVISION.eq(revision)).fetchOne();
            if (old == null) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "page.revision-not-found");
            }
            PageRevisionsRecord saved = addRevision(ctx, row, actor, old.getTitle(), old.getBodyHtml(),
                    "restored from revision " + revision);
            audit.recordWithDetail(ctx, site.id(), actor.label(), "page.restored", subject(row), null,
                    "{\"from\":" + revision + ",\"revision\":" + saved.getRevision() + "}");
            return entry(row, saved, found.mandatory(), true);
        });
    }

    /**
     * "Reviewed, nothing changed": a board member confirms the public page is still right. The text and
     * its "last updated" stay; the review date moves, and visitors see it was checked.
     */
    public Entry markReviewed(Tenant site, Actor actor, String slug, String language) {
        actor.must(Permission.CONFIRM_PAGES);
        List<MandatoryPage> required = mandatory.forSite(site);
        offered(site, language);
        Entry reviewed = db.write(TenantScope.of(site.id()), ctx -> {
            Found found = find(ctx, site.id(), slug, language, required, true);
            PagesRecord row = found.row();
            if (row == null || Boolean.TRUE.equals(row.getPlaceholder())) {
                throw new ProblemException(HttpStatus.CONFLICT, "page.review-unwritten", "page-unwritten");
            }
            row.setReviewedAt(OffsetDateTime.now(clock));
            row.store();
            audit.recordWithDetail(ctx, site.id(), actor.label(), "page.reviewed", subject(row), null,
                    detail(row));
            return entry(row, latest(ctx, row), found.mandatory(), true);
        });
        events.publishEvent(new ContentChanged(site.id()));
        return reviewed;
    }

    // ---------------------------------------------------------------------------------

    /**
     * A page found by its address: its row, the preset's entry when it is a mandatory one, and for a
     * translation the Vietnamese original's row.
     */
    private record Found(@Nullable PagesRecord row, @Nullable MandatoryPage mandatory,
                         @Nullable PagesRecord original) {
    }

    /**
     * The in-tenant accessor: this site's page at {@code slug} in {@code language}, or the mandatory
     * page of that address it has no row for yet, or the translation not yet begun of a page it has.
     * Anything else, another site's page included, is the same 404.
     */
    private Found find(DSLContext ctx, long tenantId, String slug, String language,
                              List<MandatoryPage> required, boolean forUpdate) {
        if (!language.equals(VIETNAMESE)) {
            Found original = find(ctx, tenantId, slug, VIETNAMESE, required, false);
            if (original.row() == null) {
                // Nothing to translate: the page exists only as the preset's entry.
                throw new ProblemException(HttpStatus.NOT_FOUND, "page.not-found");
            }
            var query = ctx.selectFrom(PAGES).where(PAGES.TENANT_ID.eq(tenantId), PAGES.LANGUAGE.eq(language),
                    PAGES.SLUG.eq(original.row().getSlug()));
            return new Found(forUpdate ? query.forUpdate().fetchOne() : query.fetchOne(), original.mandatory(),
                    original.row());
        }
        var query = ctx.selectFrom(PAGES).where(PAGES.TENANT_ID.eq(tenantId), PAGES.LANGUAGE.eq(VIETNAMESE),
                PAGES.SLUG.eq(slug));
        PagesRecord row = forUpdate ? query.forUpdate().fetchOne() : query.fetchOne();
        MandatoryPage m;
        if (row != null) {
            m = row.getMandatoryKey() == null ? null
                    : required.stream().filter(p -> p.key().equals(row.getMandatoryKey())).findFirst().orElse(null);
            return new Found(row, m, null);
        }
        m = required.stream().filter(p -> p.slug().equals(slug)).findFirst().orElse(null);
        if (m == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "page.not-found");
        }
        // The preset may have moved the page to a new address since the site's row was made.
        var byKey = ctx.selectFrom(PAGES).where(PAGES.TENANT_ID.eq(tenantId), PAGES.LANGUAGE.eq(VIETNAMESE),
                PAGES.MANDATORY_KEY.eq(m.key()));
        return new Found(forUpdate ? byKey.forUpdate().fetchOne() : byKey.fetchOne(), m, null);
    }

    /**
     * The row of a translation just begun: not public until its first version is approved, under the
     * original's address and mandatory key (so the public site finds it in the visitor's language).
     */
    private PagesRecord translationRow(DSLContext ctx, PagesRecord original, String language) {
        PagesRecord row = ctx.newRecord(PAGES);
        row.setTenantId(original.getTenantId());
        row.setLanguage(language);
        row.setSlug(original.getSlug());
        row.setTitle(original.getTitle());
        row.setBodyHtml("");
        row.setMandatoryKey(original.getMandatoryKey());
        row.setPlaceholder(true);
        row.setRevision(0);
        PageStatus.DRAFT.on(row);
        row.setUpdatedAt(OffsetDateTime.now(clock));
        row.setReviewedAt(null);
        row.store();
        return row;
    }

    /** Vietnamese, or a language the site's province offers; anything else is refused. */
    private void offered(Tenant site, String language) {
        if (!language.equals(VIETNAMESE) && !directory.snapshot().languagesOf(site).contains(language)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "page.language-not-offered", "language");
        }
    }

    /**
     * Where each page's translations stand, by the Vietnamese page's address and language, for the
     * languages the site offers besides Vietnamese (a language absent: not begun).
     */
    public Map<String, Map<String, State>> translations(Tenant site, Actor actor) {
        mustRead(actor);
        List<String> languages = translationLanguages(site);
        if (languages.isEmpty()) {
            return Map.of();
        }
        return db.read(TenantScope.of(site.id()), ctx -> {
            Map<String, Map<String, State>> states = new HashMap<>();
            for (PagesRecord r : ctx.selectFrom(PAGES).where(PAGES.TENANT_ID.eq(site.id()),
                    PAGES.LANGUAGE.in(languages)).fetch()) {
                states.computeIfAbsent(r.getSlug(), k -> new TreeMap<>()).put(r.getLanguage(), state(r));
            }
            return states;
        });
    }

    /** The languages the site offers besides Vietnamese, in the province's order. */
    public List<String> translationLanguages(Tenant site) {
        return directory.snapshot().languagesOf(site).stream().filter(l -> !l.equals(VIETNAMESE)).toList();
    }

    /** A row for a mandatory page the preset gained after the site was made: a placeholder until approved. */
    private PagesRecord placeholderRow(DSLContext ctx, long tenantId, MandatoryPage m) {
        PagesRecord row = ctx.newRecord(PAGES);
        row.setTenantId(tenantId);
        row.setLanguage("vi");
        row.setSlug(m.slug());
        row.setTitle(m.title());
        row.setBodyHtml("");
        row.setMandatoryKey(m.key());
        row.setPlaceholder(true);
        row.setRevision(0);
        PageStatus.DRAFT.on(row);
        row.setUpdatedAt(OffsetDateTime.now(clock));
        row.setReviewedAt(null);
        row.store();
        return row;
    }

    /**
     * The latest revision, after keeping the public text of a page written before revisions were
     * kept as its revision 1 (so the first change has something to be compared with and restored to).
     */
    private @Nullable PageRevisionsRecord baseline(DSLContext ctx, PagesRecord row) {
        if (row.getRevision() > 0 || Boolean.TRUE.equals(row.getPlaceholder())) {
            return latest(ctx, row);
        }
        row.setRevision(1);
        row.setPublishedRevision(1);
        PageStatus.PUBLISHED.on(row);
        row.store();
        ctx.insertInto(PAGE_REVISIONS).set(PAGE_REVISIONS.TENANT_ID, row.getTenantId())
                .set(PAGE_REVISIONS.PAGE_ID, row.getId()).set(PAGE_REVISIONS.REVISION, 1)
                .set(PAGE_REVISIONS.NOTE, "public before revisions were kept")
                .set(PAGE_REVISIONS.SAVED_AT, row.getUpdatedAt() == null ? OffsetDateTime.now(clock) : row.getUpdatedAt())
                .set(PAGE_REVISIONS.TITLE, row.getTitle()).set(PAGE_REVISIONS.BODY_HTML, row.getBodyHtml()).execute();
        return latest(ctx, row);
    }

    /**
     * A new revision and where the page then stands: a change to a public page waits for approval at
     * once (the writer saved it to be seen); a page not yet public stays a draft, or pending if it was.
     */
    private PageRevisionsRecord addRevision(DSLContext ctx, PagesRecord row, Actor actor, String title,
                                                   String body, String note) {
        baseline(ctx, row);
        OffsetDateTime now = OffsetDateTime.now(clock);
        row.setRevision(row.getRevision() + 1);
        if (!Boolean.TRUE.equals(row.getPlaceholder())) {
            PageStatus.PENDING.on(row);
            row.setSubmittedBy(actor.accountId());
            row.setSubmittedAt(now);
            row.setReviewReason(null);
        } else if (PageStatus.of(row) != PageStatus.PENDING) {
            PageStatus.DRAFT.on(row);
        }
        row.store();
        PageRevisionsRecord r = ctx.newRecord(PAGE_REVISIONS);
        r.setTenantId(row.getTenantId());
        r.setPageId(row.getId());
        r.setRevision(row.getRevision());
        r.setSavedBy(actor.accountId());
        r.setSavedAt(now);
        r.setNote(note);
        r.setTitle(title);
        r.setBodyHtml(body);
        r.insert();
        return r;
    }

    private static @Nullable PageRevisionsRecord latest(DSLContext ctx, @Nullable PagesRecord row) {
        if (row == null || row.getRevision() == null || row.getRevision() == 0) {
            return null;
        }
        return ctx.selectFrom(PAGE_REVISIONS).where(PAGE_REVISIONS.TENANT_ID.eq(row.getTenantId()),
                PAGE_REVISIONS.PAGE_ID.eq(row.getId()), PAGE_REVISIONS.REVISION.eq(row.getRevision())).fetchOne();
    }

    /** The row of a page waiting for approval at the revision the reviewer read, or why not. */
    private static PagesRecord pendingAt(@Nullable PagesRecord row, @Nullable Integer expectedRevision) {
        if (expectedRevision == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "page.expected-revision-required",
                    "expectedRevision");
        }
        if (row == null || !state(row).pending()) {
            throw new ProblemException(HttpStatus.CONFLICT, "page.not-pending", "page-state");
        }
        if (row.getRevision() != expectedRevision.intValue()) {
            throw new ProblemException(HttpStatus.CONFLICT, "page.moved-on", "expectedRevision");
        }
        return row;
    }

    /** Everyone who wrote or sent the change now waiting: none of them may approve it. */
    private static Set<Long> authors(DSLContext ctx, PagesRecord row) {
        int approved = row.getPublishedRevision() == null ? 0 : row.getPublishedRevision();
        Set<Long> ids = new HashSet<>(ctx.selectDistinct(PAGE_REVISIONS.SAVED_BY)
                .from(PAGE_REVISIONS).where(PAGE_REVISIONS.TENANT_ID.eq(row.getTenantId()),
                        PAGE_REVISIONS.PAGE_ID.eq(row.getId()), PAGE_REVISIONS.REVISION.gt(approved),
                        PAGE_REVISIONS.SAVED_BY.isNotNull())
                .fetch(PAGE_REVISIONS.SAVED_BY));
        if (row.getSubmittedBy() != null) {
            ids.add(row.getSubmittedBy());
        }
        return ids;
    }

    static State state(@Nullable PagesRecord row) {
        if (row == null) {
            return State.PLACEHOLDER;
        }
        boolean pending = PageStatus.of(row) == PageStatus.PENDING;
        if (Boolean.TRUE.equals(row.getPlaceholder())) {
            return row.getRevision() == null || row.getRevision() == 0 ? State.PLACEHOLDER
                    : pending ? State.PENDING : State.DRAFT;
        }
        if (row.getRevision() == null || row.getRevision() == 0
                || row.getRevision().equals(row.getPublishedRevision())) {
            return State.PUBLISHED;
        }
        return pending ? State.PENDING_CHANGE : State.CHANGE_DRAFT;
    }

    private static Revision revision(PageRevisionsRecord r, @Nullable String name, PagesRecord row) {
        return new Revision(r.getRevision(), r.getSavedBy(), name, r.getSavedAt(), r.getNote(), r.getTitle(),
                r.getBodyHtml(), r.getRevision().equals(row.getPublishedRevision()));
    }

    private Entry entry(@Nullable PagesRecord row, @Nullable PageRevisionsRecord latest,
                               @Nullable MandatoryPage m, boolean withBody) {
        if (row == null) {
            return new Entry(m.slug(), m.path(), m.title(), withBody ? "" : null, m.key(), m.guidance(),
                    m.legalBasis(), false, true, null, null, false, State.PLACEHOLDER, 0, null, null, null, VIETNAMESE);
        }
        boolean placeholder = Boolean.TRUE.equals(row.getPlaceholder());
        OffsetDateTime reviewed = placeholder ? null : latest(row.getReviewedAt(), row.getUpdatedAt());
        boolean overdue = reviewed != null
                && reviewed.isBefore(OffsetDateTime.now(clock).minusMonths(MandatoryPageGaps.REVIEW_MONTHS));
        String title = latest != null ? latest.getTitle() : row.getTitle();
        String body = latest != null ? latest.getBodyHtml() : row.getBodyHtml();
        String path = (VIETNAMESE.equals(row.getLanguage()) ? "" : "/" + row.getLanguage()) + PagePaths.of(row.getSlug());
        return new Entry(row.getSlug(), path, title, withBody ? body : null,
                m == null ? null : m.key(), m == null ? null : m.guidance(), m == null ? null : m.legalBasis(),
                true, placeholder, row.getUpdatedAt(), reviewed, overdue, state(row),
                row.getRevision() == null ? 0 : row.getRevision(), row.getPublishedRevision(), row.getReviewReason(),
                row.getSubmittedBy(), row.getLanguage());
    }

    private static @Nullable OffsetDateTime latest(@Nullable OffsetDateTime a, @Nullable OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** The audit subject: the page's address, and the language of a translation. */
    private static String subject(PagesRecord row) {
        return "page:" + row.getSlug() + (VIETNAMESE.equals(row.getLanguage()) ? "" : ":" + row.getLanguage());
    }

    /** What an audit entry of the page tells later readers: the revision it concerns, mandatory key, language. */
    private static String detail(PagesRecord row) {
        return "{\"revision\":" + row.getRevision()
                + (row.getMandatoryKey() == null ? "" : ",\"mandatory\":\"" + row.getMandatoryKey() + "\"")
                + (VIETNAMESE.equals(row.getLanguage()) ? "" : ",\"language\":\"" + row.getLanguage() + "\"") + "}";
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
        actor.must(Permission.READ_PAGES);
    }

    private static void mustReview(Actor actor) {
        actor.must(Permission.REVIEW_PAGES);
    }

    /** A JSON string for an audit entry's detail. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static void mustWrite(Actor actor) {
        actor.must(Permission.WRITE_PAGES);
    }
}
