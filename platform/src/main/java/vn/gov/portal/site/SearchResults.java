package vn.gov.portal.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import vn.gov.portal.publishing.Categories;
import vn.gov.portal.tenancy.ContentChanged;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Search results kept in memory, per scope (the sites searched), language, query as typed and
 * filters: the same search again costs a map lookup instead of tens of milliseconds of
 * PostgreSQL (ops/bench/RESULTS.md, "Search under load"). Results are kept with their marked
 * title and snippet, which depend on the query only, so a hit does no text work either.
 *
 * <p>Never stale past a publication: a site's content change ({@link ContentChanged}, also
 * when another node announces it over the cache bus) drops every kept search whose scope holds
 * that site, so a province's searches go when any of its sites publishes; a directory change
 * (a site going live or suspended changes the scopes) drops everything. A search that was
 * running while something changed is not kept ({@link #generation}), since it may have read
 * the rows from before the change. {@link #MAX_AGE} is only a backstop.
 */
@Singleton
public class SearchResults {
    /** Anything the events miss (a hand-made change in the database) is gone after this. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    /** Characters kept in all (titles, snippets, addresses); about twice as many bytes. */
    private static final long MAX_CHARS = 16L * 1024 * 1024;

    /** One search: {@code scope} is the ids of the sites searched, in the order asked. */
    public record Key(List<Long> scope, String language, String query, @Nullable LocalDate from,
                      @Nullable LocalDate to, @Nullable Long category) {
    }

    /** A result as kept: what does not depend on the visitor's host, prefix or language of names. */
    public record Found(long tenantId, String slug, String titleHtml, String snippet, String date) {
        int chars() {
            return slug.length() + titleHtml.length() + snippet.length() + date.length() + 16;
        }
    }

    private final Cache<Key, List<Found>> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Key k, List<Found> v) -> k.query().length() + k.scope().size() * 4 + 32
                    + v.stream().mapToInt(Found::chars).sum())
            .expireAfterWrite(MAX_AGE)
            .build();
    /**
     * Each site's categories, which the search form offers: read on every search before, a
     * database round trip as costly as a kept search's whole page.
     */
    private final Cache<Long, List<Categories.Category>> categories = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(MAX_AGE)
            .build();
    /** Moves on every invalidation, before the entries go: a search that saw it move is not kept. */
    private final AtomicLong generation = new AtomicLong();

    /** The kept results of {@code key}, or null when they must be read. */
    public @Nullable List<Found> peek(Key key) {
        return kept.getIfPresent(key);
    }

    /** The kept results of {@code key}, else {@code search}'s, kept unless something changed meanwhile. */
    public List<Found> get(Key key, Supplier<List<Found>> search) {
        return getOrRead(kept, key, search);
    }

    /** The site's category tree, kept like results (a category change is a content change). */
    public List<Categories.Category> categories(long tenantId, Supplier<List<Categories.Category>> read) {
        return getOrRead(categories, tenantId, read);
    }

    private <K, V> List<V> getOrRead(Cache<K, List<V>> cache, K key, Supplier<List<V>> read) {
        List<V> found = cache.getIfPresent(key);
        if (found != null) {
            return found;
        }
        long before = generation.get();
        found = List.copyOf(read.get());
        cache.put(key, found);
        // Re-checked after the put: an invalidation between the read and the put has moved the
        // generation by now, or its removal comes after our put and takes the entry with it.
        if (generation.get() != before) {
            cache.invalidate(key);
        }
        return found;
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        generation.incrementAndGet();
        kept.asMap().keySet().removeIf(k -> k.scope().contains(event.tenantId()));
        categories.invalidate(event.tenantId());
    }

    @EventListener
    void onDirectoryChanged(TenantDirectory.DirectoryChanged event) {
        forgetAll();
    }

    public void forgetAll() {
        generation.incrementAndGet();
        kept.invalidateAll();
        categories.invalidateAll();
    }
}
