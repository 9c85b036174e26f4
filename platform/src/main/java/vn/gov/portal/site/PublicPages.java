package vn.gov.portal.site;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.HostName;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The public-page renderer: a page's base model (the site's chrome, its address, language
 * versions and maintenance notice) and the render into the {@link PageCache}. Every controller
 * that shows a page in the site's theme injects this bean; controllers never inject controllers
 * (ArchitectureTest), so the renderer is not {@link SiteController}'s.
 */
@Singleton
public class PublicPages {
    private final TenantDirectory directory;
    private final Templates templates;
    private final PageCache cache;
    private final SiteChrome chrome;
    private final MaintenanceNotices maintenance;

    public PublicPages(TenantDirectory directory, Templates templates, PageCache cache, SiteChrome chrome,
                       MaintenanceNotices maintenance) {
        this.directory = directory;
        this.templates = templates;
        this.cache = cache;
        this.chrome = chrome;
        this.maintenance = maintenance;
    }

    /** Renders the page, keeps it in the page cache and answers it. */
    public HttpResponse<?> render(HttpRequest<?> request, Resolution.Found site, String template,
                                  Map<String, Object> model) {
        byte[] body = templates.render(template, site.locale(), model);
        var page = cache.put(site.tenant().id(), PageCache.keyOf(request, site), body);
        return SitePages.respond(request, page);
    }

    /**
     * A page's model: the site's values and chrome ({@link SiteChrome}, the same for every page of
     * the site), then what is this page's own (its address and language versions). Mutable: the
     * caller adds the page's content.
     */
    public Map<String, Object> baseModel(HttpRequest<?> request, Resolution.Found found) {
        DirectorySnapshot dir = directory.snapshot();
        String host = request.getHeaders().get("Host");
        Map<String, Object> model = new HashMap<>(chrome.siteModel(found, dir, HostName.portSuffix(host)));
        String origin = SiteLinks.origin(request);
        String path = request.getPath().substring(found.prefix().length());
        model.put("path", path.isEmpty() ? "/" : path);
        // Dublin Core's identifier and the canonical link: this address, without the query.
        model.put("canonical", origin + request.getPath());
        var versions = Alternates.forPath(origin, found, dir.languagesOf(found.tenant()), path.isEmpty() ? "/" : path);
        model.put("alternates", versions); // hreflang: pages that exist in each language
        model.put("switcher", versions);   // the visitor's language menu
        // Planned maintenance (ND 224 Đ13): the notice shows from its announcement to its end.
        model.put("maintenance", maintenance.noticeFor(found.tenant()).orElse(null));
        return model;
    }
}
