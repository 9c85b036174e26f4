package vn.gov.portal.site;

import static vn.gov.portal.db.Tables.PAGES;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.List;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;

/** Lists a site's static pages (jOOQ); single pages come from {@link PageRepository}. */
@Singleton
public class SitePageQueries {
    /** A static page as the theme shows it. */
    public record StaticPage(String slug, String title, String bodyHtml, OffsetDateTime updatedAt) {
    }

    private final TenantDb db;

    public SitePageQueries(TenantDb db) {
        this.db = db;
    }

    public List<StaticPage> list(TenantScope scope, String language) {
        return db.read(scope, ctx -> ctx.selectFrom(PAGES).where(PAGES.LANGUAGE.eq(language)).orderBy(PAGES.TITLE)
                .fetch(r -> new StaticPage(r.getSlug(), r.getTitle(), r.getBodyHtml(), r.getUpdatedAt())));
    }
}
