package vn.gov.portal.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.Assets;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.ContentChanged;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * What every public page of a site shows the same way, in one language and under one host form:
 * the model values that depend on the site alone, and the parts of {@code base/chrome.html}
 * rendered from them (identity, menu, rating scales, footer, the province's directory of ~200
 * sites). They are rendered once and pasted into each page, so an uncached page render does only
 * the work that is its own: Thymeleaf is the slow part of a page (ops/bench/RESULTS.md).
 *
 * <p>The parts see only these values, never a page's, so nothing of one page can leak into
 * another's. They come from the tenant directory, the message bundles and the assets alone; the
 * key holds the directory snapshot itself, so a render racing a reload files its parts under the
 * old snapshot, never to be served again. Evicted like the page cache: a site's content change
 * drops that site's entries (nothing here reads content today; this keeps it so if that changes),
 * a directory change drops all. With several nodes both events arrive from the others too.
 */
@Singleton
public class SiteChrome {
    /** Under this name the parts are in the model: {@code ${chrome.mainMenu}}. */
    static final String MODEL_KEY = "chrome";
    private static final String TEMPLATE = "base/chrome";

    /** The rendered parts; {@code directory} only on a province. */
    public record Parts(String identity, String fontSize, String mainMenu, String ratingScales, String footerContact,
                        String footerTail, @Nullable String directory) {
        int length() {
            return identity.length() + fontSize.length() + mainMenu.length() + ratingScales.length()
                    + footerContact.length() + footerTail.length() + (directory == null ? 0 : directory.length());
        }
    }

    /**
     * What the values depend on. {@code portSuffix} and {@code baseDomain}: links to other sites
     * keep the visitor's domain and port. The snapshot is compared by identity.
     */
    private record Key(DirectorySnapshot directory, long tenantId, String language, String prefix, String baseDomain,
                       String portSuffix) {
    }

    /** The site's values and, under {@link #MODEL_KEY}, its parts; unmodifiable. */
    private record Entry(Map<String, Object> model, int weight) {
    }

    private final Templates templates;
    private final Assets assets;
    private final Cache<Key, Entry> entries = Caffeine.newBuilder()
            // ~5 KB a site and language, ~35 KB for a province's home with its directory; the
            // port comes from the Host header, so the bound matters.
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Key k, Entry e) -> e.weight())
            .build();

    public SiteChrome(Templates templates, Assets assets) {
        this.templates = templates;
        this.assets = assets;
    }

    /**
     * The model every page of {@code found}'s site starts from (unmodifiable: copy it). The site is
     * read from {@code dir}, the snapshot the key names, not from the resolution, which may be
     * older.
     */
    Map<String, Object> siteModel(Resolution.Found found, DirectorySnapshot dir, String portSuffix) {
        Key key = new Key(dir, found.tenant().id(), found.language(), found.prefix(), found.baseDomain(), portSuffix);
        return entries.get(key, k -> render(found, dir, portSuffix)).model();
    }

    private Entry render(Resolution.Found found, DirectorySnapshot dir, String portSuffix) {
        Tenant site = dir.byId(found.tenant().id());
        if (site == null) {
            site = found.tenant(); // removed since it was resolved: render what the visitor asked for
        }
        Map<String, Object> values = siteValues(site, found, dir, portSuffix);
        Map<String, Object> chromeModel = new HashMap<>(values);
        if (site.isProvince()) {
            chromeModel.put("groups", SiteController.directoryOf(site, dir));
        }
        var locale = found.locale();
        Parts parts = new Parts(part("identity", locale, chromeModel), part("font-size", locale, chromeModel),
                part("main-menu", locale, chromeModel), part("rating-scales", locale, chromeModel),
                part("footer-contact", locale, chromeModel), part("footer-tail", locale, chromeModel),
                site.isProvince() ? part("directory", locale, chromeModel) : null);
        values.put(MODEL_KEY, parts);
        return new Entry(Collections.unmodifiableMap(values), 2 * parts.length() + 1024);
    }

    private String part(String fragment, Locale locale, Map<String, Object> model) {
        return templates.renderFragment(TEMPLATE, fragment, locale, model);
    }

    /** The values of the page model that depend on the site, its language and host form alone. */
    private Map<String, Object> siteValues(Tenant site, Resolution.Found found, DirectorySnapshot dir,
                                           String portSuffix) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", site);
        model.put("siteName", site.nameIn(found.language()));
        model.put("province", dir.provinceOf(site));
        model.put("parent", site.parentId() == null ? null : dir.byId(site.parentId()));
        model.put("links", new SiteLinks(dir, found.baseDomain(), portSuffix, found.prefix()));
        model.put("assets", assets);
        model.put("lang", found.language());
        model.put("prefix", found.prefix());
        model.put("updatedAt", SiteController.DATE_TIME.format(site.updatedAt().atZoneSameInstant(ProvinceTime.ZONE)));
        model.put("updatedDatetime", SiteController.MACHINE_TIME.format(site.updatedAt().atZoneSameInstant(ProvinceTime.ZONE)));
        model.put("updatedIso", site.updatedAt().atZoneSameInstant(ProvinceTime.ZONE).toLocalDate().toString());
        model.put("emcSiteId", site.emcSiteId());
        model.put("emcSnippet", site.emcSiteId() == null ? null : EmcScript.snippet(site.emcSiteId()));
        return model;
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        entries.asMap().keySet().removeIf(k -> k.tenantId() == event.tenantId());
    }

    @EventListener
    void onDirectoryChanged(TenantDirectory.DirectoryChanged event) {
        entries.invalidateAll();
    }
}
