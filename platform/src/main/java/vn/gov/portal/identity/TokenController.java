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
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.infra.security.SignedIn;
import vn.gov.portal.infra.web.ErrorPages;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.PlatformHost;
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
    private final ErrorPages errors;
    private final TenantDirectory directory;
    private final Accounts accounts;
    private final SessionTokens sessions;
    private final AccountSecurity security;
    private final PlatformHost platformHost;

    public TokenController(SignIn signIn, ErrorPages errors, TenantDirectory directory,
                           Accounts accounts, SessionTokens sessions, AccountSecurity security,
                           PlatformHost platformHost) {
        this.platformHost = platformHost;
        this.accounts = accounts;
        this.sessions = sessions;
        this.security = security;
        this.signIn = signIn;
        this.errors = errors;
        this.directory = directory;
    }

    @Serdeable
    public record TokenRequest(@Nullable String username, @Nullable String password, @Nullable String totp,
                               @Nullable String recoveryCode) {
    }

    /**
     * A token; {@code secondFactorEnrolmentRequired}: it carries no roles until the person enrols
     * a second factor (POST /api/v1/account/second-factor, then …/confirm, which answers a full one).
     * On the platform host: the provinces API refuses it until the operator enrols in the console.
     */
    @Serdeable
    public record TokenResponse(String access_token, String token_type, int expires_in,
                                boolean secondFactorEnrolmentRequired) {
    }

    @Serdeable
    public record Me(String username, String name, String site, List<String> roles) {
    }

    @Anyone
    @Post("/token")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> token(HttpRequest<?> request, @Body TokenRequest body) {
        if (body.username() == null || body.username().isBlank() || body.password() == null
                || body.password().isEmpty()) {
            return errors.problem(request, HttpStatus.BAD_REQUEST, "auth.missing-credentials");
        }
        String address = RequestOrigin.clientAddress(request);
        // The platform host is no site: its tokens say so and are good there only.
        boolean platform = PlatformHost.isBound(request);
        SignIn.Outcome outcome = platform
                ? signIn.attemptOnPlatform(body.username(), body.password(), body.totp(), body.recoveryCode(), address)
                : signIn.attempt(CurrentSite.of(request).tenant(), body.username(), body.password(), body.totp(),
                        body.recoveryCode(), address);
        return switch (outcome) {
            case SignIn.Outcome.Accepted a -> {
                if (platform) {
                    // An operator with no second factor gets a token the provinces API refuses
                    // until they enrol in the console (PlatformSecondFactorGate); the flag says so.
                    boolean enrol = security.mustEnrolOnPlatform(platformHost.host(), a.accountId(), a.username());
                    String jwt = sessions.issueOnPlatform(a.accountId(), a.username(), a.fullName(), TOKEN_SECONDS);
                    yield HttpResponse.ok(new TokenResponse(jwt, "Bearer", TOKEN_SECONDS, enrol))
                            .header("Cache-Control", "no-store");
                }
                Resolution.Found site = CurrentSite.of(request);
                boolean enrol = security.mustEnrol(site.tenant(), site.baseDomain(), a.accountId(), a.username(),
                        a.roles());
                String jwt = sessions.issue(site.tenant().id(), a.accountId(), a.username(), a.fullName(), a.roles(),
                        enrol, TOKEN_SECONDS);
                // Apart from auth.signed_in (which a back-office sign-in writes too): a bearer
                // token lives on after the session it came from would have ended.
                security.record(site.tenant().id(), "account:" + a.accountId() + ":" + a.username(),
                        "auth.token_issued", "token:api");
                yield HttpResponse.ok(new TokenResponse(jwt, "Bearer", TOKEN_SECONDS, enrol))
                        .header("Cache-Control", "no-store");
            }
            case SignIn.Outcome.SecondFactorNeeded n -> errors.problem(request, HttpStatus.UNAUTHORIZED,
                    "auth.second-factor-required", "second-factor");
            case SignIn.Outcome.Refused r -> errors.problem(request, HttpStatus.UNAUTHORIZED, "auth.refused");
            case SignIn.Outcome.Throttled t -> errors.problem(request, HttpStatus.TOO_MANY_REQUESTS, "auth.throttled")
                    .header("Retry-After", String.valueOf(SignInThrottle.WINDOW.toSeconds()));
            case SignIn.Outcome.Busy b -> errors.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "auth.busy")
                    .header("Retry-After", String.valueOf(PasswordHashing.RETRY_AFTER_SECONDS));
        };
    }

    /** Ends every session of the caller: this token and any other stop working at once. */
    @Anyone
    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> logout(HttpRequest<?> request, Authentication auth) {
        Object account = auth.getAttributes().get("account");
        if (account != null) {
            accounts.endSessions(Long.parseLong(String.valueOf(account)));
        }
        // The platform host has no site, so no site's audit log to write to.
        if (account != null && !PlatformHost.isBound(request)) {
            security.record(CurrentSite.tenant(request).id(), "account:" + account + ":" + auth.getName(),
                    "auth.signed_out", null);
        }
        return HttpResponse.noContent();
    }

    /** Who the token says the caller is, on this site. */
    @SignedIn
    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Me me(HttpRequest<?> request, Authentication auth) {
        Resolution.Found site = CurrentSite.of(request);
        return new Me(auth.getName(), String.valueOf(auth.getAttributes().get("name")),
                directory.snapshot().hostOf(site.tenant(), site.baseDomain()), List.copyOf(auth.getRoles()));
    }
}
