package vn.gov.portal.backoffice;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the back office's session token from its cookie, beside the API's bearer header.
 * Micronaut's own cookie reader exists only in its "cookie" authentication mode, which would
 * turn the API's bearer mode off; the token is validated the same way either way
 * (signature, expiry, and TenantBoundTokens' site check).
 */
@Singleton
public class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        // Only the back office's own pages and forms (which check CSRF) take the cookie. The API
        // wants a bearer header: sibling sub-domains of a province are "same site", so
        // SameSite=Lax alone would not keep a cookie-borne call from another site's page out.
        if (!request.getPath().startsWith("/admin")) {
            return Optional.empty();
        }
        // Over HTTPS only the __Host- cookie counts: a plain-named one may come from a sibling host.
        return AdminSession.sessionToken(request);
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
