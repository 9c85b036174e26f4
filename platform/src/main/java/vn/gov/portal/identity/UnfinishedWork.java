package vn.gov.portal.identity;

import org.jooq.DSLContext;

/**
 * A board member's unfinished items, passed to a colleague when their seat ends (TB Đ12.5, BG Đ17;
 * {@link Members#handOver}). Identity owns this port and publishing, whose {@code articles} table
 * holds the items, implements it: a feature writes only its own tables, and publishing builds on
 * identity (it takes an {@link Actor}), so identity cannot call publishing without a cycle. The
 * call runs inside the handover's transaction, so the seat ends and the items move together.
 */
public interface UnfinishedWork {

    /** Gives {@code leaving}'s drafts and pending items on this site to {@code to}; how many moved. */
    int handOver(DSLContext ctx, long tenantId, long leaving, long to);
}
