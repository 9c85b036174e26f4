package vn.gov.portal.provisioning.provinces;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * What a province's board runs itself on its own host: its copy of the preset
 * ({@code GET/PUT /api/v1/preset}) and the aliases of its portal and its sites
 * ({@code GET/POST/DELETE /api/v1/tenants/{id}/aliases}). The province is the host's, never a
 * parameter; another province's site is 404 here.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProvinceBoardApiController {
    private final ProvincePreset preset;
    private final Aliases aliases;
    private final TenantDirectory directory;

    public ProvinceBoardApiController(ProvincePreset preset, Aliases aliases, TenantDirectory directory) {
        this.preset = preset;
        this.aliases = aliases;
        this.directory = directory;
    }

    @Serdeable
    public record Alias(@Nullable String host) {
    }

    @Serdeable
    public record AliasList(long tenantId, List<String> aliases) {
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/preset")
    public ProvincePreset.View preset(HttpRequest<?> request, Authentication auth) {
        return preset.view(ProvinceAdmins.provinceFor(request, auth, directory.snapshot()));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Put("/preset")
    public ProvincePreset.View changePreset(HttpRequest<?> request, Authentication auth,
                                            @Body ProvincePreset.Change body) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return preset.change(province, body, ProvinceAdmins.actor(auth));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/tenants/{id}/aliases")
    public AliasList aliases(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Tenant site = site(request, auth, id);
        return new AliasList(site.id(), aliases.of(site));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post("/tenants/{id}/aliases")
    public AliasList addAlias(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                              @Body Alias body) {
        Tenant site = site(request, auth, id);
        return new AliasList(site.id(), aliases.add(site, body.host(), ProvinceAdmins.actor(auth)));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Delete("/tenants/{id}/aliases/{host}")
    public AliasList removeAlias(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                 @PathVariable String host) {
        Tenant site = site(request, auth, id);
        return new AliasList(site.id(), aliases.remove(site, host, ProvinceAdmins.actor(auth)));
    }

    /** The province itself or one of its sites; anything else is 404. */
    private Tenant site(HttpRequest<?> request, Authentication auth, long id) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        if (id == province.id()) {
            return province;
        }
        Tenant site = ProvinceAdmins.componentSite(dir, province, id);
        if (site == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "tenant.not-found");
        }
        return site;
    }
}
