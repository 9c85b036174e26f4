package vn.gov.portal.provisioning.provinces;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.AccountSecurity;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.Assets;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.PlatformHost;

/**
 * The platform admin's second factor, on the platform host: the page
 * {@link PlatformSecondFactorGate} sends them to until they have one. The same two steps as on a
 * site's account page ({@link AccountSecurity}, {@code SecondFactors}): the secret and its otpauth
 * URI are shown once, a first code from the app confirms them, and the recovery codes are shown
 * once. There is no way to turn it off here: a platform admin must keep one.
 */
@Controller(PlatformSecondFactorGate.ENROL)
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlatformSecondFactorController {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformSecondFactorController.class);
    private final AccountSecurity security;
    private final PlatformHost platform;
    private final Templates templates;
    private final Assets assets;

    public PlatformSecondFactorController(AccountSecurity security, PlatformHost platform, Templates templates,
                                          Assets assets) {
        this.security = security;
        this.platform = platform;
        this.templates = templates;
        this.assets = assets;
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, Authentication auth) {
        PlatformAccess.check(request, auth);
        return render(request, auth, new HashMap<>(), HttpStatus.OK);
    }

    /** A new secret, shown this once (a restart replaces a secret never confirmed). */
    @Needs(Permission.ADMINISTER_PLATFORM)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> start(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        PlatformAccess.check(request, auth);
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Map<String, Object> model = new HashMap<>();
        try {
            model.put("enrolment", security.startSecondFactorOnPlatform(platform.host(),
                    PlatformSecondFactorGate.accountId(auth), auth.getName()));
        } catch (ProblemException refused) {
            model.put("error", refused.detailKey());
            return render(request, auth, model, refused.status());
        }
        return render(request, auth, model, HttpStatus.OK);
    }

    /** The first code confirms it: the recovery codes are shown once, and the console opens. */
    @Needs(Permission.ADMINISTER_PLATFORM)
    @Post(value = "/xac-nhan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirm(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        PlatformAccess.check(request, auth);
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        long accountId = PlatformSecondFactorGate.accountId(auth);
        Map<String, Object> model = new HashMap<>();
        List<String> codes;
        try {
            codes = security.confirmSecondFactorOnPlatform(accountId, form.get("code"));
        } catch (ProblemException refused) {
            model.put("error", refused.detailKey());
            if ("second-factor.wrong-code".equals(refused.detailKey())) {
                // Start over with a new secret: the one shown is not kept in the page.
                model.put("enrolment", security.startSecondFactorOnPlatform(platform.host(), accountId,
                        auth.getName()));
            }
            return render(request, auth, model, refused.status());
        }
        // The platform host has no site, so no site's audit log: the operator's own log keeps it.
        LOG.info("Platform admin account:{}:{} enrolled a second factor", accountId, auth.getName());
        model.put("recoveryCodes", codes);
        return render(request, auth, model, HttpStatus.OK);
    }

    private MutableHttpResponse<?> render(HttpRequest<?> request, Authentication auth, Map<String, Object> model,
                                          HttpStatus status) {
        long accountId = PlatformSecondFactorGate.accountId(auth);
        boolean mustEnrol = security.mustEnrolOnPlatform(platform.host(), accountId, auth.getName());
        model.put("mustEnrol", mustEnrol);
        var profile = security.profile(accountId);
        model.put("enabled", profile.secondFactor());
        model.put("recoveryCodesLeft", profile.recoveryCodesLeft());
        String csrf = AdminSession.csrf(request);
        model.put("assets", assets);
        model.put("csrf", csrf);
        model.put("me", auth.getAttributes().get("name"));
        MutableHttpResponse<byte[]> r = HttpResponse.<byte[]>status(status)
                .body(templates.render("admin/platform-second-factor", Templates.VIETNAMESE, model))
                .contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "noindex");
        AdminSession.keepCsrf(request, r);
        return r;
    }
}
