package vn.gov.portal.provisioning;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.CurrentSite;

/** {@code GET /api/v1/usage}: a site's own quotas and use, for its content administrator and head. */
@Controller("/api/v1/usage")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsageController {
    private final SiteQuotas quotas;

    public UsageController(SiteQuotas quotas) {
        this.quotas = quotas;
    }

    @Needs(Permission.READ_USAGE)
    @Get
    public SiteQuotas.Usage usage(HttpRequest<?> request, Authentication auth) {
        Permission.READ_USAGE.mustSeats(auth.getRoles());
        return quotas.usage(CurrentSite.tenant(request));
    }
}
