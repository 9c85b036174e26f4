package vn.gov.portal.provisioning;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.pow.ProofOfWork;
import vn.gov.portal.infra.ratelimit.DailyCaps;
import vn.gov.portal.infra.ratelimit.RateLimits;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.site.EmcScript;
import vn.gov.portal.site.PublicPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.identity.ProvinceAdmins;

/**
 * Requests for a site: the public form on the province's portal ({@code /dang-ky-trang}), the
 * same over JSON, and the deciders' API. Filing is open to anyone (units have no account
 * yet), so it is guarded three ways: a limit per address, a proof of work the browser solves
 * ({@link ProofOfWork}, form id {@value #POW_FORM}), and a cap on the province's requests a day
 * ({@link DailyCaps}). Deciding is for {@link ProvinceAdmins}.
 */
@Controller
@ServesPages
@ExecuteOn(TaskExecutors.BLOCKING)
public class SiteRequestController {
    /** A unit files once; a few corrections an hour are plenty, a flood is not. */
    static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit(5, Duration.ofHours(1));
    private static final String FORM = "/dang-ky-trang";
    /** The proof-of-work form id: the page's {@code data-pow}, the API's challenge's {@code form}. */
    static final String POW_FORM = "site-request";
    private final SiteRequests requests;
    private final RateLimits limits;
    private final TenantDirectory directory;
    private final PublicPages publicPages;
    private final Templates templates;
    private final ProofOfWork pow;
    private final DailyCaps caps;

    public SiteRequestController(SiteRequests requests, RateLimits limits, TenantDirectory directory,
                                 PublicPages publicPages, Templates templates, ProofOfWork pow, DailyCaps caps) {
        this.requests = requests;
        this.pow = pow;
        this.caps = caps;
        this.limits = limits;
        this.directory = directory;
        this.publicPages = publicPages;
        this.templates = templates;
    }

    @Serdeable
    public record Decline(@Nullable String reason) {
    }

    /** A declined request, and the mail that tells the unit why. */
    @Serdeable
    public record Declined(long id, SiteRequestStatus status, MailOutbox.Queued mail) {
    }

    // ------------------------------------------------------------------ the public form

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(FORM)
    public HttpResponse<?> form(HttpRequest<?> request) {
        return page(request, new HashMap<>(), HttpStatus.OK);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Anyone
    @Post(value = FORM, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> submit(HttpRequest<?> request, @Body Map<String, String> form) {
        Tenant province = province(request);
        Map<String, Object> model = new HashMap<>();
        var filing = new SiteRequests.Filing(form.get("unitName"), form.get("kind"), form.get("subdomain"),
                form.get("headName"), form.get("headEmail"), form.get("reason"));
        model.put("filing", filing); // whatever was typed comes back, so nothing is lost
        if (!limits.tryConsume(province.id(), "site-request", RequestOrigin.clientKey(request), PER_ADDRESS)) {
            model.put("error", "request.throttled");
            return page(request, model, HttpStatus.TOO_MANY_REQUESTS);
        }
        try {
            pow.verify(province.id(), POW_FORM, form.get("pow-challenge"), form.get("pow-nonce"));
            SiteRequests.validate(filing);
            if (!"yes".equals(form.get("consent"))) {
                // Law 91/2025: personal data is taken only with the person's consent to the notice.
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "request.consent-required", "consent");
            }
            if (!caps.takeSiteRequest(province.id())) {
                model.put("error", "request.daily-cap");
                return page(request, model, HttpStatus.TOO_MANY_REQUESTS);
            }
            var filed = requests.file(province, filing);
            model.put("filedId", filed.id());
            model.put("mail", filed.mail());
            model.remove("filing");
            return page(request, model, HttpStatus.OK);
        } catch (ProblemException refused) {
            model.put("error", refused.detailKey());
            model.put("field", refused.rule());
            return page(request, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<?> page(HttpRequest<?> request, Map<String, Object> model, HttpStatus status) {
        Resolution.Found found = CurrentSite.of(request);
        province(request);
        Map<String, Object> full = publicPages.baseModel(request, found);
        full.putAll(model);
        full.putIfAbsent("filing", new SiteRequests.Filing("", "DEPARTMENT", "", "", "", ""));
        full.put("noindex", true);
        full.put("powForm", POW_FORM);
        byte[] body = templates.render("base/request-site", found.locale(), full);
        // A form's answer is the visitor's own: never in the page cache, never kept by a proxy.
        // The public pages' policy: scripts from this site only (the form's is base/static/pow.js).
        return HttpResponse.status(status).body(body).contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", EmcScript.policy(found.tenant().emcSiteId()));
    }

    /** The form is the province's (TN Đ14.5: units ask the province); elsewhere it does not exist. */
    private static Tenant province(HttpRequest<?> request) {
        Tenant here = CurrentSite.of(request).tenant();
        if (!here.isProvince() || !CurrentSite.of(request).prefix().isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        return here;
    }

    // ------------------------------------------------------------------ API

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Anyone
    @Post("/api/v1/site-requests")
    public HttpResponse<SiteRequests.Filed> fileOverApi(HttpRequest<?> request, @Body SiteRequests.Filing filing) {
        Tenant province = province(request);
        if (!limits.tryConsume(province.id(), "site-request", RequestOrigin.clientKey(request), PER_ADDRESS)) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "request.throttled", "rate");
        }
        // The same proof as the page's, in headers: GET /api/v1/pow/challenge?form=site-request.
        pow.verify(province.id(), POW_FORM, request.getHeaders().get("Pow-Challenge"),
                request.getHeaders().get("Pow-Nonce"));
        SiteRequests.validate(filing);
        if (!caps.takeSiteRequest(province.id())) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "request.daily-cap", "daily-cap");
        }
        var filed = requests.file(province, filing);
        return HttpResponse.created(filed, URI.create("/api/v1/site-requests/" + filed.id()));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/api/v1/site-requests")
    public List<SiteRequests.Request> list(HttpRequest<?> request, Authentication auth) {
        return requests.list(ProvinceAdmins.provinceFor(request, auth, directory.snapshot()));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post("/api/v1/site-requests/{id}/approve")
    public HttpResponse<TenantApiController.CreatedSite> approve(HttpRequest<?> request, Authentication auth,
                                                                 @PathVariable long id) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        var created = requests.approve(province, CurrentSite.of(request).baseDomain(), id, LinkOrigin.of(request),
                ProvinceAdmins.actor(auth));
        return HttpResponse.created(TenantApiController.CreatedSite.of(created),
                URI.create("/api/v1/tenants/" + created.id()));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post("/api/v1/site-requests/{id}/decline")
    public Declined decline(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                            @Body Decline body) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        var mail = requests.decline(province, id, body.reason(), ProvinceAdmins.actor(auth));
        return new Declined(id, SiteRequestStatus.DECLINED, mail);
    }
}
