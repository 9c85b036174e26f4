package vn.gov.portal.publishing;

import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.PROPOSALS;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.impl.DSL;
import vn.gov.portal.db.tables.records.ProposalsRecord;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.ContentChanged;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * A component site's board proposes a published article to its parent portal; the parent's
 * board accepts it (it then shows on the parent with the site's name and a link back) or
 * declines it with a reason. Deciding touches both sites, so it runs in the scope of the two.
 */
@Singleton
public class Proposals {
    private final TenantDb db;
    private final AuditLog audit;
    private final ApplicationEventPublisher<ContentChanged> events;
    private final Clock clock;
    private final TenantScopes scopes;

    public Proposals(TenantDb db, AuditLog audit, ApplicationEventPublisher<ContentChanged> events, Clock clock,
                     TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A proposal as either side sees it. */
    @Serdeable
    public record ProposalView(long id, long articleId, long fromTenant, String title, String summary, String status,
                               OffsetDateTime proposedAt, @Nullable OffsetDateTime decidedAt,
                               @Nullable String declineReason) {
    }

    public ProposalView propose(Tenant site, Actor actor, long articleId) {
        actor.mustReview();
        if (site.parentId() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "proposal.no-parent");
        }
        long parent = site.parentId();
        return db.write(TenantScope.of(site.id()), ctx -> {
            var a = ctx.selectFrom(ARTICLES).where(ARTICLES.TENANT_ID.eq(site.id()), ARTICLES.ID.eq(articleId))
                    .fetchOne();
            if (a == null) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "article.not-found");
            }
            if (!ArticleStatus.PUBLISHED.name().equals(a.getStatus())) {
                throw new ProblemException(HttpStatus.CONFLICT, "proposal.not-published");
            }
            if (ctx.fetchExists(PROPOSALS, PROPOSALS.TENANT_ID.eq(site.id()), PROPOSALS.ARTICLE_ID.eq(articleId),
                    PROPOSALS.STATUS.eq("PENDING"))) {
                throw new ProblemException(HttpStatus.CONFLICT, "proposal.already-open");
            }
            ProposalsRecord p = ctx.newRecord(PROPOSALS);
            p.setTenantId(site.id());
            p.setParentId(parent);
            p.setArticleId(articleId);
            p.setTitle(a.getTitle());
            p.setSummary(a.getSummary());
            p.setSlug(a.getSlug());
            p.setProposedBy(actor.accountId());
            p.store();
            audit.record(ctx, site.id(), actor.label(), "proposal.sent", "article:" + articleId, null);
            return view(ctx.selectFrom(PROPOSALS).where(PROPOSALS.ID.eq(p.getId())).fetchOne());
        });
    }

    /** What a parent has received, newest first. */
    public List<ProposalView> received(Tenant parent, Actor actor, @Nullable String status) {
        actor.mustReview();
        return db.read(TenantScope.of(parent.id()), ctx -> ctx.selectFrom(PROPOSALS)
                .where(PROPOSALS.PARENT_ID.eq(parent.id()))
                .and(status == null ? DSL.noCondition() : PROPOSALS.STATUS.eq(status))
                .orderBy(PROPOSALS.PROPOSED_AT.desc()).limit(200).fetch(Proposals::view));
    }

    public ProposalView accept(Tenant parent, Actor actor, long id) {
        return decide(parent, actor, id, null);
    }

    public ProposalView decline(Tenant parent, Actor actor, long id, @Nullable String reason) {
        String why = VietnameseText.nfc(reason);
        if (why == null || why.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "proposal.reason-required");
        }
        return decide(parent, actor, id, why);
    }

    private ProposalView decide(Tenant parent, Actor actor, long id, @Nullable String declineReason) {
        actor.mustReview();
        // First find which child sent it, within the parent's own view only.
        Long from = db.read(TenantScope.of(parent.id()), ctx -> ctx.select(PROPOSALS.TENANT_ID).from(PROPOSALS)
                .where(PROPOSALS.ID.eq(id), PROPOSALS.PARENT_ID.eq(parent.id())).fetchOne(PROPOSALS.TENANT_ID));
        if (from == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "proposal.not-found");
        }
        ProposalView decided = db.write(scopes.siteAndParent(parent, from), ctx -> {
            ProposalsRecord p = ctx.selectFrom(PROPOSALS).where(PROPOSALS.ID.eq(id), PROPOSALS.PARENT_ID.eq(parent.id()))
                    .forUpdate().fetchOne();
            if (!"PENDING".equals(p.getStatus())) {
                throw new ProblemException(HttpStatus.CONFLICT, "proposal.already-decided");
            }
            p.setStatus(declineReason == null ? "ACCEPTED" : "DECLINED");
            p.setDeclineReason(declineReason);
            p.setDecidedBy(actor.accountId());
            p.setDecidedAt(OffsetDateTime.now(clock));
            p.store();
            String action = declineReason == null ? "proposal.accepted" : "proposal.declined";
            audit.record(ctx, parent.id(), actor.label(), action, "proposal:" + id, null);
            audit.record(ctx, from, actor.label(), action, "proposal:" + id, null);
            return view(p);
        });
        events.publishEvent(new ContentChanged(parent.id()));
        // The sender's record changed too: its board's list, and what counts toward its quota.
        events.publishEvent(new ContentChanged(from));
        return decided;
    }

    private static ProposalView view(ProposalsRecord p) {
        return new ProposalView(p.getId(), p.getArticleId(), p.getTenantId(), p.getTitle(), p.getSummary(),
                p.getStatus(), p.getProposedAt(), p.getDecidedAt(), p.getDeclineReason());
    }
}
