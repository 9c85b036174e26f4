package vn.gov.portal.infra.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;

/**
 * Pages name their icon (the emblem) in a link element, but some clients still ask for
 * {@code /favicon.ico} on every host; a 404 there is noise in browser consoles and audits.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
public class FaviconController {
    private final Assets assets;

    public FaviconController(Assets assets) {
        this.assets = assets;
    }

    @Get("/favicon.ico")
    public HttpResponse<?> favicon() {
        return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY)
                .headers(h -> h.location(URI.create(assets.url("base/static/emblem.svg")))
                        .add("Cache-Control", "public, max-age=86400"));
    }
}
