package vn.gov.portal.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Set;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.CurrentSite;

/** The province's security policy, on its own host: its head sets it, its head and site admin read it. */
@Controller("/api/v1/security-policy")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SecurityPolicyController {
    private final AccountSecurity security;

    public SecurityPolicyController(AccountSecurity security) {
        this.security = security;
    }

    @Needs(Permission.READ_SECURITY_POLICY)
    @Get
    public AccountSecurity.Policy get(HttpRequest<?> request, Authentication auth) {
        var site = CurrentSite.tenant(request);
        security.mayReadPolicy(site, Set.copyOf(auth.getRoles()), false);
        return security.policy(site);
    }

    @Needs(Permission.SET_SECURITY_POLICY)
    @Put
    public AccountSecurity.Policy put(HttpRequest<?> request, Authentication auth, @Body AccountSecurity.Policy body) {
        return security.setPolicy(CurrentSite.tenant(request), Actor.of(auth).label(), Set.copyOf(auth.getRoles()),
                body);
    }
}
