package vn.gov.portal.infra.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

/** Serves theme files on every host; a fingerprinted address never changes content. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/assets")
public class AssetController {
    private final Assets assets;

    public AssetController(Assets assets) {
        this.assets = assets;
    }

    @Get("/{hash}/{+path}")
    public MutableHttpResponse<byte[]> asset(@PathVariable String hash, @PathVariable String path) {
        Assets.Asset a = assets.get(path);
        if (a == null) {
            return HttpResponse.notFound();
        }
        // An old fingerprint still gets the current file, but must not be cached for a year.
        String cache = a.hash().equals(hash) ? "public, max-age=31536000, immutable" : "no-cache";
        return HttpResponse.ok(a.bytes()).contentType(a.contentType()).header("Cache-Control", cache)
                .header("X-Content-Type-Options", "nosniff");
    }
}
