package vn.gov.portal.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.tenancy.CurrentSite;

/**
 * "Forgot my password" over the API: {@code POST /api/v1/auth/password-reset {login}} answers
 * 202 with the same body, in about the same time, whether or not the login names anyone here;
 * the link goes by e-mail only. The back office's "Quên mật khẩu?" page uses {@link PasswordResets}.
 */
@Controller("/api/v1/auth/password-reset")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PasswordResetController {
    private final PasswordResets resets;

    public PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @Serdeable
    public record ResetRequest(@Nullable String login) {
    }

    @Serdeable
    public record Accepted(String status) {
    }

    @Anyone
    @Post
    public HttpResponse<Accepted> request(HttpRequest<?> request, @Body ResetRequest body) {
        if (body.login() == null || body.login().isBlank()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "reset.login-required");
        }
        resets.request(request, body.login());
        return HttpResponse.<Accepted>status(HttpStatus.ACCEPTED).body(new Accepted("If the account exists, a link was sent"))
                .header("Cache-Control", "no-store");
    }
}
