package vn.gov.portal.infra.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.time.DateTimeException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.db.DatabaseUnavailable;

/** Turns whatever went wrong into an {@link ErrorPages} answer; the log keeps the detail. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
public class ErrorController {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorController.class);
    private final ErrorPages pages;

    public ErrorController(ErrorPages pages) {
        this.pages = pages;
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        return pages.respond(request, HttpStatus.NOT_FOUND, null, Map.of());
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return pages.respond(request, HttpStatus.METHOD_NOT_ALLOWED, null, Map.of());
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    public HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return pages.respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, Map.of());
    }

    @Error(global = true)
    public HttpResponse<?> refused(HttpRequest<?> request, ProblemException problem) {
        return pages.refused(request, problem);
    }

    @Error(global = true)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable error) {
        HttpStatus status;
        if (DatabaseUnavailable.isCause(error)) {
            return databaseUnavailable(request, error);
        }
        if (error instanceof AuthorizationException denied && !denied.isForbidden()
                && request.getPath().startsWith("/admin")) {
            // People (not API clients) who are not signed in go to the sign-in page.
            return HttpResponse.seeOther(URI.create("/admin/dang-nhap"));
        }
        if (error instanceof AuthorizationException denied) {
            // Signed in but not allowed: 403; not (or no longer) signed in: 401.
            status = denied.isForbidden() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        } else if (error instanceof HttpStatusException hse) {
            status = hse.getStatus();
        } else if (error instanceof ContentLengthExceededException
                || error instanceof BufferLengthExceededException) {
            // A body past micronaut.server.max-request-size, a buffered one (JSON, form fields) past
            // max-request-buffer-size: the client sent too much, not a failure of ours.
            status = HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        } else if (error instanceof ConversionErrorException || error instanceof UnsatisfiedRouteException
                || error instanceof IllegalArgumentException
                || error instanceof CodecException
                || error instanceof JsonSyntaxException
                || error instanceof DateTimeException
                || error instanceof ConstraintViolationException) {
            status = HttpStatus.BAD_REQUEST;
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.getCode() >= 500) {
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), error);
        }
        return pages.respond(request, status, null, Map.of());
    }

    /**
     * The database down, or a request past one of DatabaseTimeouts' bounds: 503 "try again shortly",
     * not a 500, and one log line (no stack trace: an outage would bury the log in them).
     */
    private HttpResponse<?> databaseUnavailable(HttpRequest<?> request, Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.warn("{} {}: database unavailable or too slow: {}", request.getMethod(), request.getPath(), root.toString());
        return pages.respond(request, HttpStatus.SERVICE_UNAVAILABLE, "error.database-unavailable.detail", Map.of())
                .header("Retry-After", "5");
    }
}
