package vn.gov.portal.provisioning;

import static vn.gov.portal.db.Tables.SITE_REQUESTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jooq.impl.DSL;
import vn.gov.portal.db.tables.records.SiteRequestsRecord;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.SubdomainRules;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantKind;

/**
 * A unit's request for a site (TN Đ14.5, TB Đ9.3), filed with its province and decided by the
 * platform admin or the province's board: approval creates the site, its board's head and the
 * head's one-time sign-in link at once; a decline keeps its reason for the unit.
 */
@Singleton
public class SiteRequests {
    private final TenantDb db;
    private final SiteLifecycle lifecycle;
    private final AuditLog audit;
    private final SiteMails mails;
    private final Clock clock;

    public SiteRequests(TenantDb db, SiteLifecycle lifecycle, AuditLog audit, SiteMails mails, Clock clock) {
        this.db = db;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.mails = mails;
        this.clock = clock;
    }

    /** A filed request, and the acknowledgement mailed to the head's address it gave. */
    @Serdeable
    public record Filed(long id, MailOutbox.Queued mail) {
    }

    /** What a unit files. */
    @Serdeable
    public record Filing(@Nullable String unitName, @Nullable String kind, @Nullable String subdomain,
                         @Nullable String headName, @Nullable String headEmail, @Nullable String reason) {
    }

    /** A request as its deciders see it. */
    @Serdeable
    public record Request(long id, String unitName, String kind, String subdomain, String headName, String headEmail,
                          String reason, SiteRequestStatus status, @Nullable String decidedBy,
                          @Nullable OffsetDateTime decidedAt, @Nullable String decisionReason,
                          @Nullable Long tenantId, OffsetDateTime createdAt) {
    }

    /** Checks a filing whole; the first broken rule is refused with its field named. */
    static void validate(Filing f) {
        require(f.unitName() != null && f.unitName().strip().length() >= 2 && f.unitName().length() <= 200,
                "request.unit-name", "unitName");
        kind(f.kind());
        require(f.headName() != null && f.headName().strip().length() >= 2 && f.headName().length() <= 200,
                "request.head-name", "headName");
        require(f.headEmail() != null && f.headEmail().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                "tenant.head-email", "headEmail");
        require(f.reason() != null && !f.reason().isBlank() && f.reason().length() <= 2000, "request.reason",
                "reason");
        String label = f.subdomain() == null ? "" : f.subdomain().strip();
        SubdomainRules.violation(label).ifPresent(rule -> {
            throw SiteLifecycle.refusal(rule);
        });
    }

    /**
     * Files the request and, in the same transaction, its acknowledgement to the head's address.
     * The acknowledgement is fixed text (SiteMails.requestFiled): anyone may file, naming any address.
     */
    public Filed file(Tenant province, Filing f) {
        validate(f);
        return db.write(TenantScope.of(province.id()), ctx -> {
            SiteRequestsRecord r = ctx.insertInto(SITE_REQUESTS)
                    .set(SITE_REQUESTS.PROVINCE_ID, province.id())
                    .set(SITE_REQUESTS.UNIT_NAME, VietnameseText.nfc(f.unitName().strip()))
                    .set(SITE_REQUESTS.KIND, kind(f.kind()).name())
                    .set(SITE_REQUESTS.SUBDOMAIN, f.subdomain().strip())
                    .set(SITE_REQUESTS.HEAD_NAME, VietnameseText.nfc(f.headName().strip()))
                    .set(SITE_REQUESTS.HEAD_EMAIL, f.headEmail().strip())
                    .set(SITE_REQUESTS.REASON, VietnameseText.nfc(f.reason().strip()))
                    .returning().fetchOne();
            audit.record(ctx, province.id(), "public", "tenant.request_filed", "site_request:" + r.getId(), null);
            var mail = mails.requestFiled(ctx, province, r.getId(), r.getHeadEmail());
            return new Filed(r.getId(), mail);
        });
    }

    /** Waiting requests first (oldest first), then decided ones, newest first. */
    public List<Request> list(Tenant province) {
        return db.read(TenantScope.of(province.id()), ctx -> ctx.selectFrom(SITE_REQUESTS)
                .orderBy(DSL.when(SITE_REQUESTS.STATUS.eq(SiteRequestStatus.PENDING.name()), 0).otherwise(1),
                        DSL.when(SITE_REQUESTS.STATUS.eq(SiteRequestStatus.PENDING.name()), SITE_REQUESTS.CREATED_AT)
                                .otherwise(DSL.field("NULL", OffsetDateTime.class)),
                        SITE_REQUESTS.DECIDED_AT.desc())
                .limit(500).fetch(SiteRequests::view));
    }

