package vn.gov.portal.settings;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.CurrentSite;

/** The site's settings over the API, on its own host: read and replace ({@link SiteSettingsService}). */
@Controller("/api/v1/site/settings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SiteSettingsController {
    private final SiteSettingsService settings;

    public SiteSettingsController(SiteSettingsService settings) {
        this.settings = settings;
    }

    @Needs(Permission.MANAGE_SETTINGS)
    @Get
    public SiteSettings get(HttpRequest<?> request, Authentication auth) {
        return settings.read(CurrentSite.tenant(request).id(), auth.getRoles());
    }

    @Needs(Permission.MANAGE_SETTINGS)
    @Put
    public SiteSettings put(HttpRequest<?> request, Authentication auth, @Nullable @Body SiteSettings body) {
        if (body == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.required", "body", "body");
        }
        return settings.save(CurrentSite.tenant(request).id(), auth.getRoles(), actor(auth), body);
    }

    static String actor(Authentication auth) {
        return "account:" + auth.getAttributes().get("account") + ":" + auth.getName();
    }
}
