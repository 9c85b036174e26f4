package vn.gov.portal.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import vn.gov.portal.infra.ratelimit.RateLimits;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.RequestOrigin;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.HostName;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The public side of a reset, shared by the API and the back-office page: rate-limited per
 * address (across the province, as sign-in is) and per login on the site, and answered no
 * sooner than {@link #FLOOR}, so that mailing a link and finding nobody take about as long.
 */
@Singleton
public class PasswordResets {
    /** The least time a request takes: well above the work of writing the link and its mail. */
    static final Duration FLOOR = Duration.ofMillis(400);
    static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit(10, Duration.ofMinutes(15));
    static final RateLimits.Limit PER_LOGIN = new RateLimits.Limit(3, Duration.ofHours(1));
    private final AccountSecurity security;
    private final RateLimits limits;
    private final TenantDirectory directory;

    public PasswordResets(AccountSecurity security, RateLimits limits, TenantDirectory directory) {
        this.security = security;
        this.limits = limits;
        this.directory = directory;
    }

    /** Mails a link when {@code login} names someone of this site; throws 429 past the limits. */
    public void request(HttpRequest<?> request, String login) {
        long started = System.nanoTime();
        Resolution.Found found = CurrentSite.of(request);
        var dir = directory.snapshot();
        long province = dir.provinceOf(found.tenant()).id();
        String key = login.strip().toLowerCase(Locale.ROOT);
        if (!limits.tryConsume(province, "reset-address", RequestOrigin.clientKey(request), PER_ADDRESS)
                || !limits.tryConsume(found.tenant().id(), "reset-login", key, PER_LOGIN)) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "reset.throttled");
        }
        String host = dir.hostOf(found.tenant(), found.baseDomain());
        String origin = RequestOrigin.scheme(request) + "://" + host
                + HostName.portSuffix(request.getHeaders().get("Host"));
        security.requestReset(found.tenant(), origin, login);
        pad(started);
    }

    private static void pad(long startedNanos) {
        long left = FLOOR.toNanos() - (System.nanoTime() - startedNanos);
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