    /**
     * Creates the site the request asks for (the label is checked again: it may have been taken
     * since) and marks the request approved; returns what creation returns, with the head's link.
     */
    public SiteLifecycle.Created approve(Tenant province, String baseDomain, long id, LinkOrigin links, String actor) {
        SiteRequestsRecord r = pending(province, id);
        // Creation mails the head their link (SiteLifecycle.seatHead): that mail is the approval's answer.
        var created = lifecycle.create(province, baseDomain, new SiteLifecycle.NewSite(r.getSubdomain(),
                r.getUnitName(), TenantKind.valueOf(r.getKind()), null, r.getHeadName(), r.getHeadEmail()), links,
                actor);
        db.write(TenantScope.of(province.id()), ctx -> {
            ctx.update(SITE_REQUESTS).set(SITE_REQUESTS.STATUS, SiteRequestStatus.APPROVED.name()).set(SITE_REQUESTS.DECIDED_BY, actor)
                    .set(SITE_REQUESTS.DECIDED_AT, OffsetDateTime.now(clock)).set(SITE_REQUESTS.TENANT_ID, created.id())
                    .where(SITE_REQUESTS.ID.eq(id)).execute();
            audit.record(ctx, province.id(), actor, "tenant.request_approved", "site_request:" + id, null);
            return null;
        });
        return created;
    }

    /** Declines the request and, in the same transaction, tells the unit why; returns that mail. */
    public MailOutbox.Queued decline(Tenant province, long id, @Nullable String reason, String actor) {
        require(reason != null && !reason.isBlank() && reason.length() <= 2000, "request.decline-reason", "reason");
        SiteRequestsRecord r = pending(province, id);
        String why = VietnameseText.nfc(reason.strip());
        return db.write(TenantScope.of(province.id()), ctx -> {
            int changed = ctx.update(SITE_REQUESTS).set(SITE_REQUESTS.STATUS, SiteRequestStatus.DECLINED.name())
                    .set(SITE_REQUESTS.DECIDED_BY, actor)
                    .set(SITE_REQUESTS.DECIDED_AT, OffsetDateTime.now(clock))
                    .set(SITE_REQUESTS.DECISION_REASON, why)
                    .where(SITE_REQUESTS.ID.eq(id)).and(SITE_REQUESTS.STATUS.eq(SiteRequestStatus.PENDING.name())).execute();
            if (changed == 0) {
                // Decided by someone else since pending() read it: one answer, one mail.
                throw new ProblemException(HttpStatus.CONFLICT, "request.decided", "decided");
            }
            audit.record(ctx, province.id(), actor, "tenant.request_declined", "site_request:" + id, null);
            return mails.requestDeclined(ctx, province, id, r.getHeadEmail(), why);
        });
    }

    /** The request if it is this province's and still waiting: another province's is 404, a decided one 409. */
    private SiteRequestsRecord pending(Tenant province, long id) {
        SiteRequestsRecord r = db.read(TenantScope.of(province.id()),
                ctx -> ctx.selectFrom(SITE_REQUESTS).where(SITE_REQUESTS.ID.eq(id)).fetchOne());
        if (r == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "request.not-found");
        }
        if (SiteRequestStatus.valueOf(r.getStatus()) != SiteRequestStatus.PENDING) {
            throw new ProblemException(HttpStatus.CONFLICT, "request.decided", "decided");
        }
        return r;
    }

    private static TenantKind kind(@Nullable String kind) {
        try {
            TenantKind k = TenantKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
            if (k != TenantKind.PROVINCE) {
                return k;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.kind-unknown", "kind");
    }

    private static void require(boolean ok, String key, String field) {
        if (!ok) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, key, field);
        }
    }

    private static Request view(SiteRequestsRecord r) {
        return new Request(r.getId(), r.getUnitName(), r.getKind(), r.getSubdomain(), r.getHeadName(),
                r.getHeadEmail(), r.getReason(), SiteRequestStatus.valueOf(r.getStatus()), r.getDecidedBy(), r.getDecidedAt(),
                r.getDecisionReason(), r.getTenantId(), r.getCreatedAt());
    }
}
