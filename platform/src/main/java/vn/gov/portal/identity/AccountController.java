package vn.gov.portal.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.gov.portal.infra.security.SignedIn;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;

/**
 * The signed-in person's own account, on the site they signed in on: profile, password, second
 * factor. Open to every signed-in person, including one sent to enrol a second factor first.
 */
@Controller("/api/v1/account")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccountController {
    private final AccountSecurity security;
    private final SessionTokens sessions;
    private final SignIn signIn;

    public AccountController(AccountSecurity security, SessionTokens sessions, SignIn signIn) {
        this.security = security;
        this.sessions = sessions;
        this.signIn = signIn;
    }

    @Serdeable
    public record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    @Serdeable
    public record Code(@Nullable String code) {
    }

    @Serdeable
    public record Proof(@Nullable String code, @Nullable String recoveryCode, @Nullable String password) {
    }

    /** Enrolment confirmed: the recovery codes (shown this once) and a token with the person's roles. */
    @Serdeable
    public record Enrolled(List<String> recoveryCodes, String access_token, String token_type, int expires_in) {
    }

    @SignedIn
    @Get
    public AccountSecurity.Profile profile(Authentication auth) {
        return security.profile(accountId(auth));
    }

    @SignedIn
    @Put
    public AccountSecurity.Profile update(HttpRequest<?> request, Authentication auth,
                                          @Body AccountSecurity.ProfileChange body) {
        return security.updateProfile(caller(request, auth), body);
    }

    /**
     * Ends every session of the account, this one included, and answers a new token so the
     * caller carries on: a stolen token dies with the old password.
     */
    @SignedIn
    @Post("/password")
    public HttpResponse<TokenController.TokenResponse> changePassword(HttpRequest<?> request, Authentication auth,
                                                                      @Body PasswordChange body) {
        Resolution.Found site = CurrentSite.of(request);
        security.changePassword(site.tenant(), caller(request, auth), body.currentPassword(), body.newPassword(),
                RequestOrigin.clientAddress(request));
        boolean enrol = SessionTokens.mustEnrol(auth);
        String token = sessions.issue(site.tenant().id(), accountId(auth), auth.getName(),
                String.valueOf(auth.getAttributes().get("name")), List.copyOf(auth.getRoles()), enrol,
                TokenController.TOKEN_SECONDS);
        return HttpResponse.ok(new TokenController.TokenResponse(token, "Bearer", TokenController.TOKEN_SECONDS,
                enrol)).header("Cache-Control", "no-store");
    }

    /** Starts enrolment: the secret and the otpauth:// URI, shown this once. */
    @SignedIn
    @Post("/second-factor")
    public HttpResponse<SecondFactors.Enrolment> startSecondFactor(HttpRequest<?> request, Authentication auth) {
        return HttpResponse.created(security.startSecondFactor(caller(request, auth)))
                .header("Cache-Control", "no-store");
    }

    @SignedIn
    @Post("/second-factor/confirm")
    public HttpResponse<Enrolled> confirmSecondFactor(HttpRequest<?> request, Authentication auth, @Body Code body) {
        Resolution.Found site = CurrentSite.of(request);
        List<String> codes = security.confirmSecondFactor(caller(request, auth), body.code());
        List<String> roles = signIn.rolesOn(site.tenant(), accountId(auth));
        String token = sessions.issue(site.tenant().id(), accountId(auth), auth.getName(),
                String.valueOf(auth.getAttributes().get("name")), roles, false, TokenController.TOKEN_SECONDS);
        return HttpResponse.ok(new Enrolled(codes, token, "Bearer", TokenController.TOKEN_SECONDS))
                .header("Cache-Control", "no-store");
    }

    /** Turns the second factor off, with a code or the password; refused where it is required. */
    @SignedIn
    @Post("/second-factor/disable")
    public HttpResponse<?> disableSecondFactor(HttpRequest<?> request, Authentication auth, @Body Proof body) {
        Resolution.Found site = CurrentSite.of(request);
        if (security.secondFactorRequired(site.tenant(), List.copyOf(auth.getRoles()))) {
            throw new ProblemException(HttpStatus.CONFLICT, "second-factor.required");
        }
        security.disableSecondFactor(caller(request, auth), body.code(), body.recoveryCode(), body.password());
        return HttpResponse.noContent();
    }

    static long accountId(Authentication auth) {
        Object id = auth.getAttributes().get("account");
        if (id == null) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "error.401.detail");
        }
        return Long.parseLong(String.valueOf(id));
    }

    static AccountSecurity.Caller caller(HttpRequest<?> request, Authentication auth) {
        return new AccountSecurity.Caller(CurrentSite.tenant(request).id(), accountId(auth), auth.getName());
    }
}
