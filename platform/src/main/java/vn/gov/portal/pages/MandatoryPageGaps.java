package vn.gov.portal.pages;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * Which mandatory pages sites lack, have not written yet, or have not reviewed for a while: the one
 * call going live, the board's reminders, a conformance scan and the province's dashboard share.
 * One query for any number of sites (a province's whole subtree).
 *
 * <p>It checks no rights: the caller has (a site's own board, or the province's admins for their
 * subtree), and the read is scoped to exactly the sites asked about.
 */
@Singleton
public class MandatoryPageGaps {
    /**
     * How long a written page may go without a board member confirming it before the board is
     * reminded. ND 224 says only "update as soon as something changes" and asks for a reminder of
     * pages not reviewed "for a long time"; a year matches the annual financial report, the one
     * page that changes on a calendar.
     */
    public static final int REVIEW_MONTHS = 12;

    /** What is wrong with one mandatory page of one site. */
    public enum State {
        /** No page at all (the preset gained it after the site was made, or a merge or import left it out). */
        MISSING,
        /** Made with the site, never written. */
        PLACEHOLDER,
        /** Written, but nobody has saved or confirmed it within the period asked about. */
        NOT_REVIEWED
    }

    /**
     * @param title        the page's title as the site shows it (the preset's while it is missing)
     * @param lastReviewed when a board member last saved or confirmed it; null unless written
     */
    public record Gap(long tenantId, String key, String slug, String title, State state,
                      @Nullable OffsetDateTime lastReviewed) {
        /** Missing or a placeholder: what keeps a site from going live. */
        public boolean unwritten() {
            return state != State.NOT_REVIEWED;
        }

        public String path() {
            return PagePaths.of(slug);
        }
    }

    private final TenantDb db;
    private final MandatoryPages mandatory;
    private final TenantScopes scopes;

    public MandatoryPageGaps(TenantDb db, MandatoryPages mandatory, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.mandatory = mandatory;
    }

    /** {@code site}'s mandatory pages that are missing, unwritten, or unreviewed for over {@code months}. */
    public List<Gap> of(Tenant site, int months) {
        return of(List.of(site), months).getOrDefault(site.id(), List.of());
    }

    /** The pages that keep {@code site} from going live: missing or never written. */
    public List<Gap> unwritten(Tenant site) {
        return gaps(List.of(site), null).getOrDefault(site.id(), List.of());
    }

    /** {@link #unwritten(Tenant)} for many sites at once, by site id; sites with none are absent. */
    public Map<Long, List<Gap>> unwritten(Collection<Tenant> sites) {
        return gaps(sites, null);
    }

    /**
     * The same for many sites at once, by site id; sites with no gap are absent. Not inside
     * another transaction.
     */
    public Map<Long, List<Gap>> of(Collection<Tenant> sites, int months) {
        if (months < 0) {
            throw new IllegalArgumentException("months must not be negative: " + months);
        }
        return gaps(sites, months);
    }

    private Map<Long, List<Gap>> gaps(Collection<Tenant> sites, @Nullable Integer months) {
        Map<Long, List<Gap>> gaps = new LinkedHashMap<>();
        if (sites.isEmpty()) {
            return gaps;
        }
        Long[] ids = new Long[sites.size()];
        Long[] presets = new Long[sites.size()];
        String[] kinds = new String[sites.size()];
        int i = 0;
        for (Tenant site : sites) {
            ids[i] = site.id();
            presets[i] = mandatory.presetOf(site);
            kinds[i] = site.kind().name();
            i++;
        }
        // A page counts as reviewed when it was last saved or confirmed (a save stamps both).
        var rows = db.read(scopes.sitesOfOneProvince(List.of(ids)), ctx -> ctx.fetch("""
                SELECT s.tenant_id, m.page_key, coalesce(p.slug, m.slug) AS slug, coalesce(p.title, m.title) AS title,
                       p.id IS NULL AS missing, coalesce(p.placeholder, false) AS placeholder,
                       CASE WHEN p.placeholder THEN NULL ELSE greatest(p.reviewed_at, p.updated_at) END AS reviewed
                FROM unnest(?::bigint[], ?::bigint[], ?::text[]) AS s (tenant_id, preset_id, kind)
                JOIN preset_mandatory_pages m ON m.preset_id = s.preset_id AND m.tenant_kind = s.kind
                LEFT JOIN pages p ON p.tenant_id = s.tenant_id AND p.language = 'vi' AND p.mandatory_key = m.page_key
                WHERE p.id IS NULL OR p.placeholder
                   OR (?::integer IS NOT NULL
                       AND greatest(p.reviewed_at, p.updated_at) < now() - make_interval(months => ?::integer))
                ORDER BY s.tenant_id, m.position, m.page_key""",
                DSL.val(ids, SQLDataType.BIGINT.array()),
                DSL.val(presets, SQLDataType.BIGINT.array()),
                DSL.val(kinds, SQLDataType.CLOB.array()),
                DSL.val(months, SQLDataType.INTEGER),
                DSL.val(months, SQLDataType.INTEGER)));
        for (var r : rows) {
            State state = r.get("missing", Boolean.class) ? State.MISSING
                    : r.get("placeholder", Boolean.class) ? State.PLACEHOLDER : State.NOT_REVIEWED;
            long tenant = r.get("tenant_id", Long.class);
            gaps.computeIfAbsent(tenant, t -> new ArrayList<>()).add(new Gap(tenant, r.get("page_key", String.class),
                    r.get("slug", String.class), r.get("title", String.class), state,
                    r.get("reviewed", OffsetDateTime.class)));
        }
        return gaps;
    }
}
