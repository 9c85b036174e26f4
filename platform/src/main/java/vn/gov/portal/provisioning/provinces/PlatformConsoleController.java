package vn.gov.portal.provisioning.provinces;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.SessionTokens;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.SignIn;
import vn.gov.portal.identity.TenantBoundTokens;
import vn.gov.portal.infra.web.Assets;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.PlatformHost;

/**
 * The operator's console on the platform host: sign-in (platform admins only), the
 * provinces with their sites, storage and last activity, filtered and paged on the server, and
 * the form that creates a province. Also the page the first platform admin's one-time link opens.
 * Every route answers 404 on a site's host.
 */
@Controller(PlatformHost.CONSOLE)
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlatformConsoleController {
    private static final int PAGE_SIZE = 25;
    private final Provinces provinces;
    private final SignIn signIn;
    private final SessionTokens sessions;
    private final Accounts accounts;
    private final PlatformSetupLinks setupLinks;
    private final Templates templates;
    private final Assets assets;

    public PlatformConsoleController(Provinces provinces, SignIn signIn, SessionTokens sessions, Accounts accounts,
                                     PlatformSetupLinks setupLinks, Templates templates, Assets assets) {
        this.provinces = provinces;
        this.signIn = signIn;
        this.sessions = sessions;
        this.accounts = accounts;
        this.setupLinks = setupLinks;
        this.templates = templates;
        this.assets = assets;
    }

    @Get("/dang-nhap")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> loginForm(HttpRequest<?> request) {
        onPlatform(request);
        return page(request, "admin/platform-login", null, new HashMap<>(Map.of("username", "")), HttpStatus.OK);
    }

    @Anyone
    @Post(value = "/dang-nhap", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> login(HttpRequest<?> request, @Body Map<String, String> form) {
        onPlatform(request);
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        String username = form.getOrDefault("username", "");
        // One field takes the app's code or, without the phone, a recovery code (letters and a dash).
        String code = form.getOrDefault("totp", "").strip();
        boolean totp = code.matches("[0-9 ]{6,8}");
        String recovery = totp || code.isEmpty() ? form.get("recoveryCode") : code;
        var outcome = signIn.attemptOnPlatform(username, form.getOrDefault("password", ""), totp ? code : null,
                recovery, RequestOrigin.clientAddress(request));
        if (outcome instanceof SignIn.Outcome.Accepted a) {
            return signedIn(request, a);
        }
        String key = outcome instanceof SignIn.Outcome.Throttled ? "auth.throttled"
                : outcome instanceof SignIn.Outcome.Busy ? "auth.busy"
                : outcome instanceof SignIn.Outcome.SecondFactorNeeded ? "auth.second-factor-required" : "auth.refused";
        return page(request, "admin/platform-login", null, new HashMap<>(Map.of("username", username, "error", key)),
                outcome instanceof SignIn.Outcome.Throttled ? HttpStatus.TOO_MANY_REQUESTS
                : outcome instanceof SignIn.Outcome.Busy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNAUTHORIZED);
    }

    @Anyone
    @Post(value = "/dang-xuat", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logout(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        onPlatform(request);
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        accounts.endSessions(Long.parseLong(String.valueOf(auth.getAttributes().get("account"))));
        MutableHttpResponse<?> r = HttpResponse.seeOther(URI.create(PlatformHost.CONSOLE + "/dang-nhap"));
        AdminSession.signOut(request, r);
        return r;
    }

    @Get
    public HttpResponse<?> home(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable String q,
                                @QueryValue(defaultValue = "1") int page) {
        PlatformAccess.check(request, auth);
        return console(request, auth, q, page, new HashMap<>(), HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PLATFORM)
    @Post(value = "/tinh", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        PlatformAccess.check(request, auth);
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Map<String, Object> model = new HashMap<>();
        String headName = form.getOrDefault("headName", "").strip();
        try {
            var created = provinces.create(new Provinces.NewProvince(form.get("name"), form.get("code"),
                    list(form.get("domains")), list(form.get("aliases")), form.get("preset"),
                    headName.isEmpty() ? null : new Provinces.Head(headName, form.get("headEmail"))),
                    LinkOrigin.of(request), PlatformAccess.actor(auth));
            model.put("created", created);
            model.put("createdName", form.get("name").strip());
            return console(request, auth, null, 1, model, HttpStatus.CREATED);
        } catch (ProblemException refused) {
            // The form comes back as typed, with the reason in Vietnamese.
            model.put("error", refused.detailKey());
            model.put("form", form);
            return console(request, auth, null, 1, model, refused.status());
        }
    }

    @Get("/khoi-tao/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> setupForm(HttpRequest<?> request, @PathVariable String token) {
        onPlatform(request);
        Map<String, Object> model = setupModel(token);
        if (!setupLinks.valid(token)) {
            model.put("error", "link.invalid");
            return page(request, "admin/platform-setup", null, model, HttpStatus.GONE);
        }
        model.put("valid", true);
        return page(request, "admin/platform-setup", null, model, HttpStatus.OK);
    }

    @Anyone
    @Post(value = "/khoi-tao/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> setup(HttpRequest<?> request, @PathVariable String token, @Body Map<String, String> form) {
        onPlatform(request);
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Map<String, Object> model = setupModel(token);
        model.put("username", form.getOrDefault("username", ""));
        model.put("fullName", form.getOrDefault("fullName", ""));
        model.put("email", form.getOrDefault("email", ""));
        model.put("valid", true);
        String password = form.getOrDefault("password", "");
        if (!password.equals(form.getOrDefault("password2", ""))) {
            model.put("error", "link.mismatch");
            return page(request, "admin/platform-setup", null, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        boolean done;
        try {
            done = setupLinks.redeem(token, form.getOrDefault("username", ""), form.getOrDefault("fullName", ""),
                    form.getOrDefault("email", ""), password);
        } catch (IllegalArgumentException refused) {
            model.put("error", refused.getMessage());
            return page(request, "admin/platform-setup", null, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (!done) {
            model.put("valid", false);
            model.put("error", "link.invalid");
            return page(request, "admin/platform-setup", null, model, HttpStatus.GONE);
        }
        var outcome = signIn.attemptOnPlatform(form.get("username"), password, null, null,
                RequestOrigin.clientAddress(request));
        return outcome instanceof SignIn.Outcome.Accepted a ? signedIn(request, a)
                : HttpResponse.seeOther(URI.create(PlatformHost.CONSOLE + "/dang-nhap"));
    }

    private HttpResponse<?> console(HttpRequest<?> request, Authentication auth, @Nullable String q, int page,
                                    Map<String, Object> model, HttpStatus status) {
        model.put("q", q == null ? "" : q);
        model.put("list", provinces.list(q, page, PAGE_SIZE));
        model.put("presets", provinces.presetCodes());
        model.putIfAbsent("form", Map.of("preset", "TN-2026"));
        return page(request, "admin/platform-provinces", auth, model, status);
    }

    private MutableHttpResponse<?> signedIn(HttpRequest<?> request, SignIn.Outcome.Accepted a) {
        String token = sessions.issueOnPlatform(a.accountId(), a.username(), a.fullName(),
                (int) AdminSession.LIFETIME.toSeconds());
        MutableHttpResponse<?> r = HttpResponse.seeOther(URI.create(PlatformHost.CONSOLE));
        AdminSession.signIn(request, r, token);
        return r;
    }

    private static Map<String, Object> setupModel(String token) {
        Map<String, Object> model = new HashMap<>();
        model.put("action", PlatformSetupLinks.PATH + token);
        model.put("valid", false);
        return model;
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, String template, @Nullable Authentication auth,
                                        Map<String, Object> model, HttpStatus status) {
        String csrf = AdminSession.csrf(request);
        model.put("assets", assets);
        model.put("csrf", csrf);
        model.put("me", auth == null ? null : auth.getAttributes().get("name"));
        MutableHttpResponse<byte[]> r = HttpResponse.<byte[]>status(status)
                .body(templates.render(template, Templates.VIETNAMESE, model))
                .contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "noindex");
        AdminSession.keepCsrf(request, r);
        return r;
    }

    private static void onPlatform(HttpRequest<?> request) {
        if (!PlatformHost.isBound(request)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
    }

    private static List<String> list(@Nullable String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
