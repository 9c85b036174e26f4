package vn.gov.portal.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.PlatformHost;

/**
 * A token is good only on the site it was issued for, and only with an expiry. Micronaut
 * Security passes a token that has no {@code exp} (DESIGN.md, Known traps), and knows nothing
 * of tenants: both are checked here, on every request that carries a token. The account itself
 * (still active, not signed out or handed over since the token was issued) and the seats it
 * holds are read from the database right after, in {@link LiveSeats}, which builds the roles the
 * request acts with: one indexed read per signed-in request; visitors never pay it.
 */
@Singleton
public class TenantBoundTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {
    public static final String TENANT_CLAIM = "tenant";

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        if (request == null || !(claims.get(Claims.EXPIRATION_TIME) != null)) {
            return false;
        }
        Object tenant = claims.get(TENANT_CLAIM);
        // On the platform host only the platform's own tokens; on a site only that site's.
        boolean thisSite = tenant != null && (PlatformHost.isBound(request)
                ? PlatformHost.CLAIM.equals(String.valueOf(tenant))
                : CurrentSite.find(request)
                .map(site -> String.valueOf(site.tenant().id()).equals(String.valueOf(tenant)))
                .orElse(false));
        return thisSite && instant(claims.get(Claims.ISSUED_AT)) != null && claims.get(Claims.SUBJECT) != null;
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        return null;
    }
}
