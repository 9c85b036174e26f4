package vn.gov.portal.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.SignIn;
import vn.gov.portal.identity.SignInLinks;
import vn.gov.portal.identity.AccountSecurity;
import vn.gov.portal.identity.SessionTokens;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.NewPasswordForm;
import vn.gov.portal.backoffice.BackOfficeMenu;

/**
 * The one-time link a new board member gets (the head of a site just created): it opens a form
 * to set a password on that site's host, and signs them in. The token is in the path, so the
 * page is never cached and never indexed (AdminPages), and only its hash is stored. A link that
 * does not work (spent, expired, another site's) answers 410 with the form's page saying so.
 */
@Controller("/admin/kich-hoat")
@ServesPages
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class FirstSignInController {
    private final SignInLinks links;
    private final SignIn signIn;
    private final SessionTokens sessions;
    private final AccountSecurity security;
    private final AdminPages pages;

    public FirstSignInController(SignInLinks links, SignIn signIn, SessionTokens sessions, AccountSecurity security,
                                 AdminPages pages) {
        this.links = links;
        this.signIn = signIn;
        this.sessions = sessions;
        this.security = security;
        this.pages = pages;
    }

    @Get("/{token}")
    public HttpResponse<?> form(HttpRequest<?> request, @PathVariable String token) {
        var holder = links.check(token, CurrentSite.of(request).tenant().id());
        Map<String, Object> model = model(token);
        if (holder.isEmpty()) {
            return invalid(request, model);
        }
        model.put("holder", holder.get());
        return pages.page(request, "admin/activate", null, model, HttpStatus.OK);
    }

    @Anyone
    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> setPassword(HttpRequest<?> request, @PathVariable String token,
                                       @Body NewPasswordForm form) {
        AdminSession.verifyCsrf(request, form.csrf());
        Resolution.Found found = CurrentSite.of(request);
        var holder = links.check(token, found.tenant().id());
        Map<String, Object> model = model(token);
        if (holder.isEmpty()) {
            return invalid(request, model);
        }
        model.put("holder", holder.get());
        String password = form.typed();
        if (!form.confirmed()) {
            model.put("error", "link.mismatch");
            return pages.page(request, "admin/activate", null, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            links.redeem(token, found.tenant().id(), password);
        } catch (IllegalArgumentException weak) {
            model.put("error", weak.getMessage());
            return pages.page(request, "admin/activate", null, model, HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (IllegalStateException spent) {
            model.remove("holder");
            return invalid(request, model);
        }
        // Signed in the usual way, so the seats and the throttle are the sign-in page's.
        var outcome = signIn.attempt(found.tenant(), holder.get().username(), password,
                RequestOrigin.clientAddress(request));
        if (!(outcome instanceof SignIn.Outcome.Accepted a)) {
            return HttpResponse.seeOther(URI.create("/admin/dang-nhap"));
        }
        // A head whose province requires a second factor (or a platform admin) enrols first.
        boolean enrol = security.mustEnrol(found.tenant(), found.baseDomain(), a.accountId(), a.username(), a.roles());
        String session = sessions.issue(found.tenant().id(), a.accountId(), a.username(), a.fullName(), a.roles(),
                enrol, (int) AdminSession.LIFETIME.toSeconds());
        MutableHttpResponse<?> r = HttpResponse.seeOther(URI.create(enrol ? AdminAccountController.PATH
                : BackOfficeMenu.landing(a.roles(), found.tenant())));
        AdminSession.signIn(request, r, session);
        return r;
    }

    private static Map<String, Object> model(String token) {
        Map<String, Object> model = new HashMap<>();
        model.put("action", SignInLinks.PATH + token);
        return model;
    }

    /** A spent, expired or foreign link: the form's page, saying so, as 410. */
    private HttpResponse<?> invalid(HttpRequest<?> request, Map<String, Object> model) {
        model.put("error", "link.invalid");
        return pages.page(request, "admin/activate", null, model, HttpStatus.GONE);
    }
}
