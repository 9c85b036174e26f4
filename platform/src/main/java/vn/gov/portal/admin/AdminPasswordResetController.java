package vn.gov.portal.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.identity.AccountSecurity;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.PasswordResets;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;

/**
 * "Quên mật khẩu?": the form that mails a reset link (answered the same whether or not the
 * account exists), and the page the link opens to set the new password. The token is in the
 * path, so these pages are never cached or indexed (AdminPages); a link that does not work
 * answers 410 saying so. After a reset the person signs in again, with their second factor if
 * they have one: the link replaces the password, not the phone.
 */
@Controller("/admin")
@vn.gov.portal.infra.web.ServesPages
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminPasswordResetController {
    private final PasswordResets resets;
    private final AccountSecurity security;
    private final AdminPages pages;

    public AdminPasswordResetController(PasswordResets resets, AccountSecurity security, AdminPages pages) {
        this.resets = resets;
        this.security = security;
        this.pages = pages;
    }

    @Get("/quen-mat-khau")
    public HttpResponse<?> forgotForm(HttpRequest<?> request) {
        return pages.page(request, "admin/forgot", null, new HashMap<>(Map.of("login", "")), HttpStatus.OK);
    }

    @Anyone
    @Post(value = "/quen-mat-khau", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> forgot(HttpRequest<?> request, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        String login = form.getOrDefault("login", "").strip();
        Map<String, Object> model = new HashMap<>(Map.of("login", login));
        if (login.isEmpty()) {
            model.put("error", "reset.login-required");
            return pages.page(request, "admin/forgot", null, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            resets.request(request, login);
        } catch (ProblemException throttled) {
            model.put("error", throttled.detailKey());
            return pages.page(request, "admin/forgot", null, model, throttled.status());
        }
        model.put("sent", true);
        return pages.page(request, "admin/forgot", null, model, HttpStatus.OK);
    }

    @Get("/dat-lai-mat-khau/{token}")
    public HttpResponse<?> resetForm(HttpRequest<?> request, @PathVariable String token) {
        Map<String, Object> model = new HashMap<>(Map.of("action", AccountSecurity.RESET_PATH + token));
        var holder = security.resetHolder(token, CurrentSite.tenant(request).id());
        if (holder.isEmpty()) {
            model.put("error", "link.invalid");
            return pages.page(request, "admin/reset", null, model, HttpStatus.GONE);
        }
        model.put("holder", holder.get());
        return pages.page(request, "admin/reset", null, model, HttpStatus.OK);
    }

    @Anyone
    @Post(value = "/dat-lai-mat-khau/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> reset(HttpRequest<?> request, @PathVariable String token, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        long site = CurrentSite.tenant(request).id();
        Map<String, Object> model = new HashMap<>(Map.of("action", AccountSecurity.RESET_PATH + token));
        var holder = security.resetHolder(token, site);
        if (holder.isEmpty()) {
            model.put("error", "link.invalid");
            return pages.page(request, "admin/reset", null, model, HttpStatus.GONE);
        }
        model.put("holder", holder.get());
        String password = form.getOrDefault("password", "");
        if (!password.equals(form.getOrDefault("password2", ""))) {
            model.put("error", "link.mismatch");
            return pages.page(request, "admin/reset", null, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            security.redeemReset(token, site, password);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.GONE) {
                model.remove("holder");
            }
            model.put("error", refused.detailKey());
            return pages.page(request, "admin/reset", null, model, refused.status());
        }
        model.remove("holder");
        model.put("done", true);
        return pages.page(request, "admin/reset", null, model, HttpStatus.OK);
    }
}
