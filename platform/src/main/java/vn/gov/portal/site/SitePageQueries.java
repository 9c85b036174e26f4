package vn.gov.portal.site;

import static vn.gov.portal.db.Tables.PAGES;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;

/** Reads a site's static pages; always within the site's scope. */
@Singleton
public class SitePageQueries {
    /** A static page as the theme shows it. */
    public record StaticPage(String slug, String title, String bodyHtml, OffsetDateTime updatedAt) {
    }

    private final TenantDb db;

    public SitePageQueries(TenantDb db) {
        this.db = db;
    }

    public Optional<StaticPage> find(TenantScope scope, String language, String slug) {
        return db.read(scope, ctx -> ctx.selectFrom(PAGES)
                .where(PAGES.LANGUAGE.eq(language), PAGES.SLUG.eq(slug))
                .fetchOptional(r -> new StaticPage(r.getSlug(), r.getTitle(), r.getBodyHtml(), r.getUpdatedAt())));
    }

    public List<StaticPage> list(TenantScope scope, String language) {
        return db.read(scope, ctx -> ctx.selectFrom(PAGES).where(PAGES.LANGUAGE.eq(language)).orderBy(PAGES.TITLE)
                .fetch(r -> new StaticPage(r.getSlug(), r.getTitle(), r.getBodyHtml(), r.getUpdatedAt())));
    }
}
