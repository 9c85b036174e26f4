package vn.gov.portal.infra.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The answers Micronaut makes itself, where no route of ours runs: above all a request Netty
 * could not read (a request line over 4 KB, headers over 8 KB, not HTTP at all), which Micronaut
 * answers as a bare 413 or 400 status, with its own JSON ({@code _links}, {@code _embedded}).
 * Being a bean, this replaces Micronaut's processor, so those answers are ours too:
 * problem+json for the API, a page for people ({@link ErrorPages}).
 *
 * <p>Why not a 413 status route in {@link ErrorController}: a status route also takes over every
 * 413 a controller returns on purpose (a back-office form re-rendered with its message when an
 * upload is too large), and would replace that page with a bare error page.
 */
@Singleton
public class FrameworkErrors implements ErrorResponseProcessor<byte[]> {
    private final ErrorPages pages;

    public FrameworkErrors(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public MutableHttpResponse<byte[]> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        Throwable unreadable = decoderFailure(request);
        if (unreadable instanceof TooLongHttpLineException) {
            // Netty keeps neither the path nor the headers of a line it refused (it names the
            // request /bad-request): nothing tells a browser from an API client, so problem+json.
            return pages.problem(request, HttpStatus.REQUEST_URI_TOO_LONG, null);
        }
        HttpStatus status = unreadable instanceof TooLongHttpHeaderException
                ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : base.getStatus();
        // Headers too large keep the path and the headers read so far: a page for a browser.
        return pages.respond(request, status, null, Map.of());
    }

    private static @Nullable Throwable decoderFailure(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().decoderResult().isFailure()) {
            return netty.getNativeRequest().decoderResult().cause();
        }
        return null;
    }
}
