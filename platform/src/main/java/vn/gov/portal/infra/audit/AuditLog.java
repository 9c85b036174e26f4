package vn.gov.portal.infra.audit;

import static vn.gov.portal.db.Tables.AUDIT_EVENTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.Collections;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.web.RequestOrigin;

/**
 * The append-only record of who did what, when, from where. Written inside the transaction of
 * the change it records (so neither exists without the other), within that tenant's scope.
 */
@Singleton
public class AuditLog {

    /**
     * @param sourceIp where the request came from; null takes the current HTTP request's peer
     *                 address (behind a reverse proxy that is the proxy: see README), or none
     *                 for work no request started (scheduler, start-up)
     */
    public void record(DSLContext ctx, long tenantId, String actor, String action, @Nullable String subject,
                       @Nullable String sourceIp) {
        recordWithDetail(ctx, tenantId, actor, action, subject, sourceIp, "{}");
    }

    /** The same, with what the entry alone must tell later readers (a JSON object). */
    public void recordWithDetail(DSLContext ctx, long tenantId, String actor, String action, @Nullable String subject,
                                 @Nullable String sourceIp, String detailJson) {
        if (sourceIp == null) {
            sourceIp = ServerRequestContext.currentRequest()
                    .map(RequestOrigin::clientAddress).orElse(null);
        }
        ctx.insertInto(AUDIT_EVENTS)
                .set(AUDIT_EVENTS.TENANT_ID, tenantId)
                .set(AUDIT_EVENTS.ACTOR, actor)
                .set(AUDIT_EVENTS.ACTION, action)
                .set(AUDIT_EVENTS.SUBJECT, subject)
                .set(AUDIT_EVENTS.DETAIL, JSONB.valueOf(detailJson))
                // inet has no Java type in jOOQ: pass text and let PostgreSQL parse (and check) it.
                .set(Collections.singletonMap(AUDIT_EVENTS.SOURCE_IP,
                        DSL.field("cast({0} as inet)", Object.class, DSL.val(sourceIp, String.class))))
                .execute();
    }
}
