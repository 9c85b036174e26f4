package vn.gov.portal.interaction;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.infra.web.Assets;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.Resolution;

/** The answer to a rating form: a short page in the site's language leading back to the rated page. */
@Singleton
class RatingPages {
    private final Templates templates;
    private final Assets assets;

    RatingPages(Templates templates, Assets assets) {
        this.templates = templates;
        this.assets = assets;
    }

    HttpResponse<?> answer(HttpRequest<?> request, Resolution.Found site, String page, String messageKey,
                           HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("assets", assets);
        model.put("lang", site.language());
        model.put("siteName", site.tenant().nameIn(site.language()));
        model.put("messageKey", messageKey);
        model.put("back", site.prefix() + (Ratings.validPath(page) ? page : "/"));
        model.put("ok", status == HttpStatus.OK);
        byte[] body = templates.render("base/rated", site.locale(), model);
        return HttpResponse.status(status).body(body).contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store");
    }
}
