package vn.gov.portal.provisioning;

import static vn.gov.portal.db.Tables.MEMBERSHIPS;
import static vn.gov.portal.db.Tables.TENANTS;
import static vn.gov.portal.db.Tables.TENANT_HOSTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import vn.gov.portal.db.Tables;
import vn.gov.portal.identity.Role;
import vn.gov.portal.identity.SignInLinks;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.pages.MandatoryPageGaps;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.HostPurpose;
import vn.gov.portal.tenancy.SubdomainRules;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * A component site's life under its province: created (with its board's head and a one-time
 * sign-in link), renamed (the old address answers 301 for ever), suspended and resumed,
 * archived, merged. Every step is audited and every node sees it at once (the directory
 * reload is announced over Redis when there are several).
 */
@Singleton
public class SiteLifecycle {
    private final TenantDb db;
    private final TenantDirectory directory;
    private final TenantProvisioning provisioning;
    private final SiteMerge merge;
    private final AuditLog audit;
    private final SiteMails mails;
    private final MandatoryPageGaps pageGaps;
    private final Clock clock;

    public SiteLifecycle(TenantDb db, TenantDirectory directory, TenantProvisioning provisioning, SiteMerge merge,
                         AuditLog audit, SiteMails mails, MandatoryPageGaps pageGaps, Clock clock) {
        this.pageGaps = pageGaps;
        this.db = db;
        this.directory = directory;
        this.provisioning = provisioning;
        this.merge = merge;
        this.audit = audit;
        this.mails = mails;
        this.clock = clock;
    }

    /** A site to create; {@code parent} is the label of an existing site under the province (a district). */
    public record NewSite(String subdomain, String name, TenantKind kind, @Nullable String parent,
                          @Nullable String headName, @Nullable String headEmail) {
    }

    /**
     * A created site: its id, its address, and when a head was named, the head's one-time link
     * (absolute) and what became of the e-mail carrying it (none without an address).
     */
    public record Created(long id, String host, @Nullable String headUsername, @Nullable String signInLink,
                          @Nullable MailOutbox.Queued headMail) {
    }

    /** The head seated with a new site: their username, the link, and the e-mail that carries it. */
    public record SeatedHead(String username, String link, @Nullable MailOutbox.Queued mail) {
    }

