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

    public ErrorPages(Templates templates, Assets assets, JsonMapper json) {
        this.templates = templates;
        this.assets = assets;
        this.json = json;
    }

    /** An error answer fitting the request: JSON for the API, HTML for people. */
    public MutableHttpResponse<byte[]> respond(HttpRequest<?> request, HttpStatus status, @Nullable String detailKey,
                                               Map<String, Object> extra) {
        String accept = request.getHeaders().get("Accept");
        if (request.getPath().startsWith("/api/") || (accept != null && accept.contains("json"))) {
            return problem(request, status, detailKey);
        }
        var bound = vn.gov.portal.tenancy.CurrentSite.find(request);
        Locale locale = bound.map(vn.gov.portal.tenancy.Resolution.Found::locale).orElse(Templates.VIETNAMESE);
        Map<String, Object> model = new HashMap<>(extra);
        // Within a site, the page names it and leads back into it; an unknown host names nothing.
        bound.ifPresent(found -> {
            model.put("home", found.tenant());
            model.put("homeName", found.tenant().nameIn(found.language()));
            model.put("prefix", found.prefix());
        });
        model.put("lang", locale.getLanguage());
        model.put("status", status.getCode());
        model.put("titleKey", "error." + status.getCode() + ".title");
        model.put("detailKey", detailKey != null ? detailKey : "error." + status.getCode() + ".detail");
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
        return problem(request, status, detailKey, rule, new Object[0]);
    }

    /** {@code args}: the values the detail's message names ({0}, {1}…). */
    public MutableHttpResponse<byte[]> problem(HttpRequest<?> request, HttpStatus status, @Nullable String detailKey,
                                               @Nullable String rule, Object[] args) {
        Locale locale = prefersEnglish(request) ? Locale.ENGLISH : Templates.VIETNAMESE;
        String title = text(locale, "error." + status.getCode() + ".title", status.getReason());
        String detail = text(locale, detailKey != null ? detailKey : "error." + status.getCode() + ".detail", title);
        if (args.length > 0) {
            detail = new java.text.MessageFormat(detail, locale).format(args);
        }
        Problem p = new Problem("about:blank", title, status.getCode(), detail, request.getPath(), rule);
        try {
            return HttpResponse.<byte[]>status(status).body(json.writeValueAsBytes(p)).contentType(PROBLEM_JSON)
                    .header("Content-Language", locale.getLanguage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Locale locale, String key, String fallback) {
        String t = templates.message(locale, key);
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
