package vn.gov.portal.site;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.List;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.pages.PagePaths;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/** Lists a site's static pages (jOOQ); single pages come from {@link PageRepository}. */
@Singleton
public class SitePageQueries {
    /** A static page as the theme shows it; {@code path} is its address without a language prefix. */
    public record StaticPage(String slug, String path, String title, String bodyHtml, OffsetDateTime updatedAt,
                             boolean mandatory) {
        /** One of the pages under Giới thiệu (not the section's own page, contact or channels). */
        public boolean inSection() {
            return !PagePaths.topLevel(slug);
        }
    }

    private final TenantDb db;
    private final TenantDirectory directory;

    public SitePageQueries(TenantDb db, TenantDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    /**
     * The site's written pages in {@code language}: Giới thiệu first, then its mandatory pages in
     * the preset's order, then the others by title. Placeholders are left out: visitors see only
     * pages with something to read (see SiteController#staticPage).
     */
    public List<StaticPage> list(Tenant site, String language) {
        Long presetId = directory.snapshot().provinceOf(site).presetId();
        return db.read(TenantScope.of(site.id()), ctx -> ctx.fetch("""
                SELECT p.slug, p.title, p.body_html, p.updated_at, m.page_key IS NOT NULL AS mandatory
                FROM pages p
                LEFT JOIN preset_mandatory_pages m
                  ON m.preset_id = ? AND m.tenant_kind = ? AND m.page_key = p.mandatory_key
                WHERE p.tenant_id = ? AND p.language = ? AND NOT p.placeholder
                ORDER BY p.slug <> ?, m.position NULLS LAST, p.title""",
                presetId, site.kind().name(), site.id(), language, PagePaths.INTRODUCTION)
                .map(r -> new StaticPage(r.get(0, String.class), PagePaths.of(r.get(0, String.class)),
                        r.get(1, String.class), r.get(2, String.class), r.get(3, OffsetDateTime.class),
                        r.get(4, Boolean.class))));
    }
}