    /** {@code links}: how the head's link is written (the approver's scheme and port), in the response and the mail. */
    public Created create(Tenant province, String baseDomain, NewSite site, LinkOrigin links, String actor) {
        if (site.kind() == TenantKind.PROVINCE) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.kind-province", "kind");
        }
        if (site.name() == null || site.name().strip().length() < 2 || site.name().length() > 200) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.name-length", "name");
        }
        if (site.headEmail() != null && !site.headEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.head-email", "email");
        }
        String label = site.subdomain() == null ? "" : site.subdomain();
        var row = new TenantProvisioning.NewSite(site.kind(), label, site.name().strip(), null, site.parent(),
                Tenant.Branding.footer(null, null, site.name().strip(), site.headName(), null, null, site.headEmail()));
        DirectorySnapshot before = directory.snapshot();
        Tenant parent = site.parent() == null ? province : before.child(province.id(), site.parent());
        // The address the site will have: the link in the head's mail is written before the commit.
        String host = label + "." + (parent == null ? baseDomain : before.hostOf(parent, baseDomain));
        SeatedHead[] head = new SeatedHead[1];
        List<Long> ids;
        try {
            ids = provisioning.addSites(province.id(), List.of(row), actor, (ctx, created) -> {
                notYetLive(ctx, created);
                if (site.headName() == null || site.headName().isBlank()) {
                    return;
                }
                head[0] = seatHead(ctx, province, created.getFirst(), site.name().strip(), host, label,
                        site.headName(), site.headEmail(), links, actor);
            });
        } catch (TenantProvisioning.BatchRefused refused) {
            throw refusal(refused.refusals().getFirst().rule());
        } catch (IllegalArgumentException noParent) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.no-parent", "parent");
        }
        return head[0] == null ? new Created(ids.getFirst(), host, null, null, null)
                : new Created(ids.getFirst(), host, head[0].username(), head[0].link(), head[0].mail());
    }

    /**
     * A new site serves at once but is not live until it has what going live needs
     * ({@link #goLive}): a banner says so, search engines are asked not to index it, and the
     * province's directory leaves it out.
     */
    static void notYetLive(DSLContext ctx, List<Long> ids) {
        ctx.update(TENANTS).set(TENANTS.LIVE, false).where(TENANTS.ID.in(ids)).execute();
    }

    /** The site's own numeric id at the ministry's EMC (TT 22/2023), or none. */
    public void setEmcSiteId(Tenant site, @Nullable Long emcSiteId, String actor) {
        if (emcSiteId != null && emcSiteId <= 0) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.emc-id", "emcSiteId");
        }
        db.provision((ctx, enter) -> {
            ctx.update(TENANTS).set(TENANTS.EMC_SITE_ID, emcSiteId).set(TENANTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(TENANTS.ID.eq(site.id())).execute();
            enter.accept(TenantScope.of(site.id()));
            audit.recordWithDetail(ctx, site.id(), actor, "tenant.emc_site_id", "tenant:" + site.id(), null,
                    "{\"emcSiteId\":" + emcSiteId + "}");
            return null;
        });
        directory.reload();
    }

    /**
     * Goes live (REQUIREMENTS.md §7): with its EMC site id, unless the province's preset waives
     * it, and with every mandatory page of its kind written (ND 224 Đ9, Đ10.3). Refused otherwise,
     * naming what is missing: the pages by title. The preset's waiver covers the EMC id only; the
     * pages are the site's own content and no province can waive the decree's list.
     */
    public void goLive(Tenant site, String actor) {
        if (site.live()) {
            return;
        }
        Tenant province = directory.snapshot().provinceOf(site);
        boolean emcRequired = db.directory(ctx -> ctx.select(Tables.REGULATION_PRESETS.GO_LIVE_REQUIRES_EMC)
                .from(Tables.REGULATION_PRESETS)
                .where(Tables.REGULATION_PRESETS.ID.eq(province.presetId()))
                .fetchOptional(0, Boolean.class).orElse(true));
        if (emcRequired && site.emcSiteId() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "tenant.go-live-emc", "go-live-emc");
        }
        List<String> unwritten = pageGaps.unwritten(site).stream().map(MandatoryPageGaps.Gap::title).toList();
        if (!unwritten.isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "tenant.go-live-pages", "go-live-pages", unwritten);
        }
        db.provision((ctx, enter) -> {
            ctx.update(TENANTS).set(TENANTS.LIVE, true).set(TENANTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(TENANTS.ID.eq(site.id())).execute();
            enter.accept(TenantScope.of(site.id()));
            audit.record(ctx, site.id(), actor, "tenant.went_live", "tenant:" + site.id(), null);
            return null;
        });
        directory.reload();
    }

    /**
     * Seats the head of a new site's board, inside the creating transaction: an invited account
     * ("label.truongban"), the HEAD seat, a one-time link on the site's {@code host}, and, when the
     * head has an address, the e-mail that carries the link (in the same transaction: no mail
     * for a site that was not created).
     */
    public SeatedHead seatHead(DSLContext ctx, Tenant province, long siteId, String siteName, String host,
                        String label, String name, @Nullable String email, LinkOrigin links, String actor) {
        long account = SignInLinks.invite(ctx, label + ".truongban", name.strip(), email);
        ctx.insertInto(MEMBERSHIPS).set(MEMBERSHIPS.TENANT_ID, siteId).set(MEMBERSHIPS.ACCOUNT_ID, account)
                .set(MEMBERSHIPS.ROLE, Role.HEAD.name()).set(MEMBERSHIPS.GRANTED_BY, actor).execute();
        audit.record(ctx, siteId, actor, "membership.granted", "account:" + account + ":HEAD", null);
        String username = ctx.select(Tables.ACCOUNTS.USERNAME).from(Tables.ACCOUNTS)
                .where(Tables.ACCOUNTS.ID.eq(account)).fetchOne(0, String.class);
        String link = links.url(host, SignInLinks.PATH + SignInLinks.issue(ctx, account, siteId, "FIRST_SIGN_IN", OffsetDateTime.now(clock)));
        MailOutbox.Queued mail = email == null || email.isBlank() ? null
                : mails.headLink(ctx, province, siteId, VietnameseText.nfc(siteName), links.url(host, "/"),
                        VietnameseText.nfc(name.strip()), email.strip(), username, link);
        return new SeatedHead(username, link, mail);
    }

    /** The site gets a new label; every old address of it and of the sites under it answers 301. */
    public void rename(Tenant site, String label, String actor) {
        DirectorySnapshot dir = directory.snapshot();
        relocate(site, dir.byId(site.parentId()), label, actor);
    }

    /**
     * The site moves under another parent (the province, or a district of it: a commune's
     * address then changes where domains nest, BG 2023 Đ4); its old addresses answer 301.
     */
    public void moveUnder(Tenant site, String parentLabel, String actor) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = dir.provinceOf(site);
        Tenant parent = parentLabel.isBlank() ? province : dir.child(province.id(), parentLabel);
        if (parent == null || parent.id() == site.id() || parent.kind() != TenantKind.DISTRICT
                && !parent.isProvince()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.no-parent", "parent");
        }
        if (!parent.isProvince() && "PROVINCE_FLAT".equals(provisioning.schemes(province).domain())) {
            throw refusal(TenantProvisioning.DOMAIN_SCHEME);
        }
        relocate(site, parent, site.subdomain(), actor);
    }

    private void relocate(Tenant site, Tenant parent, String label, String actor) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = dir.provinceOf(site);
        SubdomainRules.violation(label).ifPresent(rule -> {
            throw refusal(rule);
        });
        if (label.equals(site.subdomain()) && Objects.equals(parent.id(), site.parentId())) {
            return;
        }
        Tenant there = dir.child(parent.id(), label);
        if (there != null && there.id() != site.id()) {
            throw refusal("taken");
        }
        List<String> newHosts = new ArrayList<>();
        for (String bd : province.baseDomains()) {
            newHosts.add(label + "." + dir.hostOf(parent, bd));
        }
        boolean ownFormer = newHosts.stream().allMatch(h -> {
            var extra = dir.extraHost(h);
            return extra == null || (extra.tenantId() == site.id() && extra.purpose() == HostPurpose.FORMER);
        });
        if (!ownFormer) {
            throw refusal("former");
        }
        db.provision((ctx, enter) -> {
            for (Tenant t : subtree(dir, site)) {
                for (String bd : province.baseDomains()) {
                    ctx.insertInto(TENANT_HOSTS).set(TENANT_HOSTS.HOST, dir.hostOf(t, bd))
                            .set(TENANT_HOSTS.TENANT_ID, t.id()).set(TENANT_HOSTS.PURPOSE, HostPurpose.FORMER.name())
                            .onConflict(TENANT_HOSTS.HOST).doUpdate()
                            .set(TENANT_HOSTS.TENANT_ID, t.id()).set(TENANT_HOSTS.PURPOSE, HostPurpose.FORMER.name()).execute();
                }
            }
            // Taking back an address it once had: that address serves again rather than redirecting.
            ctx.deleteFrom(TENANT_HOSTS).where(TENANT_HOSTS.HOST.in(newHosts)).execute();
            ctx.update(TENANTS).set(TENANTS.SUBDOMAIN, label).set(TENANTS.PARENT_ID, parent.id())
                    .set(TENANTS.UPDATED_AT, OffsetDateTime.now(clock)).where(TENANTS.ID.eq(site.id())).execute();
            enter.accept(TenantScope.of(site.id()));
            audit.recordWithDetail(ctx, site.id(), actor, "tenant.moved", "tenant:" + site.id(), null,
                    "{\"from\":\"" + dir.hostOf(site, province.baseDomains().getFirst()) + "\",\"to\":\""
                            + newHosts.getFirst() + "\"}");
            return null;
        });
        directory.reload();
    }

    /** Suspend (503 naming the province), resume, or archive (read-only, still served and searched). */
    public void setStatus(Tenant site, TenantStatus status, String actor) {
        if (status == TenantStatus.MERGED || status == TenantStatus.REQUESTED) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.status-not-settable", "status");
        }
        if (site.status() == TenantStatus.MERGED) {
            throw new ProblemException(HttpStatus.CONFLICT, "tenant.merged", "merged");
        }
        if (site.status() == status) {
            return;
        }
        db.provision((ctx, enter) -> {
            ctx.update(TENANTS).set(TENANTS.STATUS, status.name()).set(TENANTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(TENANTS.ID.eq(site.id())).execute();
            enter.accept(TenantScope.of(site.id()));
            audit.recordWithDetail(ctx, site.id(), actor, "tenant.status", "tenant:" + site.id(), null,
                    "{\"from\":\"" + site.status() + "\",\"to\":\"" + status + "\"}");
            return null;
        });
        directory.reload();
    }

    /** Merges {@code from} into {@code into}: siblings in one province, neither with sites under it. */
    public SiteMerge.Moved merge(Tenant from, Tenant into, String actor) {
        mayMerge(from, into);
        return merge.merge(from, into, actor);
    }

    /** What merging {@code from} into {@code into} would move, or the refusal the merge itself would give. */
    public SiteMerge.Moving mergePreview(Tenant from, Tenant into) {
        mayMerge(from, into);
        return merge.moving(from);
    }

    private void mayMerge(Tenant from, Tenant into) {
        DirectorySnapshot dir = directory.snapshot();
        if (from.id() == into.id() || into.isProvince() || from.isProvince()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.merge-self", "merge-target");
        }
        if (from.status() == TenantStatus.MERGED || into.status() == TenantStatus.MERGED) {
            throw new ProblemException(HttpStatus.CONFLICT, "tenant.merged", "merged");
        }
        if (!dir.children(from.id()).isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "tenant.merge-has-children", "has-children");
        }
        if (dir.provinceOf(from).id() != dir.provinceOf(into).id()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.merge-other-province", "merge-target");
        }
    }

    private static List<Tenant> subtree(DirectorySnapshot dir, Tenant site) {
        return dir.subtreeIds(site).stream().map(dir::byId).toList();
    }

    /** The refusal of a label, as creation, rename, requests, bulk files and imports all answer it. */
    public static ProblemException refusal(String rule) {
        if (rule.equals(TenantProvisioning.DOMAIN_SCHEME)) {
            return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.domain-scheme", rule);
        }
        String key = rule.startsWith("duplicate") ? "duplicate" : rule;
        HttpStatus status = key.equals("taken") || key.equals("former") ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return new ProblemException(status, "subdomain.rule." + key, "subdomain-" + key);
    }
}
