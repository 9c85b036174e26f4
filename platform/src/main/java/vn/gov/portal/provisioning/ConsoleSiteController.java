package vn.gov.portal.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.provisioning.provinces.Aliases;
import vn.gov.portal.provisioning.transfer.ArchiveDownload;
import vn.gov.portal.provisioning.transfer.SiteExport;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantStatus;
import vn.gov.portal.identity.ProvinceAdmins;

/**
 * One component site's page in the province's console ({@code /admin/trang-thanh-phan/{id}}):
 * its quotas and use, and the forms the API has for it (rename, move under another parent,
 * merge into another site after a confirmation naming what moves, quota overrides, export).
 * Every form calls the same service as the API, so the rules, the refusals and the audit entries
 * are the API's. A form that worked redirects back here (POST-redirect-GET); a refused one comes
 * back with the reason next to it and what was typed.
 */
@Controller("/admin/trang-thanh-phan")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleSiteController {
    /** The successes a redirect may name ({@code ?xong=}); nothing else from the address reaches the page. */
    private static final Set<String> DONE = Set.of("tao-moi", "doi-ten", "cap-tren", "han-muc", "sap-nhap",
            "ten-mien-phu");
    private static final long MB = 1024L * 1024;
    private final ConsoleAccess access;
    private final TenantDirectory directory;
    private final SiteLifecycle lifecycle;
    private final SiteQuotas quotas;
    private final SiteExport export;
    private final AdminPages pages;
    private final Aliases aliases;

    ConsoleSiteController(ConsoleAccess access, TenantDirectory directory, SiteLifecycle lifecycle, SiteQuotas quotas,
                          SiteExport export, AdminPages pages, Aliases aliases) {
        this.aliases = aliases;
        this.access = access;
        this.directory = directory;
        this.lifecycle = lifecycle;
        this.quotas = quotas;
        this.export = export;
        this.pages = pages;
    }

    /** A quota line: what is used, what is allowed, and the kind's default (all for people: MB, not bytes). */
    public record QuotaLine(String used, long quota, long defaultValue) {
    }

    @Get("/{id}")
    public HttpResponse<?> site(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                @Nullable @QueryValue String xong) {
        Tenant site = access.site(request, auth, id);
        Map<String, Object> model = new HashMap<>();
        if (xong != null && DONE.contains(xong)) {
            model.put("done", "console.done." + xong);
        }
        return page(request, auth, site, model, HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/doi-ten", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> rename(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                  @Body Map<String, String> form) {
        Tenant site = access.siteOfForm(request, auth, form.get(AdminSession.CSRF_FIELD), id);
        String label = form.getOrDefault("subdomain", "").strip();
        return act(request, auth, site, "doi-ten", Map.of("subdomain", label),
                () -> lifecycle.rename(site, label, ProvinceAdmins.actor(auth)));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/cap-tren", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> moveUnder(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                     @Body Map<String, String> form) {
        Tenant site = access.siteOfForm(request, auth, form.get(AdminSession.CSRF_FIELD), id);
        String parent = form.getOrDefault("parent", "").strip();
        return act(request, auth, site, "cap-tren", Map.of("parent", parent),
                () -> lifecycle.moveUnder(site, parent, ProvinceAdmins.actor(auth)));
    }

    /** Another domain that serves the same site, unique across the platform. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/ten-mien-phu", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> addAlias(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                    @Body Map<String, String> form) {
        Tenant site = access.siteOfForm(request, auth, form.get(AdminSession.CSRF_FIELD), id);
        String host = form.getOrDefault("alias", "").strip();
        return act(request, auth, site, "ten-mien-phu", Map.of("alias", host),
                () -> aliases.add(site, host, ProvinceAdmins.actor(auth)));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/ten-mien-phu/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> removeAlias(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                       @Body Map<String, String> form) {
        Tenant site = access.siteOfForm(request, auth, form.get(AdminSession.CSRF_FIELD), id);
        String host = form.getOrDefault("alias", "").strip();
        return act(request, auth, site, "ten-mien-phu", Map.of(),
                () -> aliases.remove(site, host, ProvinceAdmins.actor(auth)));
    }

    /** Quota overrides: a blank field is the kind's default, a number (MB for storage) the site's own. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/han-muc", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> quotas(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                  @Body Map<String, String> form) {
        Tenant site = access.siteOfForm(request, auth, form.get(AdminSession.CSRF_FIELD), id);
        String storage = form.getOrDefault("storageMb", "").strip();
        String members = form.getOrDefault("members", "").strip();
        String uploads = form.getOrDefault("uploadsPerDay", "").strip();
        return act(request, auth, site, "han-muc",
                Map.of("storageMb", storage, "members", members, "uploadsPerDay", uploads), () -> {
                    Long mb = number(storage);
                    Long seats = number(members);
                    Long perDay = number(uploads);
                    // Blank is "the default": reset the three, then set the ones given, in one change.
                    boolean anyBlank = mb == null || seats == null || perDay == null;
                    quotas.change(site, new SiteQuotas.Change(mb == null ? null : mb * MB,
                            seats == null ? null : seats.intValue(), perDay == null ? null : perDay.intValue(),
                            anyBlank), ProvinceAdmins.actor(auth));
                });
    }

    /** The merge's confirmation: what would move where, or why it cannot (the merge's own refusal). */
    @Get("/{id}/sap-nhap")
    public HttpResponse<?> confirmMerge(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                       @Nullable @QueryValue String vao) {
        Tenant from = access.site(request, auth, id);
        String typed = vao == null ? "" : vao.strip();
        try {
            Tenant into = mergeTarget(request, auth, typed);
            SiteMerge.Moving moving = lifecycle.mergePreview(from, into);
            DirectorySnapshot dir = directory.snapshot();
            String bd = CurrentSite.of(request).baseDomain();
            Map<String, Object> model = new HashMap<>();
            model.put("from", from);
            model.put("into", into);
            model.put("fromHost", dir.hostOf(from, bd));
            model.put("intoHost", dir.hostOf(into, bd));
            model.put("moving", moving);
            return pages.page(request, "admin/site-merge", auth, model, HttpStatus.OK);
        } catch (ProblemException refused) {
            return refusedOn(request, auth, from, "sap-nhap", Map.of("into", typed), refused);
        }
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/sap-nhap", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> merge(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                 @Body Map<String, String> form) {
        Tenant from = access.siteOfForm(request, auth, form.get(AdminSession.CSRF_FIELD), id);
        String typed = form.getOrDefault("into", "").strip();
        try {
            Tenant into = mergeTarget(request, auth, typed);
            lifecycle.merge(from, into, ProvinceAdmins.actor(auth));
            // A is gone from service; B is where its content now lives.
            return HttpResponse.seeOther(URI.create("/admin/trang-thanh-phan/" + into.id() + "?xong=sap-nhap"));
        } catch (ProblemException refused) {
            return refusedOn(request, auth, directory.snapshot().byId(id), "sap-nhap", Map.of("into", typed), refused);
        }
    }

    /**
     * The site's archive, downloaded: a form (POST, CSRF) rather than a link, since each export is
     * recorded in the site's audit log and a link could be followed from another site's page.
     */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/xuat", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> export(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                  @Body Map<String, String> form) {
        Tenant site = access.siteOfForm(request, auth, form.get(AdminSession.CSRF_FIELD), id);
        try {
            // Password hashes only when the box is ticked (off by default; the export's audit entry says which).
            return ArchiveDownload.of(export.export(site,
                    directory.snapshot().hostOf(site, CurrentSite.of(request).baseDomain()), ProvinceAdmins.actor(auth),
                    "co".equals(form.get("mat-khau"))));
        } catch (ProblemException refused) {
            return refusedOn(request, auth, site, "xuat", Map.of(), refused);
        }
    }

    private Tenant mergeTarget(HttpRequest<?> request, Authentication auth, String typed) {
        if (!typed.matches("[0-9]{1,18}")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.merge-target", "merge-target");
        }
        return access.site(request, auth, Long.parseLong(typed));
    }

    /** Runs a form's action: back to the site's page saying it is done, or the refusal beside the form. */
    private HttpResponse<?> act(HttpRequest<?> request, Authentication auth, Tenant site, String form,
                                Map<String, String> typed, Runnable action) {
        try {
            action.run();
            return HttpResponse.seeOther(URI.create("/admin/trang-thanh-phan/" + site.id() + "?xong=" + form));
        } catch (ProblemException refused) {
            return refusedOn(request, auth, directory.snapshot().byId(site.id()), form, typed, refused);
        }
    }

    /** The page again with the refusal next to {@code form} and what was typed in it; 403 and 404 stay what they are. */
    private HttpResponse<?> refusedOn(HttpRequest<?> request, Authentication auth, Tenant site, String form,
                                      Map<String, String> typed, ProblemException refused) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("error", refused.detailKey());
        model.put("errorIn", form);
        model.put("typed", typed);
        return page(request, auth, site, model, refused.status());
    }

    private HttpResponse<?> page(HttpRequest<?> request, Authentication auth, Tenant site, Map<String, Object> model,
                                 HttpStatus status) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = dir.provinceOf(site);
        Tenant parent = dir.byId(site.parentId());
        String bd = CurrentSite.of(request).baseDomain();
        model.put("target", site);
        model.put("targetHost", dir.hostOf(site, bd));
        model.put("parentSite", parent);
        model.put("mergedInto", site.mergedIntoId() == null ? null : dir.byId(site.mergedIntoId()));
        model.put("districts", ConsoleCreateController.districts(dir, province).stream()
                .filter(t -> t.id() != site.id()).toList());
        model.put("mergeTargets", dir.subtreeIds(province).stream().map(dir::byId)
                .filter(t -> !t.isProvince() && t.id() != site.id() && t.status() != TenantStatus.MERGED)
                .sorted(Comparator.comparing(Tenant::name)).toList());

        SiteQuotas.Usage usage = quotas.usage(site);
        var q = usage.quota();
        var d = usage.defaults();
        model.put("storage", new QuotaLine(megabytes(usage.used().storageBytes()), q.storageBytes() / MB,
                d.storageBytes() / MB));
        model.put("members", new QuotaLine(String.valueOf(usage.used().members()), q.members(), d.members()));
        model.put("uploads", new QuotaLine(String.valueOf(usage.used().uploadsToday()), q.uploadsPerDay(),
                d.uploadsPerDay()));
        // What the forms show: what was typed when refused, else the site's own values (an override
        // equal to the default shows blank: saving it then follows the default, which is the same).
        Map<String, String> values = new HashMap<>();
        values.put("storageMb", q.storageBytes() == d.storageBytes() ? "" : String.valueOf(q.storageBytes() / MB));
        values.put("members", q.members() == d.members() ? "" : String.valueOf(q.members()));
        values.put("uploadsPerDay", q.uploadsPerDay() == d.uploadsPerDay() ? "" : String.valueOf(q.uploadsPerDay()));
        values.put("subdomain", site.subdomain());
        values.put("parent", parent == null || parent.isProvince() ? "" : parent.subdomain());
        values.put("into", "");
        values.put("alias", "");
        model.put("aliases", aliases.of(site));
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getOrDefault("typed", Map.of());
        values.putAll(typed);
        model.put("values", values);
        return pages.page(request, "admin/site", auth, model, status);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) MB);
    }

    /** A blank field, or a whole number of at most nine digits; anything else is the API's own refusal. */
    private static @Nullable Long number(String typed) {
        if (typed.isEmpty()) {
            return null;
        }
        if (!typed.matches("[0-9]{1,9}")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.quota-invalid", "quota");
        }
        return Long.parseLong(typed);
    }
}
