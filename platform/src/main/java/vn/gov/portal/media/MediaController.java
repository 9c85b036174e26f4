package vn.gov.portal.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
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
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ErrorPages;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.CurrentSite;

/** Uploading to a site's media library (API) and serving its files (public, on its host). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MediaController {
    private static final Set<String> VARIANTS = Set.of("original", "thumb", "card", "full");
    private final MediaService media;
    private final ErrorPages errors;

    public MediaController(MediaService media, ErrorPages errors) {
        this.media = media;
        this.errors = errors;
    }

    /** A stored file as the API answers it, with the addresses of its variants. */
    @Serdeable
    public record MediaView(long id, String kind, String contentType, String name, long size,
                            @Nullable Integer width, @Nullable Integer height, @Nullable String alt, String url,
                            Map<String, String> variants) {
    }

    @Needs(Permission.WRITE_ARTICLES)
    @Post(value = "/api/v1/media", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<MediaView> upload(HttpRequest<?> request, Authentication auth, @Part("file") CompletedFileUpload file,
                                          @Nullable @Part("alt") String alt) {
        MediaService.Stored stored;
        // Micronaut keeps a part past multipart.threshold on disk (application.yml); it is streamed
        // from there into the store, never read into memory whole.
        try (var in = file.getInputStream()) {
            stored = media.upload(CurrentSite.tenant(request), Actor.of(auth), file.getFilename(), in, alt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> variants = new LinkedHashMap<>();
        stored.variants().keySet().forEach(v -> variants.put(v, "/media/" + stored.id() + "/" + v));
        return HttpResponse.created(new MediaView(stored.id(), stored.kind(), stored.contentType(), stored.name(),
                stored.size(), stored.width(), stored.height(), stored.alt(), "/media/" + stored.id() + "/original",
                variants));
    }

    /**
     * A medium of the site, on its own host. Visitors get what something published links; the
     * site's board, signed in (the back office's cookie, or a token), gets the rest too, for its
     * drafts and previews, marked so no shared cache keeps it.
     */
    @Get("/media/{id}/{variant}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<byte[]> file(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id,
                                     @PathVariable String variant) {
        if (!VARIANTS.contains(variant)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        var payload = media.read(CurrentSite.tenant(request), id, variant, onTheBoard(auth))
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail"));
        String disposition = (payload.inline() ? "inline" : "attachment") + "; filename*=UTF-8''"
                + URLEncoder.encode(payload.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(payload.bytes()).contentType(payload.contentType())
                .header("Cache-Control", payload.visible() ? "public, max-age=31536000, immutable"
                        : "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", disposition)
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    /**
     * A seat on this site's board (tokens are good only on the site that issued them:
     * TenantBoundTokens), the seats that read its drafts in the back office.
     */
    private static boolean onTheBoard(@Nullable Authentication auth) {
        return auth != null && auth.getAttributes().get("account") != null
                && Actor.of(auth).may(Permission.READ_DRAFT_MEDIA);
    }

    /** A refusal as everywhere (ErrorPages), with when to come back when the node is busy decoding. */
    @Error(exception = ProblemException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, ProblemException refusal) {
        var response = errors.refused(request, refusal);
        if (refusal.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", String.valueOf(MediaPolicy.DECODE_RETRY_AFTER.toSeconds()));
        }
        return response;
    }
}
