package vn.gov.portal.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Whole public pages as bytes, keyed by tenant, language, host, path and query. A hit is served by
 * {@link PageCacheFilter} on the event loop without the template engine or the database.
 * Anything that changes what a page shows must evict it: a site's content evicts that site's
 * pages; the directory (names, branding, the province's list of sites) evicts all.
 */
@Singleton
public class PageCache {
    /** A rendered page and its validator. */
    public record CachedPage(byte[] body, String etag, String contentType) {
    }

    private final Cache<String, CachedPage> pages = Caffeine.newBuilder()
            .maximumWeight(256L * 1024 * 1024)
            .weigher((String k, CachedPage p) -> p.body().length + k.length() * 2 + 64)
            .build();
    /** PAGE_CACHE=off keeps nothing, so every page is rendered: for measuring the miss path (ops/bench). */
    private final boolean enabled;

    public PageCache(@Value("${portal.page-cache:on}") String mode) {
        this.enabled = !"off".equalsIgnoreCase(mode.strip());
    }

    /**
     * Tenant, language, the Host as sent (links to other sites carry the visitor's domain and
     * port, so thainguyen.gov.vn and thainguyen.localhost pages differ), path and query.
     */
    static String key(long tenantId, String language, @Nullable String host, String path, @Nullable String query) {
        return tenantId + "|" + language + "|" + host + "|" + path + (query == null ? "" : "?" + query);
    }

    @Nullable CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    CachedPage put(String key, byte[] body) {
        return put(key, body, "text/html; charset=utf-8");
    }

    CachedPage put(String key, byte[] body, String contentType) {
        CachedPage page = new CachedPage(body, etag(body), contentType);
        if (enabled) {
            pages.put(key, page);
        }
        return page;
    }

    public void evictAll() {
        pages.invalidateAll();
    }

    /** A site's content changed: drop its pages (all languages and hosts). */
    @EventListener
    void onContentChanged(vn.gov.portal.publishing.ContentChanged event) {
        String prefix = event.tenantId() + "|";
        pages.asMap().keySet().removeIf(k -> k.startsWith(prefix));
    }

    @EventListener
    void onDirectoryChanged(TenantDirectory.DirectoryChanged event) {
        evictAll();
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
