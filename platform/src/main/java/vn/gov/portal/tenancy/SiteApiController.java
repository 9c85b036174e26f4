package vn.gov.portal.tenancy;

import vn.gov.portal.infra.security.Anyone;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The public description of the site a host names, and of the sites below it, as JSON
 * (TT 22/2023: every content type readable as structured data). Served from the directory
 * in memory, so it runs on the event loop.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1")
public class SiteApiController {
    private final TenantDirectory directory;

    public SiteApiController(TenantDirectory directory) {
        this.directory = directory;
    }

    /** A site as the API shows it: no internal ids, addresses under the domain asked. */
    @Serdeable
    public record SiteView(String host, String name, String kind, String status, @Nullable String adminCode,
                           List<String> languages, @Nullable String parentHost) {
    }

    @Anyone
    @Get("/site")
    public SiteView site(HttpRequest<?> request) {
        Resolution.Found found = CurrentSite.of(request);
        return view(found.tenant(), found.baseDomain());
    }

    /** The component sites directly under this one (for the province: every department and commune). */
    @Anyone
    @Get("/sites")
    public List<SiteView> children(HttpRequest<?> request) {
        Resolution.Found found = CurrentSite.of(request);
        return directory.snapshot().children(found.tenant().id()).stream()
                .filter(t -> t.live() && (t.status() == TenantStatus.ACTIVE || t.status() == TenantStatus.ARCHIVED))
                .map(t -> view(t, found.baseDomain())).toList();
    }

    private SiteView view(Tenant t, String baseDomain) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant parent = t.parentId() == null ? null : dir.byId(t.parentId());
        List<String> languages = dir.languagesOf(t);
        return new SiteView(dir.hostOf(t, baseDomain), t.name(), t.kind().name(), t.status().name(), t.adminCode(),
                languages, parent == null ? null : dir.hostOf(parent, baseDomain));
    }
}
