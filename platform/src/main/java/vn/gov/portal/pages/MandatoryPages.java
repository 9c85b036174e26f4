package vn.gov.portal.pages;

import static vn.gov.portal.db.Tables.PRESET_MANDATORY_PAGES;

import jakarta.inject.Singleton;
import java.util.List;
import org.jooq.DSLContext;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;

/**
 * The mandatory pages of each kind of site, from the site's province's regulation preset
 * ({@code preset_mandatory_pages}, V18): the one place that says which pages a department, a
 * commune or the province must have. Read afresh each time: it is read when a site is created,
 * goes live, or its board opens its pages, never on a visitor's page, so a province's edit to its
 * preset counts at once.
 */
@Singleton
public class MandatoryPages {
    private final TenantDb db;
    private final TenantDirectory directory;

    public MandatoryPages(TenantDb db, TenantDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    /** The pages {@code site} must have, in the preset's order. Not inside another transaction. */
    public List<MandatoryPage> forSite(Tenant site) {
        long presetId = presetOf(site);
        return db.directory(ctx -> read(ctx, presetId, site.kind()));
    }

    /** The preset a site follows: its province's. */
    long presetOf(Tenant site) {
        Long presetId = directory.snapshot().provinceOf(site).presetId();
        if (presetId == null) {
            throw new IllegalStateException("Province of site " + site.id() + " has no regulation preset");
        }
        return presetId;
    }

    /** The same, within a transaction already open (any scope: presets are platform rows). */
    public static List<MandatoryPage> read(DSLContext ctx, long presetId, TenantKind kind) {
        var m = PRESET_MANDATORY_PAGES;
        return ctx.selectFrom(m).where(m.PRESET_ID.eq(presetId), m.TENANT_KIND.eq(kind.name()))
                .orderBy(m.POSITION, m.PAGE_KEY)
                .fetch(r -> new MandatoryPage(r.getPageKey(), r.getSlug(), r.getTitle(), r.getGuidance(),
                        r.getPosition(), r.getLegalBasis()));
    }
}
