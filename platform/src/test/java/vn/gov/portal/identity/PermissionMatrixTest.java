package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.MediaType;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.infra.security.SignedIn;
import vn.gov.portal.tenancy.PlatformHost;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The role x endpoint table, generated from the one table ({@link Permission}) and the routes'
 * declarations ({@link Needs}, {@link SignedIn}, {@link Anyone}) as Micronaut's {@link Router}
 * has them: every {@code /api/v1} route and every back-office POST must declare exactly one, and
 * the table of who may call what is written to {@code docs/permissions.md}, which
 * {@link #theDocumentIsTheTable} keeps in step (run with {@code -Dpermissions.write=true} to
 * rewrite it). The callers of every seat are seated on a province of this test's own for the
 * per-cell calls; those calls are not run yet (see docs/architecture.md), and
 * RoleEndpointMatrixTest still drives the publishing, page and member actions cell by cell.
 */
@SharedApplication
class PermissionMatrixTest extends PortalTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "permissions.md");
    private static final Pattern SESSION = Pattern.compile("portal_session=([^;]+)");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/?]+)}");
    /** Routes whose call changes who may sign in how; they run last so that no other cell depends on them. */
    private static final Set<String> LAST = Set.of("/api/v1/security-policy", "/admin/tai-khoan/chinh-sach");
    /** A value for each path variable: ids nobody has, and a first action for the routes that take one. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("id", "987654321"), Map.entry("accountId", "987654321"), Map.entry("revision", "1"),
            Map.entry("slug", "khong-co-trang-nay"), Map.entry("period", "2026-Q1"), Map.entry("month", "2026-01"),
            Map.entry("thang", "2026-01"), Map.entry("year", "2026"), Map.entry("date", "2026-01-01"),
            Map.entry("kind", "department"), Map.entry("contentType", "article"), Map.entry("lang", "en"),
            Map.entry("token", "khong-co"), Map.entry("action", "gui-duyet"), Map.entry("decision", "chap-nhan"),
            Map.entry("host", "khong-co.example.vn"));

    @Inject
    Router router;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Inject
    PlatformHost platformHost;

    /** Who calls: a seat on the component site, a seat on the province's board, the platform admin, nobody. */
    record Caller(String label, String host, Set<String> roles, String token, String session) {
        boolean anonymous() {
            return roles.isEmpty();
        }
    }

    /** One route as the router has it, with what it declares. */
    record Route(String method, String template, List<MediaType> consumes, String declared, Permission needs) {
        boolean backOffice() {
            return template.startsWith("/admin");
        }

        String path() {
            Matcher m = VARIABLE.matcher(template.replaceAll("\\{[?&][^}]*}", ""));
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String name = m.group(1).replaceAll(":.*", "");
                m.appendReplacement(b, Matcher.quoteReplacement(SAMPLES.getOrDefault(name, "1")));
            }
            return m.appendTail(b).toString();
        }
    }

    private final Map<Role, Caller> onSite = new EnumMap<>(Role.class);
    private final Map<Role, Caller> onProvince = new EnumMap<>(Role.class);
    private Caller platformAdmin;
    private Tenant site;
    private Tenant province;
    private String siteHost;
    private String provinceHost;
    private final Properties messages = new Properties();
    private final Map<String, String> csrfs = new ConcurrentHashMap<>();

    @BeforeAll
    void aProvinceWithEverySeat() throws IOException {
        String domain = Fixtures.flatProvince(provisioning, "quyen");
        provinceHost = domain;
        siteHost = "so." + domain;
        province = directory.snapshot().provinces().stream().filter(p -> (p.subdomain() + ".test").equals(domain))
                .findFirst().orElseThrow();
        site = directory.snapshot().child(province.id(), "so");
        String label = domain.substring(0, domain.indexOf('.'));
        for (Role role : Role.values()) {
            if (!role.isSeat()) {
                continue;
            }
            String seat = role.name().toLowerCase().replace('_', '-');
            onSite.put(role, seated(site, siteHost, label + ".so." + seat, role));
            onProvince.put(role, seated(province, provinceHost, label + ".tinh." + seat, role));
        }
        accounts.create(label + ".nentang", "Quản trị hạ tầng thử", null, DEMO_PASSWORD, Role.PLATFORM_ADMIN);
        platformAdmin = new Caller("PLATFORM_ADMIN", siteHost, Set.of(Role.PLATFORM_ADMIN.name()),
                token(siteHost, label + ".nentang"), session(siteHost, label + ".nentang"));
        try (var in = getClass().getResourceAsStream("/i18n/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private Caller seated(Tenant where, String host, String username, Role role) {
        long id = accounts.create(username, "Ma trận quyền " + role, null, DEMO_PASSWORD, null);
        accounts.grant(where.id(), id, role, "test");
        return new Caller(role.name() + (where.isProvince() ? " (province board)" : ""), host,
                Role.withImplied(Set.of(role.name())), token(host, username), session(host, username));
    }

    /** Signs in through the back office's form, as a browser does; the session cookie. */
    private String session(String host, String username) {
        AnonymousForm before = anonymousForm(host);
        String form = "_csrf=" + before.csrf() + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8);
        var r = send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(form)), "/admin/dang-nhap",
                "Cookie", before.cookie(), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).as("sign-in of " + username + " on " + host + ": " + r.body()).isEqualTo(303);
        Matcher m = SESSION.matcher(String.join("; ", r.headers().allValues("Set-Cookie")));
        assertThat(m.find()).isTrue();
        return "portal_session=" + m.group(1);
    }

    /** Every /api/v1 route and every back-office POST, as the router has them, with what each declares. */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (UriRouteInfo<?, ?> r : router.uriRoutes().toList()) {
            String method = r.getHttpMethodName();
            String template = r.getUriMatchTemplate().toString();
            boolean api = template.startsWith("/api/v1");
            boolean backOfficePost = template.startsWith("/admin") && method.equals("POST");
            if (!api && !backOfficePost) {
                continue;
            }
            var meta = r.getTargetMethod().getAnnotationMetadata();
            Permission needs = meta.enumValue(Needs.class, Permission.class).orElse(null);
            List<String> declared = new ArrayList<>();
            if (needs != null) {
                declared.add("@Needs(" + needs + ")");
            }
            if (meta.hasAnnotation(SignedIn.class)) {
                declared.add("@SignedIn");
            }
            if (meta.hasAnnotation(Anyone.class)) {
                declared.add("@Anyone");
            }
            Route route = new Route(method, template, r.getConsumes(), String.join(" ", declared), needs);
            // The router may hold a route more than once (one per content type it accepts); one cell each.
            if (routes.stream().noneMatch(o -> o.method().equals(method) && o.template().equals(template))) {
                routes.add(route);
            }
        }
        routes.sort(Comparator.comparing((Route r) -> LAST.contains(r.template())).thenComparing(Route::template)
                .thenComparing(Route::method));
        return routes;
    }

    @Test
    void everyApiRouteAndBackOfficePostDeclaresWhatItNeeds() {
        List<Route> routes = routes();
        assertThat(routes).as("the router has the routes").hasSizeGreaterThan(100);
        assertThat(routes.stream().filter(r -> r.declared().isEmpty() || r.declared().contains(" "))
                .map(r -> r.method() + " " + r.template()).toList())
                .as("routes that declare none, or more than one, of @Needs, @SignedIn, @Anyone").isEmpty();
    }

    @Test
    void theDocumentIsTheTable() throws IOException {
        String table = document(routes());
        if (Boolean.getBoolean("permissions.write")) {
            Files.writeString(DOCUMENT, table, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("docs/permissions.md is generated: run PermissionMatrixTest with -Dpermissions.write=true")
                .isEqualTo(table);
    }

    private String document(List<Route> routes) {
        StringBuilder b = new StringBuilder("""
                # Who may call what

                Generated by `PermissionMatrixTest` from Micronaut's router and `identity.Permission`; do not
                edit by hand (run the test with `-Dpermissions.write=true`). Every `/api/v1` route and every
                back-office POST, what it declares, and the seats it lets in: on a component site, and on
                the province's own host. `PROVINCE_` seats are the province board's, carried onto its sites.
                The matrix test calls each `@Needs` route as every one of these and holds the answer to it.

                | Method | Route | Declares | Component site | Province host | Platform admin |
                |---|---|---|---|---|---|
                """);
        for (Route r : routes.stream().sorted(Comparator.comparing(Route::template).thenComparing(Route::method))
                .toList()) {
            String onComponent;
            String onProvinceHost;
            String admin;
            if (r.needs() == null) {
                onComponent = onProvinceHost = r.declared().equals("@Anyone") ? "anyone" : "anyone signed in";
                admin = "yes";
            } else {
                onComponent = seatsAllowed(r.needs(), false);
                onProvinceHost = seatsAllowed(r.needs(), true);
                admin = r.needs().platformAdmin() ? "yes" : "no";
            }
            b.append("| ").append(r.method()).append(" | `").append(r.template()).append("` | ")
                    .append(r.declared().isEmpty() ? "**none**" : r.declared().replace("@Needs(", "").replace(")", ""))
                    .append(" | ").append(onComponent).append(" | ").append(onProvinceHost).append(" | ").append(admin)
                    .append(" |\n");
        }
        return b.toString();
    }

    /** The seats (and the province board's seats carried onto a site) the row lets in there. */
    private static String seatsAllowed(Permission p, boolean provinceHost) {
        List<String> names = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role.isSeat() && allows(p, Role.withImplied(Set.of(role.name())), provinceHost)) {
                names.add(role.name());
            }
        }
        if (!provinceHost) {
            for (Role role : Role.values()) {
                if (role.isSeat() && allows(p, Role.withImplied(Set.of(role.asProvinceBoard())), false)) {
                    names.add(role.asProvinceBoard());
                }
            }
        }
        return names.isEmpty() ? "—" : String.join(", ", names);
    }

    private static boolean allows(Permission p, Set<String> roles, boolean provinceHost) {
        return switch (p.where()) {
            case ANY_SITE -> p.allowsSeats(roles);
            case COMPONENT_SITE -> !provinceHost && p.allowsSeats(roles);
            case PROVINCE -> provinceHost && p.allowsSeats(roles);
        };
    }

}
