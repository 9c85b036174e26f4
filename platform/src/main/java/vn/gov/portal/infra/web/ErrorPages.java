package vn.gov.portal.infra.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every error a client sees: problem+json under /api, a Vietnamese page elsewhere. Never a
 * stack trace, and for hosts that match no site, nothing that names one.
 */
@Singleton
public class ErrorPages {
    public static final String PROBLEM_JSON = "application/problem+json";
    private final Templates templates;
    private final Assets assets;
    private final JsonMapper json;
    private final BoundSites sites;

    public ErrorPages(Templates templates, Assets assets, JsonMapper json, BoundSites sites) {
        this.templates = templates;
        this.assets = assets;
        this.json = json;
        this.sites = sites;
    }

    /** A refusal, answered as {@link #respond} does, with the rule and what is missing for the API. */
    public MutableHttpResponse<byte[]> refused(HttpRequest<?> request, ProblemException refusal) {
        if (wantsJson(request)) {
            return problem(request, refusal);
        }
        return respond(request, refusal.status(), refusal.detailKey(), Map.of("detailArgs", refusal.detailArgs()));
    }

    private static boolean wantsJson(HttpRequest<?> request) {
        String accept = request.getHeaders().get("Accept");
        return request.getPath().startsWith("/api/") || (accept != null && accept.contains("json"));
    }

    /** An error answer fitting the request: JSON for the API, HTML for people. */
    public MutableHttpResponse<byte[]> respond(HttpRequest<?> request, HttpStatus status, @Nullable String detailKey,
                                               Map<String, Object> extra) {
        if (wantsJson(request)) {
            return problem(request, status, detailKey);
        }
        var bound = sites.find(request);
        Locale locale = bound.map(BoundSites.BoundSite::locale).orElse(Templates.VIETNAMESE);
        Map<String, Object> model = new HashMap<>(extra);
        // Within a site, the page names it and leads back into it; an unknown host names nothing.
        bound.ifPresent(found -> {
            model.put("homeName", found.name());
            model.put("prefix", found.prefix());
        });
        // A refusal inside the back office leads back to its home, which answers every signed-in seat.
        model.put("backOffice", bound.isPresent() && status == HttpStatus.FORBIDDEN
                && (request.getPath().equals("/admin") || request.getPath().startsWith("/admin/")));
        model.put("lang", locale.getLanguage());
        model.put("status", status.getCode());
        model.put("titleKey", "error." + status.getCode() + ".title");
        model.put("detailKey", detailKey != null ? detailKey : "error." + status.getCode() + ".detail");
        model.putIfAbsent("detailArgs", new Object[0]);
        model.put("assets", assets);
        byte[] body = templates.render("base/error", locale, model);
        return HttpResponse.<byte[]>status(status).body(body).contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store");
    }

    public MutableHttpResponse<byte[]> problem(HttpRequest<?> request, HttpStatus status, @Nullable String detailKey) {
        return problem(request, status, detailKey, null);
    }

    public MutableHttpResponse<byte[]> problem(HttpRequest<?> request, HttpStatus status, @Nullable String detailKey,
                                               @Nullable String rule) {
        return problem(request, new ProblemException(status, detailKey == null ? "error." + status.getCode()
                + ".detail" : detailKey, rule));
    }

    /** A refusal as problem+json, with its rule and what it found missing when it names them. */
    public MutableHttpResponse<byte[]> problem(HttpRequest<?> request, ProblemException refusal) {
        HttpStatus status = refusal.status();
        Locale locale = prefersEnglish(request) ? Locale.ENGLISH : Templates.VIETNAMESE;
        String title = text(locale, "error." + status.getCode() + ".title", status.getReason());
        String detail = text(locale, refusal.detailKey(), title, refusal.detailArgs());
        Problem p = new Problem("about:blank", title, status.getCode(), detail, request.getPath(), refusal.rule(),
                refusal.missing().isEmpty() ? null : refusal.missing());
        try {
            return HttpResponse.<byte[]>status(status).body(json.writeValueAsBytes(p)).contentType(PROBLEM_JSON)
                    .header("Content-Language", locale.getLanguage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Locale locale, String key, String fallback, Object... args) {
        String t = templates.message(locale, key, args);
        return t != null ? t : fallback;
    }

    /** Vietnamese unless the client ranks English above it. */
    private static boolean prefersEnglish(HttpRequest<?> request) {
        String header = request.getHeaders().get("Accept-Language");
        if (header == null) {
            return false;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                String lang = r.getRange().split("-")[0];
                if (lang.equals("vi")) {
                    return false;
                }
                if (lang.equals("en")) {
                    return true;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }
}
