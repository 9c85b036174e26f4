package vn.gov.portal.provisioning.provinces;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import vn.gov.portal.identity.AccountSecurity;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ErrorPages;
import vn.gov.portal.tenancy.PlatformHost;

/**
 * A platform admin must have a second factor: until they have enrolled one,
 * every console page sends them to {@link #ENROL} and the provinces API answers 403 naming the
 * rule, whether they came in by the console's cookie or an API token. Read live, so enrolling
 * opens everything at once, without a new session. Sign-in, sign-out, the setup link and the
 * enrolment page itself stay open. Only the console's and the provinces API's paths pass through
 * here (a new platform path must be added to the patterns), so the sites' requests pay nothing.
 */
@ServerFilter(patterns = {PlatformHost.CONSOLE, PlatformHost.CONSOLE + "/**", "/api/v1/provinces",
        "/api/v1/provinces/**"})
public class PlatformSecondFactorGate implements Ordered {
    /** The enrolment page on the platform host. */
    public static final String ENROL = PlatformHost.CONSOLE + "/xac-thuc-hai-lop";
    private final AccountSecurity security;
    private final PlatformHost platform;
    private final ErrorPages errors;

    public PlatformSecondFactorGate(AccountSecurity security, PlatformHost platform, ErrorPages errors) {
        this.security = security;
        this.platform = platform;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> sendToEnrol(HttpRequest<?> request) {
        if (!PlatformHost.isBound(request) || open(request.getPath())) {
            return null;
        }
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        if (auth == null || !auth.getRoles().contains(Role.PLATFORM_ADMIN.name())
                || !security.mustEnrolOnPlatform(platform.host(), accountId(auth), auth.getName())) {
            return null;
        }
        if (request.getPath().startsWith("/api/")) {
            return errors.problem(request, HttpStatus.FORBIDDEN, "platform.second-factor.enrol-first",
                    "second-factor-enrolment");
        }
        return HttpResponse.seeOther(URI.create(ENROL));
    }

    static long accountId(Authentication auth) {
        return Long.parseLong(String.valueOf(auth.getAttributes().get("account")));
    }

    private static boolean open(String path) {
        return path.equals(ENROL) || path.startsWith(ENROL + "/") || path.equals(PlatformHost.CONSOLE + "/dang-nhap")
                || path.equals(PlatformHost.CONSOLE + "/dang-xuat") || path.startsWith(PlatformSetupLinks.PATH);
    }
}
