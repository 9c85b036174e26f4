package vn.gov.portal.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantStatus;
import vn.gov.portal.identity.ProvinceAdmins;

/**
 * The province's sites over the API (DESIGN.md, public contract): create, rename, suspend,
 * resume, archive, merge, list. Called on the province's host (or any of its sites' hosts by the
 * platform admin); a site outside the caller's province does not exist here (404).
 */
@Controller("/api/v1/tenants")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TenantApiController {
    private final SiteLifecycle lifecycle;
    private final SiteQuotas quotas;
    private final TenantDirectory directory;

    public TenantApiController(SiteLifecycle lifecycle, SiteQuotas quotas, TenantDirectory directory) {
        this.lifecycle = lifecycle;
        this.quotas = quotas;
        this.directory = directory;
    }

    @Serdeable
    public record CreateSite(@Nullable String subdomain, @Nullable String name, @Nullable String kind,
                             @Nullable String parent, @Nullable String headName, @Nullable String headEmail) {
    }

    /**
     * A created site; with a head, their one-time link and what became of the e-mail carrying it
     * ({@code headMail.status}: QUEUED, or NOT_CONFIGURED when no SMTP server is set up).
     */
    @Serdeable
    public record CreatedSite(long id, String host, @Nullable String headUsername, @Nullable String signInLink,
                              @Nullable MailOutbox.Queued headMail) {
        static CreatedSite of(SiteLifecycle.Created created) {
            return new CreatedSite(created.id(), created.host(), created.headUsername(), created.signInLink(),
                    created.headMail());
        }
    }

    @Serdeable
    public record ChangeSite(@Nullable String status, @Nullable String subdomain, @Nullable String parent,
                             @Nullable Long emcSiteId, @Nullable Boolean live, @Nullable SiteQuotas.Change quotas) {
    }

    @Serdeable
    public record MergeInto(@Nullable Long into) {
    }

    /** A site as the console lists it. */
    @Serdeable
    public record SiteRow(long id, @Nullable Long parentId, String subdomain, String name, String kind, String status,
                          String host, @Nullable Long mergedIntoId, boolean live, @Nullable Long emcSiteId) {
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get
    public List<SiteRow> list(HttpRequest<?> request, Authentication auth) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        DirectorySnapshot dir = directory.snapshot();
        String bd = CurrentSite.of(request).baseDomain();
        return dir.subtreeIds(province).stream().map(dir::byId).map(t -> row(dir, t, bd)).toList();
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post
    public HttpResponse<CreatedSite> create(HttpRequest<?> request, Authentication auth, @Body CreateSite body) {
        Resolution.Found found = CurrentSite.of(request);
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        TenantKind kind = kind(body.kind());
        var created = lifecycle.create(province, found.baseDomain(), new SiteLifecycle.NewSite(body.subdomain(),
                body.name(), kind, body.parent(), body.headName(), body.headEmail()), LinkOrigin.of(request),
                ProvinceAdmins.actor(auth));
        return HttpResponse.created(CreatedSite.of(created), URI.create("/api/v1/tenants/" + created.id()));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Patch("/{id}")
    public SiteRow change(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body ChangeSite body) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        Tenant site = ProvinceAdmins.componentSite(directory.snapshot(), province, id);
        String actor = ProvinceAdmins.actor(auth);
        if (body.status() == null && body.subdomain() == null && body.parent() == null && body.emcSiteId() == null
                && body.live() == null && body.quotas() == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.nothing-to-change", "empty");
        }
        if (body.subdomain() != null) {
            lifecycle.rename(site, body.subdomain(), actor);
        }
        if (body.parent() != null) {
            lifecycle.moveUnder(directory.snapshot().byId(id), body.parent(), actor);
        }
        if (body.quotas() != null) {
            quotas.change(site, body.quotas(), actor);
        }
        if (body.emcSiteId() != null) {
            lifecycle.setEmcSiteId(directory.snapshot().byId(id), body.emcSiteId(), actor);
        }
        if (Boolean.TRUE.equals(body.live())) {
            lifecycle.goLive(directory.snapshot().byId(id), actor);
        }
        if (body.status() != null) {
            lifecycle.setStatus(directory.snapshot().byId(id), status(body.status()), actor);
        }
        DirectorySnapshot dir = directory.snapshot();
        return row(dir, dir.byId(id), CurrentSite.of(request).baseDomain());
    }

    /** A site's quotas and use, for the province. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/{id}/usage")
    public SiteQuotas.Usage usage(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        DirectorySnapshot dir = directory.snapshot();
        return quotas.usage(ProvinceAdmins.componentSite(dir, ProvinceAdmins.provinceFor(request, auth, dir), id));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post("/{id}/merge")
    public SiteMerge.Moved merge(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                 @Body MergeInto body) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        if (body.into() == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.merge-target", "merge-target");
        }
        Tenant from = ProvinceAdmins.componentSite(dir, province, id);
        Tenant into = ProvinceAdmins.componentSite(dir, province, body.into());
        return lifecycle.merge(from, into, ProvinceAdmins.actor(auth));
    }

    private static SiteRow row(DirectorySnapshot dir, Tenant t, String baseDomain) {
        return new SiteRow(t.id(), t.parentId(), t.subdomain(), t.name(), t.kind().name(), t.status().name(),
                dir.hostOf(t, baseDomain), t.mergedIntoId(), t.live(), t.emcSiteId());
    }

    private static TenantKind kind(@Nullable String kind) {
        try {
            return TenantKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.kind-unknown", "kind");
        }
    }

    private static TenantStatus status(String status) {
        try {
            return TenantStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.status-unknown", "status");
        }
    }
}
