package vn.gov.portal.identity;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.tenancy.PlatformHost;

/**
 * Issues the tokens of a sign-in (the API's bearer token, the back office's cookie): bound to
 * the site ({@link TenantBoundTokens#TENANT_CLAIM}), with the account and its name.
 *
 * <p>Each carries {@link #ISSUED_MS}, its issue time to the millisecond: {@code iat} has whole
 * seconds, so without it a token given out just after a password change (whose sessions end
 * "now") would be refused with the ones it replaces whenever both fall in the same second.
 */
@Singleton
public class SessionTokens {
    public static final String ISSUED_MS = "issued_ms";
    /** Set on the token of someone who must enrol a second factor first: it carries no roles. */
    public static final String ENROL_CLAIM = "enrol_second_factor";
    private final TokenGenerator tokens;
    private final Clock clock;

    public SessionTokens(TokenGenerator tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public String issue(long tenantId, long accountId, String username, String fullName, List<String> roles,
                        boolean mustEnrol, int seconds) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(TenantBoundTokens.TENANT_CLAIM, tenantId);
        claims.put("name", fullName);
        claims.put("account", accountId);
        claims.put(ISSUED_MS, clock.millis());
        if (mustEnrol) {
            claims.put(ENROL_CLAIM, true);
        }
        Authentication auth = Authentication.build(username, mustEnrol ? List.of() : roles, claims);
        return tokens.generateToken(auth, seconds).orElseThrow(() -> new IllegalStateException("No token generated"));
    }

    /** A token of the platform host: its tenant is {@code PlatformHost.CLAIM}, good on no site. */
    public String issueOnPlatform(long accountId, String username, String fullName, int seconds) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(TenantBoundTokens.TENANT_CLAIM, PlatformHost.CLAIM);
        claims.put("name", fullName);
        claims.put("account", accountId);
        claims.put(ISSUED_MS, clock.millis());
        Authentication auth = Authentication.build(username, List.of(Role.PLATFORM_ADMIN.name()), claims);
        return tokens.generateToken(auth, seconds).orElseThrow(() -> new IllegalStateException("No token generated"));
    }

    /** True when the token was given to someone sent to enrol a second factor first. */
    public static boolean mustEnrol(Authentication auth) {
        return Boolean.parseBoolean(String.valueOf(auth.getAttributes().get(ENROL_CLAIM)));
    }
}
