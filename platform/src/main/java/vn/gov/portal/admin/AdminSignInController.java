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
import io.micronaut.security.token.generator.TokenGenerator;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.SignIn;
import vn.gov.portal.identity.TenantBoundTokens;
import vn.gov.portal.publishing.Actor;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;

/** Back-office sign-in and sign-out on a site's host: a session cookie good for that site only. */
@Controller("/admin")
@vn.gov.portal.infra.web.ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminSignInController {
    private final SignIn signIn;
    private final TokenGenerator tokens;
    private final Accounts accounts;
    private final AdminPages pages;

    public AdminSignInController(SignIn signIn, TokenGenerator tokens, Accounts accounts, AdminPages pages) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.accounts = accounts;
        this.pages = pages;
    }

    // ----------------------------------------------------------------- sign-in, sign-out

    @Get("/dang-nhap")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> loginForm(HttpRequest<?> request) {
        return pages.page(request, "admin/login", null, new HashMap<>(Map.of("username", "")), HttpStatus.OK);
    }

    @Post(value = "/dang-nhap", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> login(HttpRequest<?> request, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Resolution.Found found = CurrentSite.of(request);
        String username = form.getOrDefault("username", "");
        String address = vn.gov.portal.infra.web.RequestOrigin.clientAddress(request);
        var outcome = signIn.attempt(found.tenant(), username, form.getOrDefault("password", ""), address);
        if (outcome instanceof SignIn.Outcome.Accepted a) {
            var auth = Authentication.build(a.username(), a.roles(), Map.of(TenantBoundTokens.TENANT_CLAIM,
                    found.tenant().id(), "name", a.fullName(), "account", a.accountId()));
            String token = tokens.generateToken(auth, (int) AdminSession.LIFETIME.toSeconds()).orElseThrow();
            MutableHttpResponse<?> r = HttpResponse.seeOther(URI.create(BackOfficeMenu.landing(a.roles(), found.tenant())));
            AdminSession.signIn(request, r, token);
            return r;
        }
        String key = outcome instanceof SignIn.Outcome.Throttled ? "auth.throttled" : "auth.refused";
        Map<String, Object> model = new HashMap<>(Map.of("username", username, "error", key));
        return pages.page(request, "admin/login", null, model, outcome instanceof SignIn.Outcome.Throttled
                ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED);
    }

    @Post(value = "/dang-xuat", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logout(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        // Clearing the cookie is not enough: a copied token would live on until it expires.
        accounts.endSessions(Actor.of(auth).accountId());
        MutableHttpResponse<?> r = HttpResponse.seeOther(URI.create("/admin/dang-nhap"));
        AdminSession.signOut(request, r);
        return r;
    }

}
