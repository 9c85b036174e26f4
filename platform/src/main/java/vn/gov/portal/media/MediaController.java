package vn.gov.portal.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.publishing.Actor;
import vn.gov.portal.tenancy.CurrentSite;

/** Uploading to a site's media library (API) and serving its files (public, on its host). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MediaController {
    private static final Set<String> VARIANTS = Set.of("original", "thumb", "card", "full");
    private final MediaService media;

    public MediaController(MediaService media) {
        this.media = media;
    }

    /** A stored file as the API answers it, with the addresses of its variants. */
    @Serdeable
    public record MediaView(long id, String kind, String contentType, String name, long size,
                            @Nullable Integer width, @Nullable Integer height, @Nullable String alt, String url,
                            Map<String, String> variants) {
    }

    @Post(value = "/api/v1/media", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<MediaView> upload(HttpRequest<?> request, Authentication auth, @Part("file") CompletedFileUpload file,
                                          @Nullable @Part("alt") String alt) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var stored = media.upload(CurrentSite.tenant(request).id(), Actor.of(auth), file.getFilename(), bytes, alt);
        Map<String, String> variants = new LinkedHashMap<>();
        stored.variants().keySet().forEach(v -> variants.put(v, "/media/" + stored.id() + "/" + v));
        return HttpResponse.created(new MediaView(stored.id(), stored.kind(), stored.contentType(), stored.name(),
                stored.size(), stored.width(), stored.height(), stored.alt(), "/media/" + stored.id() + "/original",
                variants));
    }

    @Get("/media/{id}/{variant}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<byte[]> file(HttpRequest<?> request, @PathVariable long id, @PathVariable String variant) {
        if (!VARIANTS.contains(variant)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        var payload = media.read(CurrentSite.tenant(request).id(), id, variant)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail"));
        String disposition = (payload.inline() ? "inline" : "attachment") + "; filename*=UTF-8''"
                + URLEncoder.encode(payload.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(payload.bytes()).contentType(payload.contentType())
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", disposition)
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }
}
