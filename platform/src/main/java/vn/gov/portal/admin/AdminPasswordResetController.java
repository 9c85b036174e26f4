package vn.gov.portal.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.identity.AccountSecurity;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.PasswordResets;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.NewPasswordForm;
import vn.gov.portal.backoffice.BackOfficeForm;
import vn.gov.portal.backoffice.Forms;

/**
 * "Quên mật khẩu?": the form that mails a reset link (answered the same whether or not the
 * account exists), and the page the link opens to set the new password. The token is in the
 * path, so these pages are never cached or indexed (AdminPages); a link that does not work
 * answers 410 saying so. After a reset the person signs in again, with their second factor if
 * they have one: the link replaces the password, not the phone.
 */
@Controller("/admin")
@ServesPages
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminPasswordResetController {
    private final PasswordResets resets;
    private final AccountSecurity security;
    private final AdminPages pages;
    private final Forms forms;

    public AdminPasswordResetController(PasswordResets resets, AccountSecurity security, AdminPages pages,
                                        Forms forms) {
        this.forms = forms;
        this.resets = resets;
        this.security = security;
        this.pages = pages;
    }

    @Get("/quen-mat-khau")
    public HttpResponse<?> forgotForm(HttpRequest<?> request) {
        return pages.page(request, "admin/forgot", null, new HashMap<>(Map.of("login", "")), HttpStatus.OK);
    }

    /** "I forgot my password": the user name or e-mail address to send the link for. */
    @Serdeable
    @Introspected
    record ForgotForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf,
                      @NotBlank(message = "reset.login-required") @Nullable String login) implements BackOfficeForm {
    }

    @Anyone
    @Post(value = "/quen-mat-khau", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> forgot(HttpRequest<?> request, @Body ForgotForm form) {
        String login = form.login() == null ? "" : form.login().strip();
        return forms.submit(request, "forgot", form, () -> {
            resets.request(request, login);
            return pages.page(request, "admin/forgot", null, new HashMap<>(Map.of("login", login, "sent", true)),
                    HttpStatus.OK);
        }, refusal -> pages.page(request, "admin/forgot", null,
                new HashMap<>(Map.of("login", login, "refusal", refusal)), refusal.status()));
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
    public HttpResponse<?> reset(HttpRequest<?> request, @PathVariable String token, @Body NewPasswordForm form) {
        AdminSession.verifyCsrf(request, form.csrf());
        long site = CurrentSite.tenant(request).id();
        Map<String, Object> model = new HashMap<>(Map.of("action", AccountSecurity.RESET_PATH + token));
        var holder = security.resetHolder(token, site);
        if (holder.isEmpty()) {
            model.put("error", "link.invalid");
            return pages.page(request, "admin/reset", null, model, HttpStatus.GONE);
        }
        model.put("holder", holder.get());
        String password = form.typed();
        if (!form.confirmed()) {
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
