package vn.gov.portal.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Search refusals (503 pool full, 429 too many from an address) made once per site, language,
 * form (page or problem+json) and status, then answered from bytes. WHY: once the pool is full
 * a flood gets a refusal for nearly every request, at once, and its clients ask again at once;
 * rendering the error template for each one spent the cores the pool was meant to keep for the
 * rest of the site (ops/bench/RESULTS.md, "Search under load").
 */
@Singleton
class Refusals {
    private record Made(byte[] body, List<Map.Entry<String, String>> headers) {
    }

    private final Cache<String, Made> made = Caffeine.newBuilder().maximumSize(2_000).build();

    MutableHttpResponse<byte[]> answer(HttpRequest<?> request, Resolution.Found found, HttpStatus status,
                                       Supplier<MutableHttpResponse<byte[]>> render) {
        // What the error pages choose by: JSON or HTML (Accept, /api/), and for JSON the language
        // the client ranks first; the path names the language prefix, which the page links to.
        String accept = request.getHeaders().get("Accept");
        boolean json = accept != null && accept.contains("json");
        String key = found.tenant().id() + "|" + found.language() + "|" + request.getPath() + "|" + status.getCode()
                + "|" + (json ? "json|" + request.getHeaders().get("Accept-Language") : "html");
        Made m = made.get(key, k -> {
            MutableHttpResponse<byte[]> first = render.get();
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            first.getHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
            return new Made(first.body(), List.copyOf(headers));
        });
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(status).body(m.body());
        m.headers().forEach(h -> response.getHeaders().add(h.getKey(), h.getValue()));
        return response;
    }

    /** Site names and branding are in the page. */
    @EventListener
    void onDirectoryChanged(TenantDirectory.DirectoryChanged event) {
        made.invalidateAll();
    }
}
