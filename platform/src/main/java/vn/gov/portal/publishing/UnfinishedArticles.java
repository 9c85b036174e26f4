package vn.gov.portal.publishing;

import static vn.gov.portal.db.Tables.ARTICLES;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import vn.gov.portal.identity.UnfinishedWork;

/** A leaving member's drafts and items awaiting review become their colleague's (identity's handover). */
@Singleton
class UnfinishedArticles implements UnfinishedWork {

    @Override
    public int handOver(DSLContext ctx, long tenantId, long leaving, long to) {
        return ctx.update(ARTICLES).set(ARTICLES.AUTHOR_ID, to)
                .where(ARTICLES.TENANT_ID.eq(tenantId), ARTICLES.AUTHOR_ID.eq(leaving),
                        ARTICLES.STATUS.in("DRAFT", "PENDING"))
                .execute();
    }
}
