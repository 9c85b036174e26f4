package vn.gov.portal.pages;

import static vn.gov.portal.db.Tables.PAGES;
import static vn.gov.portal.db.Tables.PAGE_REVISIONS;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.text.Html;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.tenancy.SiteInitializer;

/**
 * Every new site starts with its introduction page (a short overview its board rewrites at will)
 * and one placeholder for each page its kind must publish (ND 224/2026 Đ9, Đ10.3; the list is
 * the preset's, {@link MandatoryPages}). A placeholder is not yet written: visitors never see it,
 * the board's page list flags it, and the site cannot go live until a first version of every one
 * is approved ({@link PageService}).
 */
@Singleton
public class SitePagesInitializer implements SiteInitializer {
    private final TenantDb db;
    private final Clock clock;

    public SitePagesInitializer(TenantDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void initialise(CreatedSite site) {
        // Runs inside the creating transaction, whose scope already includes the new site.
        db.joining(ctx -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            String name = Html.escape(VietnameseText.nfc(site.name()));
            String intro = "<p>Trang giới thiệu " + name + ": tổ chức, lãnh đạo và những thông tin "
                    + "cơ quan công khai theo quy định.</p>";
            // The overview is public from the start, as its approved revision 1 (written by the platform).
            long introId = ctx.insertInto(PAGES).set(PAGES.TENANT_ID, site.id()).set(PAGES.LANGUAGE, "vi")
                    .set(PAGES.SLUG, PagePaths.INTRODUCTION).set(PAGES.TITLE, "Giới thiệu")
                    .set(PAGES.BODY_HTML, intro).set(PAGES.REVISION, 1).set(PAGES.PUBLISHED_REVISION, 1)
                    .set(PAGES.STATUS, PageStatus.PUBLISHED.name()).set(PAGES.UPDATED_AT, now).set(PAGES.REVIEWED_AT, now)
                    .returning(PAGES.ID).fetchOne().getId();
            ctx.insertInto(PAGE_REVISIONS).set(PAGE_REVISIONS.TENANT_ID, site.id()).set(PAGE_REVISIONS.PAGE_ID, introId)
                    .set(PAGE_REVISIONS.REVISION, 1).set(PAGE_REVISIONS.SAVED_AT, now)
                    .set(PAGE_REVISIONS.NOTE, "created with the site").set(PAGE_REVISIONS.TITLE, "Giới thiệu")
                    .set(PAGE_REVISIONS.BODY_HTML, intro).execute();
            // Placeholders have no revision: the board's first save is revision 1, a draft.
            var placeholders = ctx.insertInto(PAGES, PAGES.TENANT_ID, PAGES.LANGUAGE, PAGES.SLUG, PAGES.TITLE,
                    PAGES.BODY_HTML, PAGES.MANDATORY_KEY, PAGES.PLACEHOLDER, PAGES.STATUS, PAGES.UPDATED_AT,
                    PAGES.REVIEWED_AT);
            var pages = MandatoryPages.read(ctx, site.presetId(), site.kind());
            for (MandatoryPage page : pages) {
                placeholders = placeholders.values(site.id(), "vi", page.slug(), page.title(), "", page.key(), true,
                        PageStatus.DRAFT.name(), now, null);
            }
            if (!pages.isEmpty()) {
                placeholders.execute();
            }
            return null;
        });
    }
}
