package vn.gov.portal.identity;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.MEMBERSHIPS;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.tenancy.PlatformHost;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * The roles a signed-in request acts with come from the database, not from the token: a seat
 * changed or ended takes effect on the site at the caller's next request, not when the token
 * expires. Micronaut builds the request's {@link Authentication} here, after the
 * signature and {@link TenantBoundTokens} (expiry, this site) have passed, for API bearer tokens
 * and the back office's cookie alike.
 *
 * <p>One indexed read per signed-in request, the one {@link TenantBoundTokens} used to make for
 * the account alone: the account (by its unique username) joined to its seats on this site and on
 * its province's board (by the account's index). The same read refuses a disabled account, a
 * token issued before a sign-out or handover, and a person left with no seat here. Visitors'
 * requests carry no token and never reach this.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class LiveSeats implements JwtAuthenticationFactory {
    private final TenantDb db;
    private final TenantDirectory directory;
    private final TenantScopes scopes;

    public LiveSeats(TenantDb db, TenantDirectory directory, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
    }

    /** One seat row: on which site, which role. */
    record Seat(long tenantId, String role) {
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        JWTClaimsSet claims;
        try {
            claims = token.getJWTClaimsSet();
        } catch (ParseException e) {
            return Optional.empty();
        }
        String subject = claims.getSubject();
        Object tenantClaim = claims.getClaim(TenantBoundTokens.TENANT_CLAIM);
        if (subject == null || tenantClaim == null || claims.getIssueTime() == null) {
            return Optional.empty();
        }
        if (PlatformHost.CLAIM.equals(String.valueOf(tenantClaim))) {
            return onPlatform(subject, claims);
        }
        Tenant site;
        try {
            site = directory.snapshot().byId(Long.parseLong(String.valueOf(tenantClaim)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (site == null) {
            return Optional.empty();
        }
        Tenant province = directory.snapshot().provinceOf(site);
        Set<Long> sites = new LinkedHashSet<>(List.of(site.id(), province.id()));
        var rows = db.readByIndex(scopes.siteAndProvince(site), ctx -> ctx
                .select(ACCOUNTS.ID, ACCOUNTS.STATUS, ACCOUNTS.SESSIONS_VALID_AFTER, ACCOUNTS.PLATFORM_ROLE,
                        MEMBERSHIPS.TENANT_ID, MEMBERSHIPS.ROLE)
                .from(ACCOUNTS).leftJoin(MEMBERSHIPS).on(MEMBERSHIPS.ACCOUNT_ID.eq(ACCOUNTS.ID),
                        MEMBERSHIPS.TENANT_ID.in(sites))
                .where(ACCOUNTS.USERNAME.eq(subject))
                .fetch());
        if (rows.isEmpty() || !AccountStatus.ACTIVE.is(rows.getFirst().value2())) {
            return Optional.empty();
        }
        if (!issuedAfter(claims, rows.getFirst().value3())) {
            return Optional.empty();
        }
        List<Seat> seats = new ArrayList<>();
        for (var r : rows) {
            if (r.value5() != null) {
                seats.add(new Seat(r.value5(), r.value6()));
            }
        }
        List<String> roles = roles(site.id(), rows.getFirst().value4(), seats);
        if (roles.isEmpty()) {
            return Optional.empty(); // no seat left here: the token no longer opens this site
        }
        Map<String, Object> attributes = new HashMap<>(claims.getClaims());
        attributes.remove("roles");
        attributes.put("account", rows.getFirst().value1());
        // Someone sent to enrol a second factor first acts with no role until they have (SessionTokens).
        boolean mustEnrol = Boolean.TRUE.equals(claims.getClaim(SessionTokens.ENROL_CLAIM));
        return Optional.of(Authentication.build(subject, mustEnrol ? List.of() : roles, attributes));
    }

    /**
     * A token of the platform host: no seat counts there, only the platform role, read
     * now like the seats (an operator whose role was taken away is refused at once).
     */
    private Optional<Authentication> onPlatform(String subject, JWTClaimsSet claims) {
        var account = db.directory(ctx -> ctx.select(ACCOUNTS.ID, ACCOUNTS.STATUS, ACCOUNTS.SESSIONS_VALID_AFTER,
                ACCOUNTS.PLATFORM_ROLE).from(ACCOUNTS).where(ACCOUNTS.USERNAME.eq(subject)).fetchOne());
        if (account == null || !AccountStatus.ACTIVE.is(account.value2())
                || !Role.PLATFORM_ADMIN.name().equals(account.value4()) || !issuedAfter(claims, account.value3())) {
            return Optional.empty();
        }
        Map<String, Object> attributes = new HashMap<>(claims.getClaims());
        attributes.remove("roles");
        attributes.put("account", account.value1());
        return Optional.of(Authentication.build(subject, List.of(Role.PLATFORM_ADMIN.name()), attributes));
    }

    /**
     * Whether the token was issued after the account's sessions were last ended: SessionTokens'
     * millisecond issue time when the token has one; iat has whole seconds, so a token without it
     * issued in the very second of a sign-out is refused too.
     */
    private static boolean issuedAfter(JWTClaimsSet claims, @Nullable OffsetDateTime validAfter) {
        Object issuedMs = claims.getClaim(SessionTokens.ISSUED_MS);
        long issued = issuedMs instanceof Number n ? n.longValue() : claims.getIssueTime().toInstant().toEpochMilli();
        return validAfter == null || issued > validAfter.toInstant().toEpochMilli();
    }

    /**
     * What a person acts as on a site: seats on the site itself, seats on its province's board
     * (as {@code PROVINCE_…}), the platform role, and what those imply ({@link Role#withImplied}).
     * Sign-in ({@link SignIn#rolesOn}) and every request use this one rule.
     */
    static List<String> roles(long siteId, @Nullable String platformRole, Collection<Seat> seats) {
        Set<String> roles = new LinkedHashSet<>();
        if (Role.PLATFORM_ADMIN.name().equals(platformRole)) {
            roles.add(Role.PLATFORM_ADMIN.name());
        }
        for (Seat seat : seats) {
            Role role = Role.valueOf(seat.role());
            roles.add(seat.tenantId() == siteId ? role.name() : role.asProvinceBoard());
        }
        return new ArrayList<>(Role.withImplied(roles));
    }
}
