package vn.gov.portal.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Whole public pages as bytes, keyed by tenant, language, host, path and query. A hit is served by
 * {@link PageCacheFilter} on the event loop without the template engine or the database.
 * Anything that changes what a page shows must evict it: a site's content evicts that site's
 * pages; the directory (names, branding, the province's list of sites) evicts all.
 */
@Singleton
public class PageCache {
    /**
     * A rendered page, its validator, and the bytes a hit writes: built once here so a hit copies
     * and allocates nothing (DESIGN.md, Requests). {@code plain} and {@code gzip} are direct
     * buffers that cannot be released; a hit writes a {@link ByteBuf#duplicate() duplicate}, and
     * the JDK frees the memory when the entry is gone. {@code gzip} is null for small bodies.
     */
    public record CachedPage(byte[] body, String etag, String contentType, ByteBuf plain, @Nullable ByteBuf gzip) {
        /** The gzip variant's validator: a different representation needs a different strong ETag. */
        String gzipEtag() {
            return etag.substring(0, etag.length() - 1) + "-gz\"";
        }

        AsciiString etagAscii() {
            return new AsciiString(etag);
        }

        AsciiString gzipEtagAscii() {
            return new AsciiString(gzipEtag());
        }
    }

    /** Below this, gzip saves less than it costs the client; the first TCP window holds it anyway. */
    static final int GZIP_MIN_BYTES = 1024;

    private final Cache<String, CachedPage> pages = Caffeine.newBuilder()
            .maximumWeight(256L * 1024 * 1024)
            .weigher((String k, CachedPage p) -> 2 * p.body().length + (p.gzip() == null ? 0 : p.gzip().capacity())
                    + k.length() * 2 + 64)
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
        CachedPage page = new CachedPage(body, etag(body), contentType, direct(body),
                body.length < GZIP_MIN_BYTES ? null : direct(gzip(body)));
        if (enabled) {
            pages.put(key, page);
        }
        return page;
    }

    public void evictAll() {
        pages.invalidateAll();
    }

    /**
     * A site's content changed: drop its pages (all languages and hosts), and every site's
     * search pages: a province's search covers its sites, and was kept under the province's key.
     */
    @EventListener
    void onContentChanged(vn.gov.portal.publishing.ContentChanged event) {
        String prefix = event.tenantId() + "|";
        pages.asMap().keySet().removeIf(k -> k.startsWith(prefix) || isSearch(k));
    }

    /** Whether a key is a search page's ({@code /tim-kiem} or {@code /{lang}/tim-kiem}, any query). */
    static boolean isSearch(String key) {
        int query = key.indexOf('?');
        String path = query < 0 ? key : key.substring(0, query);
        return path.endsWith("/tim-kiem");
    }

    @EventListener
    void onDirectoryChanged(TenantDirectory.DirectoryChanged event) {
        evictAll();
    }

    private static ByteBuf direct(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(buffer));
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
