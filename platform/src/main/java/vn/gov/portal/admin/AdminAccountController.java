package vn.gov.portal.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.AccountSecurity;
import vn.gov.portal.identity.Role;
import vn.gov.portal.identity.SessionTokens;
import vn.gov.portal.identity.SignIn;
import vn.gov.portal.infra.security.SignedIn;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.BackOfficeForm;
import vn.gov.portal.backoffice.Forms;
import vn.gov.portal.backoffice.Refusal;
import vn.gov.portal.backoffice.TokenForm;

/**
 * "Tài khoản của tôi" ({@code /admin/tai-khoan}): the person's profile, password and second
 * factor, and on a province's host, for its head, the province's security policy. Someone sent
 * to enrol a second factor first lands here (SecondFactorGate). A refused form comes back with
 * the reason in Vietnamese and what was typed (never a password).
 */
@Controller("/admin/tai-khoan")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminAccountController {
    static final String PATH = "/admin/tai-khoan";
    private final AccountSecurity security;
    private final SessionTokens sessions;
    private final SignIn signIn;
    private final AdminPages pages;
    private final Forms forms;

    public AdminAccountController(AccountSecurity security, SessionTokens sessions, SignIn signIn, AdminPages pages,
                                  Forms forms) {
        this.forms = forms;
        this.security = security;
        this.sessions = sessions;
        this.signIn = signIn;
        this.pages = pages;
    }

    @Get
    public HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String done) {
        Map<String, Object> model = new HashMap<>();
        if (done != null && done.matches("[a-z-]{1,40}")) {
            model.put("done", done);
        }
        return render(request, auth, model, HttpStatus.OK);
    }

    /** The profile form; the service's checks name the field they refuse. */
    @Serdeable
    record ProfileForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf, @Nullable String fullName,
                       @Nullable String email, @Nullable String phone) implements BackOfficeForm {
        AccountSecurity.ProfileChange change() {
            return new AccountSecurity.ProfileChange(fullName, email, phone);
        }

        @Override
        public @Nullable String fieldFor(String detailKey) {
            return switch (detailKey) {
                case "account.invalid-name" -> "fullName";
                case "account.invalid-email" -> "email";
                case "account.invalid-phone" -> "phone";
                default -> null;
            };
        }
    }

    @Serdeable
    record PasswordForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf,
                        @Nullable String currentPassword, @Nullable String newPassword,
                        @Nullable String newPassword2) implements BackOfficeForm {
        @Override
        public @Nullable String fieldFor(String detailKey) {
            return switch (detailKey) {
                case "account.wrong-password" -> "currentPassword";
                case "link.mismatch" -> "newPassword2";
                default -> null;
            };
        }
    }

    /** A second-factor code (six digits from the app, or a recovery code) and, to turn it off, the password. */
    @Serdeable
    record FactorForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf, @Nullable String code,
                      @Nullable String password) implements BackOfficeForm {
    }

    @Serdeable
    record PolicyForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf,
                      @Nullable String requireSecondFactorForHeads) implements BackOfficeForm {
    }

    @SignedIn
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveProfile(HttpRequest<?> request, Authentication auth, @Body ProfileForm form) {
        return forms.submit(request, "profile", form, () -> {
            security.updateProfile(caller(request, auth), form.change());
            return HttpResponse.seeOther(URI.create(PATH + "?done=account-saved"));
        }, refusal -> {
            Map<String, Object> model = refused(refusal);
            model.put("profileError", refusal.messageKey());
            model.put("typed", form.change());
            return render(request, auth, model, refusal.status());
        });
    }

    /** A new password ends every session; this browser gets a new cookie and carries on. */
    @SignedIn
    @Post(value = "/mat-khau", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> changePassword(HttpRequest<?> request, Authentication auth, @Body PasswordForm form) {
        return forms.submit(request, "password", form, () -> {
            String next = form.newPassword() == null ? "" : form.newPassword();
            if (!next.equals(form.newPassword2() == null ? "" : form.newPassword2())) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "link.mismatch");
            }
            security.changePassword(CurrentSite.tenant(request), caller(request, auth), form.currentPassword(), next,
                    RequestOrigin.clientAddress(request));
            return withNewSession(request, auth, List.copyOf(auth.getRoles()), SessionTokens.mustEnrol(auth),
                    "password-changed");
        }, refusal -> {
            Map<String, Object> model = refused(refusal);
            model.put("passwordError", refusal.messageKey());
            return render(request, auth, model, refusal.status());
        });
    }

    @SignedIn
    @Post(value = "/xac-thuc-hai-lop", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> startSecondFactor(HttpRequest<?> request, Authentication auth, @Body TokenForm form) {
        return forms.submit(request, "factor", form, () -> {
            Map<String, Object> model = new HashMap<>();
            model.put("enrolment", security.startSecondFactor(caller(request, auth)));
            return render(request, auth, model, HttpStatus.OK);
        }, refusal -> {
            Map<String, Object> model = refused(refusal);
            model.put("factorError", refusal.messageKey());
            return render(request, auth, model, refusal.status());
        });
    }

    /** The first code confirms enrolment: the recovery codes are shown once, and the session gets its roles. */
    @SignedIn
    @Post(value = "/xac-thuc-hai-lop/xac-nhan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirmSecondFactor(HttpRequest<?> request, Authentication auth, @Body FactorForm form) {
        return forms.submit(request, "factor", form, () -> {
            List<String> codes = security.confirmSecondFactor(caller(request, auth), form.code());
            Tenant site = CurrentSite.tenant(request);
            List<String> roles = signIn.rolesOn(site, Actor.of(auth).accountId());
            Map<String, Object> model = new HashMap<>();
            model.put("recoveryCodes", codes);
            model.put("done", "second-factor-on");
            Authentication full = Authentication.build(auth.getName(), roles, auth.getAttributes());
            String session = token(request, auth, roles, false);
            AdminSession.continueAs(request, session); // the page below is the new session's
            MutableHttpResponse<?> r = render(request, full, model, HttpStatus.OK);
            AdminSession.signIn(request, r, session);
            return r;
        }, refusal -> {
            Map<String, Object> model = refused(refusal);
            model.put("factorError", refusal.messageKey());
            if ("second-factor.wrong-code".equals(refusal.messageKey())) {
                // Start over with a new secret: the one shown is not kept in the page.
                model.put("enrolment", security.startSecondFactor(caller(request, auth)));
            }
            return render(request, auth, model, refusal.status());
        });
    }

    @SignedIn
    @Post(value = "/xac-thuc-hai-lop/tat", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> disableSecondFactor(HttpRequest<?> request, Authentication auth, @Body FactorForm form) {
        return forms.submit(request, "factor-off", form, () -> {
            if (security.secondFactorRequired(CurrentSite.tenant(request), List.copyOf(auth.getRoles()))) {
                throw new ProblemException(HttpStatus.CONFLICT, "second-factor.required");
            }
            String code = form.code() == null ? "" : form.code().strip();
            boolean totp = code.matches("[0-9 ]{6,7}");
            security.disableSecondFactor(caller(request, auth), totp ? code : null, totp ? null : code,
                    form.password());
            return HttpResponse.seeOther(URI.create(PATH + "?done=second-factor-off"));
        }, refusal -> {
            Map<String, Object> model = refused(refusal);
            model.put("factorError", refusal.messageKey());
            return render(request, auth, model, refusal.status());
        });
    }

    /** The province's head turns the second-factor requirement for heads and site admins on or off. */
    @Needs(Permission.SET_SECURITY_POLICY)
    @Post(value = "/chinh-sach", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> savePolicy(HttpRequest<?> request, Authentication auth, @Body PolicyForm form) {
        return forms.submit(request, "policy", form, () -> {
            security.setPolicy(CurrentSite.tenant(request), Actor.of(auth).label(), Set.copyOf(auth.getRoles()),
                    new AccountSecurity.Policy(form.requireSecondFactorForHeads() != null));
            return HttpResponse.seeOther(URI.create(PATH + "?done=policy-saved"));
        }, refusal -> {
            Map<String, Object> model = refused(refusal);
            model.put("policyError", refusal.messageKey());
            return render(request, auth, model, refusal.status());
        });
    }

    private static Map<String, Object> refused(Refusal refusal) {
        Map<String, Object> model = new HashMap<>();
        model.put("refusal", refusal);
        return model;
    }

    private MutableHttpResponse<?> render(HttpRequest<?> request, Authentication auth, Map<String, Object> model,
                                          HttpStatus status) {
        Tenant site = CurrentSite.tenant(request);
        model.put("profile", security.profile(Actor.of(auth).accountId()));
        model.put("mustEnrol", SessionTokens.mustEnrol(auth));
        boolean policyHead = Permission.SET_SECURITY_POLICY.allows(auth.getRoles(), site);
        model.put("policyHead", policyHead);
        if (policyHead) {
            model.put("policy", security.policy(site));
        }
        return pages.page(request, "admin/account", auth, model, status);
    }

    private HttpResponse<?> withNewSession(HttpRequest<?> request, Authentication auth, List<String> roles,
                                           boolean enrol, String done) {
        MutableHttpResponse<?> r = HttpResponse.seeOther(URI.create(PATH + "?done=" + done));
        AdminSession.signIn(request, r, token(request, auth, roles, enrol));
        return r;
    }

    private String token(HttpRequest<?> request, Authentication auth, List<String> roles, boolean enrol) {
        return sessions.issue(CurrentSite.tenant(request).id(), Actor.of(auth).accountId(), auth.getName(),
                String.valueOf(auth.getAttributes().get("name")), roles, enrol, (int) AdminSession.LIFETIME.toSeconds());
    }

    private static AccountSecurity.Caller caller(HttpRequest<?> request, Authentication auth) {
        return new AccountSecurity.Caller(CurrentSite.tenant(request).id(), Actor.of(auth).accountId(), auth.getName());
    }
}
