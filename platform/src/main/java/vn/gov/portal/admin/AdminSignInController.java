package vn.gov.portal.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.PasswordHashing;
import vn.gov.portal.identity.SignInThrottle;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.SignIn;
import vn.gov.portal.identity.AccountSecurity;
import vn.gov.portal.identity.SessionTokens;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.BackOfficeMenu;

/** Back-office sign-in and sign-out on a site's host: a session cookie good for that site only. */
@Controller("/admin")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminSignInController {
    private final SignIn signIn;
    private final Accounts accounts;
    private final AdminPages pages;
    private final SessionTokens sessions;
    private final AccountSecurity security;

    public AdminSignInController(SignIn signIn, Accounts accounts, AdminPages pages, SessionTokens sessions,
                                 AccountSecurity security) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.pages = pages;
        this.sessions = sessions;
        this.security = security;
    }

    // ----------------------------------------------------------------- sign-in, sign-out

    @Get("/dang-nhap")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> loginForm(HttpRequest<?> request) {
        return pages.page(request, "admin/login", null, new HashMap<>(Map.of("username", "")), HttpStatus.OK);
    }

    @Anyone
    @Post(value = "/dang-nhap", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> login(HttpRequest<?> request, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Resolution.Found found = CurrentSite.of(request);
        String username = form.getOrDefault("username", "");
        String address = RequestOrigin.clientAddress(request);
        String password = form.getOrDefault("password", "");
        var outcome = signIn.attempt(found.tenant(), username, password, form.get("totp"), form.get("recoveryCode"),
                address);
        if (outcome instanceof SignIn.Outcome.Accepted a) {
            boolean enrol = security.mustEnrol(found.tenant(), found.baseDomain(), a.accountId(), a.username(),
                    a.roles());
            String token = sessions.issue(found.tenant().id(), a.accountId(), a.username(), a.fullName(), a.roles(),
                    enrol, (int) AdminSession.LIFETIME.toSeconds());
            MutableHttpResponse<?> r = HttpResponse.seeOther(URI.create(enrol ? AdminAccountController.PATH
                : BackOfficeMenu.landing(a.roles(), found.tenant())));
            AdminSession.signIn(request, r, token);
            return r;
        }
        boolean codeTyped = !form.getOrDefault("totp", "").isBlank() || !form.getOrDefault("recoveryCode", "").isBlank();
        if (outcome instanceof SignIn.Outcome.SecondFactorNeeded
                || (outcome instanceof SignIn.Outcome.Refused && codeTyped)) {
            // The second step: the same form asks for the code. The password goes back with it
            // in a hidden field (on a no-store page, over the same connection) rather than into
            // any server-side state, and is checked again with the code: the second step is not
            // a door of its own.
            Map<String, Object> model = new HashMap<>(Map.of("username", username, "password", password,
                    "secondStep", true));
            if (form.containsKey("totp") || form.containsKey("recoveryCode")) { // a code typed, and wrong
                model.put("error", "second-factor.wrong-code");
            }
            return pages.page(request, "admin/login", null, model, HttpStatus.UNAUTHORIZED);
        }
        if (outcome instanceof SignIn.Outcome.Busy) {
            // Too many passwords being checked at once (a flood, most likely): nothing was counted,
            // so the person may simply send the form again in a moment.
            return pages.page(request, "admin/login", null,
                    new HashMap<>(Map.of("username", username, "error", "auth.busy")), HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", String.valueOf(PasswordHashing.RETRY_AFTER_SECONDS));
        }
        if (outcome instanceof SignIn.Outcome.Throttled) {
            return pages.page(request, "admin/login", null,
                    new HashMap<>(Map.of("username", username, "error", "auth.throttled")), HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(SignInThrottle.WINDOW.toSeconds()));
        }
        Map<String, Object> model = new HashMap<>(Map.of("username", username, "error", "auth.refused"));
        return pages.page(request, "admin/login", null, model, HttpStatus.UNAUTHORIZED);
    }

    @Anyone
    @Post(value = "/dang-xuat", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logout(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        // Clearing the cookie is not enough: a copied token would live on until it expires.
        accounts.endSessions(Actor.of(auth).accountId());
        security.record(CurrentSite.tenant(request).id(), Actor.of(auth).label(), "auth.signed_out", null);
        MutableHttpResponse<?> r = HttpResponse.seeOther(URI.create("/admin/dang-nhap"));
        AdminSession.signOut(request, r);
        return r;
    }

}
