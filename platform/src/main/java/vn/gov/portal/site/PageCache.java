package vn.gov.portal.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.tenancy.ContentChanged;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Whole public pages as bytes, keyed by tenant, language, scheme, host, path and the query
 * parameters pages read ({@link #keyOf}), with a cap per site and one in all. A hit is served by
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

    /**
     * The query parameters a public page reads (ListingController: trang; SearchController: q, tu,
     * den, chuyen-muc). Only these make a page differ, so only these go into the key: anything else
     * (tracking tags, cache-busters, a flood of random strings) gets the page without them, and
     * creates no entry. A controller that starts reading a new parameter must add it here, or every
     * value of it would be answered with the first one's page.
     */
    static final Set<String> QUERY_PARAMETERS = Set.of("trang", "q", "tu", "den", "chuyen-muc");

    /**
     * Pages kept per site, each site's in a segment of its own with its own cap (LRU within the
     * site), so a flood of distinct addresses on one site (search terms, page numbers) can only
     * push out that site's pages. The segments share a total cap; past it, the sites least
     * recently visited lose their segment whole.
     */
    private final Cache<Long, Cache<String, CachedPage>> sites;
    private final long siteBytes;
    /** PAGE_CACHE=off keeps nothing, so every page is rendered: for measuring the miss path (ops/bench). */
    private final boolean enabled;

    public PageCache(@Value("${portal.page-cache:on}") String mode,
                     @Value("${portal.page-cache-mb:256}") long totalMegabytes,
                     @Value("${portal.page-cache-site-mb:32}") long siteMegabytes) {
        this.enabled = !"off".equalsIgnoreCase(mode.strip());
        this.siteBytes = Math.min(siteMegabytes, totalMegabytes) * 1024 * 1024;
        // A segment weighs what it holds; Caffeine weighs a value when it is put, so a put into a
        // segment puts the segment again (see put). The caller's thread does the upkeep: no
        // eviction lags behind a flood on a pool thread.
        this.sites = Caffeine.newBuilder()
                .maximumWeight(totalMegabytes * 1024 * 1024)
                .weigher((Long tenant, Cache<String, CachedPage> segment) -> (int) Math.min(Integer.MAX_VALUE,
                        segment.policy().eviction().orElseThrow().weightedSize().orElse(0)))
                .executor(Runnable::run)
                .build();
    }

    /**
     * The key of the page a request asks for, or null when the request must not use the cache
     * (a known query parameter given twice: which one a controller binds is not ours to guess).
     * Tenant, language, the scheme (a page's canonical and alternate links are absolute, so an
     * https request behind the proxy and a plain one get different pages), the Host as sent (links
     * to other sites carry the visitor's domain and port, so thainguyen.gov.vn and
     * thainguyen.localhost pages differ), path, and the known query parameters in a fixed order.
     */
    static @Nullable String keyOf(HttpRequest<?> request, Resolution.Found site) {
        StringBuilder query = new StringBuilder();
        // Most visits have no query: no parsing, no sorting on the hit path for them.
        if (request.getUri().getRawQuery() != null) {
            var parameters = request.getParameters();
            for (String name : new TreeSet<>(parameters.names())) {
                if (!QUERY_PARAMETERS.contains(name)) {
                    continue;
                }
                List<String> values = parameters.getAll(name);
                if (values.size() > 1) {
                    return null;
                }
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(values.isEmpty() ? "" : values.getFirst(), StandardCharsets.UTF_8));
            }
        }
        return key(site.tenant().id(), site.language(), RequestOrigin.scheme(request),
                request.getHeaders().get("Host"), request.getPath(), query.isEmpty() ? null : query.toString());
    }

    static String key(long tenantId, String language, String scheme, @Nullable String host, String path,
                      @Nullable String query) {
        return tenantId + "|" + language + "|" + scheme + "|" + host + "|" + path + (query == null ? "" : "?" + query);
    }

    @Nullable CachedPage get(long tenantId, @Nullable String key) {
        if (key == null) {
            return null;
        }
        Cache<String, CachedPage> segment = sites.getIfPresent(tenantId);
        return segment == null ? null : segment.getIfPresent(key);
    }

    CachedPage put(long tenantId, @Nullable String key, byte[] body) {
        return put(tenantId, key, body, "text/html; charset=utf-8");
    }

    /** Builds the page's bytes; keeps them unless the key is null or the cache is off. */
    CachedPage put(long tenantId, @Nullable String key, byte[] body, String contentType) {
        CachedPage page = new CachedPage(body, etag(body), contentType, direct(body),
                body.length < GZIP_MIN_BYTES ? null : direct(gzip(body)));
        if (enabled && key != null) {
            Cache<String, CachedPage> segment = sites.get(tenantId, t -> newSegment());
            segment.put(key, page);
            // Weighed again at its new size (a no-op if the segment was dropped meanwhile).
            sites.asMap().replace(tenantId, segment, segment);
        }
        return page;
    }

    private Cache<String, CachedPage> newSegment() {
        return Caffeine.newBuilder()
                .maximumWeight(siteBytes)
                .weigher((String k, CachedPage p) -> weight(k, p))
                .executor(Runnable::run)
                .build();
    }

    /** The heap copy, the plain and gzip direct copies, and the key. */
    private static int weight(String key, CachedPage p) {
        return 2 * p.body().length + (p.gzip() == null ? 0 : p.gzip().capacity()) + key.length() * 2 + 64;
    }

    /** How many pages of the site are kept: for tests. */
    long entries(long tenantId) {
        Cache<String, CachedPage> segment = sites.getIfPresent(tenantId);
        return segment == null ? 0 : segment.estimatedSize();
    }

    public void evictAll() {
        sites.invalidateAll();
    }

    /**
     * A site's content changed: drop its pages (all languages, schemes and hosts), and every site's
     * search pages: a province's search covers its sites, and was kept under the province's key.
     */
    @EventListener
    void onContentChanged(ContentChanged event) {
        sites.invalidate(event.tenantId());
        sites.asMap().values().forEach(segment -> segment.asMap().keySet().removeIf(PageCache::isSearch));
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
