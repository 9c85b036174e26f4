package vn.gov.portal.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import vn.gov.portal.infra.web.ErrorPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * API sign-in: {@code POST /api/v1/auth/token} on the site's own host answers a bearer token
 * valid on that site only ({@link TenantBoundTokens}).
 */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {
    /** How long an API token lives, in seconds. */
    public static final int TOKEN_SECONDS = 3600;

    private final SignIn signIn;
    private final TokenGenerator tokens;
    private final ErrorPages errors;
    private final TenantDirectory directory;
    private final Accounts accounts;

    public TokenController(SignIn signIn, TokenGenerator tokens, ErrorPages errors, TenantDirectory directory,
                           Accounts accounts) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.tokens = tokens;
        this.errors = errors;
        this.directory = directory;
    }

    @Serdeable
    public record TokenRequest(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    public record TokenResponse(String access_token, String token_type, int expires_in) {
    }

    @Serdeable
    public record Me(String username, String name, String site, List<String> roles) {
    }

    @Post("/token")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> token(HttpRequest<?> request, @Body TokenRequest body) {
        if (body.username() == null || body.username().isBlank() || body.password() == null
                || body.password().isEmpty()) {
            return errors.problem(request, HttpStatus.BAD_REQUEST, "auth.missing-credentials");
        }
        String address = vn.gov.portal.infra.web.RequestOrigin.clientAddress(request);
        // The platform host (issue 12) is no site: its tokens say so and are good there only.
        boolean platform = vn.gov.portal.tenancy.PlatformHost.isBound(request);
        Object tenantClaim = platform ? vn.gov.portal.tenancy.PlatformHost.CLAIM : CurrentSite.of(request).tenant().id();
        SignIn.Outcome outcome = platform ? signIn.attemptOnPlatform(body.username(), body.password(), address)
                : signIn.attempt(CurrentSite.of(request).tenant(), body.username(), body.password(), address);
        return switch (outcome) {
            case SignIn.Outcome.Accepted a -> {
                Authentication auth = Authentication.build(a.username(), a.roles(),
                        Map.of(TenantBoundTokens.TENANT_CLAIM, tenantClaim, "name", a.fullName(),
                                "account", a.accountId()));
                String jwt = tokens.generateToken(auth, TOKEN_SECONDS)
                        .orElseThrow(() -> new IllegalStateException("No token generated"));
                yield HttpResponse.ok(new TokenResponse(jwt, "Bearer", TOKEN_SECONDS))
                        .header("Cache-Control", "no-store");
            }
            case SignIn.Outcome.Refused r -> errors.problem(request, HttpStatus.UNAUTHORIZED, "auth.refused");
            case SignIn.Outcome.Throttled t -> errors.problem(request, HttpStatus.TOO_MANY_REQUESTS, "auth.throttled")
                    .header("Retry-After", String.valueOf(SignInThrottle.WINDOW.toSeconds()));
        };
    }

    /** Ends every session of the caller: this token and any other stop working at once. */
    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> logout(Authentication auth) {
        Object account = auth.getAttributes().get("account");
        if (account != null) {
            accounts.endSessions(Long.parseLong(String.valueOf(account)));
        }
        return HttpResponse.noContent();
    }

    /** Who the token says the caller is, on this site. */
    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Me me(HttpRequest<?> request, Authentication auth) {
        Resolution.Found site = CurrentSite.of(request);
        return new Me(auth.getName(), String.valueOf(auth.getAttributes().get("name")),
                directory.snapshot().hostOf(site.tenant(), site.baseDomain()), List.copyOf(auth.getRoles()));
    }
}
