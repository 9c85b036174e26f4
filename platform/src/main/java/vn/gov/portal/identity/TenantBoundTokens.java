package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.tenancy.CurrentSite;

/**
 * A token is good only on the site it was issued for, and only with an expiry. Micronaut
 * Security passes a token that has no {@code exp} (DESIGN.md, Known traps), and knows nothing
 * of tenants: both are checked here, on every request that carries a token. So is the account:
 * still active, and not signed out (or handed over) since the token was issued. That costs one
 * indexed read per signed-in request; visitors' requests carry no token and never pay it.
 */
@Singleton
public class TenantBoundTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {
    public static final String TENANT_CLAIM = "tenant";
    private final TenantDb db;

    public TenantBoundTokens(TenantDb db) {
        this.db = db;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        if (request == null || !(claims.get(Claims.EXPIRATION_TIME) != null)) {
            return false;
        }
        Object tenant = claims.get(TENANT_CLAIM);
        // On the platform host only the platform's own tokens (issue 12); on a site only that site's.
        boolean thisSite = tenant != null && (vn.gov.portal.tenancy.PlatformHost.isBound(request)
                ? vn.gov.portal.tenancy.PlatformHost.CLAIM.equals(String.valueOf(tenant))
                : CurrentSite.find(request)
                .map(site -> String.valueOf(site.tenant().id()).equals(String.valueOf(tenant)))
                .orElse(false));
        return thisSite && sessionStillValid(claims);
    }

    private boolean sessionStillValid(Claims claims) {
        Object subject = claims.get(Claims.SUBJECT);
        Instant issued = instant(claims.get(Claims.ISSUED_AT));
        if (subject == null || issued == null) {
            return false;
        }
        var account = db.directory(ctx -> ctx.select(ACCOUNTS.STATUS, ACCOUNTS.SESSIONS_VALID_AFTER).from(ACCOUNTS)
                .where(ACCOUNTS.USERNAME.eq(String.valueOf(subject))).fetchOne());
        if (account == null || !"ACTIVE".equals(account.value1())) {
            return false;
        }
        var validAfter = account.value2();
        // iat has whole seconds, so a token of the very second of a sign-out is refused too.
        return validAfter == null || issued.toEpochMilli() > validAfter.toInstant().toEpochMilli();
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
