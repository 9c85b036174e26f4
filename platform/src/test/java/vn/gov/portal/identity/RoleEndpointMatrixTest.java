package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.testing.PortalTest;

/**
 * Every board role against every action, on one site: who may, and who gets 403. One row per
 * pair, so a change in the rules shows exactly which cell moved.
 */
@MicronautTest(transactional = false)
class RoleEndpointMatrixTest extends PortalTest {
    private static final Set<Role> WRITERS = Set.of(Role.CONTRIBUTOR, Role.EDITOR, Role.DEPUTY_HEAD, Role.HEAD);
    private static final Set<Role> REVIEWERS = Set.of(Role.DEPUTY_HEAD, Role.HEAD);
    // One entry per action, each on its own line, so a feature adds its rows without touching others'.
    private static final Map<String, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry("create", WRITERS),
            Map.entry("submit", WRITERS),
            Map.entry("approve", REVIEWERS),
            Map.entry("reject", REVIEWERS),
            Map.entry("unpublish", REVIEWERS),
            Map.entry("propose", REVIEWERS),
            Map.entry("members", Set.of(Role.SITE_ADMIN, Role.HEAD)),
            // Pages have no approval step, so contributors may read them but not write (PageService).
            Map.entry("pages", Set.of(Role.CONTRIBUTOR, Role.EDITOR, Role.DEPUTY_HEAD, Role.HEAD, Role.SITE_ADMIN)),
            Map.entry("page-save", Set.of(Role.EDITOR, Role.DEPUTY_HEAD, Role.HEAD, Role.SITE_ADMIN)),
            Map.entry("page-reviewed", Set.of(Role.EDITOR, Role.DEPUTY_HEAD, Role.HEAD, Role.SITE_ADMIN)),
            // The preset and aliases are the province board's (issue 12): no seat of a department's board.
            Map.entry("preset", Set.of()),
            Map.entry("aliases", Set.of()));

    @Inject
    Accounts accounts;
    @Inject
    TenantDirectory directory;

    private final Map<Role, String> usernames = new EnumMap<>(Role.class);

    @BeforeAll
    void seatOnePersonPerRole() {
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow();
        long site = directory.snapshot().children(province.id()).stream()
                .filter(t -> t.subdomain().equals("sotaichinh")).findFirst().orElseThrow().id();
        for (Role role : Role.values()) {
            if (role == Role.PLATFORM_ADMIN) {
                continue;
            }
            String username = "matran." + role.name().toLowerCase().replace('_', '-');
            long id = accounts.create(username, "Ma trận " + role, null, DEMO_PASSWORD, null);
            accounts.grant(site, id, role, "test");
            usernames.put(role, username);
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (String action : ALLOWED.keySet()) {
            for (Role role : Role.values()) {
                if (role != Role.PLATFORM_ADMIN) {
                    cells.add(Arguments.of(action, role));
                }
            }
        }
        return cells.stream();
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\":([0-9]+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    /** An article of the site in the state the action needs, made by the demo board. */
    private String articleFor(String action) {
        String writer = token(DEPARTMENT, "sotaichinh.bientap");
        String head = token(DEPARTMENT, "sotaichinh.truongban");
        String id = id(api(DEPARTMENT, writer, "POST", "/api/v1/articles", "{\"title\":\"Ma trận " + action + "\"}")
                .body());
        if (!action.equals("submit")) {
            api(DEPARTMENT, writer, "POST", "/api/v1/articles/" + id + "/submit", null);
        }
        if (action.equals("unpublish") || action.equals("propose")) {
            assertThat(api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/approve", "{}").statusCode())
                    .isEqualTo(200);
        }
        return id;
    }

    /** A demo department's id, as the directory has it. */
    private long siteId(String label) {
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow();
        return directory.snapshot().child(province.id(), label).id();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void onlyTheRightSeatsMayAct(String action, Role role) {
        String token = token(DEPARTMENT, usernames.get(role));
        int status = switch (action) {
            case "create" -> api(DEPARTMENT, token, "POST", "/api/v1/articles", "{\"title\":\"Ma trận\"}").statusCode();
            case "members" -> api(DEPARTMENT, token, "GET", "/api/v1/members", null).statusCode();
            case "pages" -> api(DEPARTMENT, token, "GET", "/api/v1/pages", null).statusCode();
            case "page-save" -> api(DEPARTMENT, token, "PUT", "/api/v1/pages/danh-muc-thong-tin-cong-khai",
                    "{\"bodyHtml\":\"<p>Danh mục thông tin công khai (ma trận " + role + ")</p>\"}").statusCode();
            case "page-reviewed" -> api(DEPARTMENT, token, "POST", "/api/v1/pages/danh-muc-thong-tin-cong-khai/reviewed",
                    null).statusCode();
            case "preset" -> api(DEPARTMENT, token, "PUT", "/api/v1/preset", "{\"languages\":[\"vi\"]}").statusCode();
            case "aliases" -> api(DEPARTMENT, token, "POST", "/api/v1/tenants/" + siteId("sotaichinh")
                    + "/aliases", "{\"host\":\"matran.localhost\"}").statusCode();
            case "reject" -> api(DEPARTMENT, token, "POST", "/api/v1/articles/" + articleFor(action) + "/reject",
                    "{\"reason\":\"Thiếu nguồn\"}").statusCode();
            default -> api(DEPARTMENT, token, "POST", "/api/v1/articles/" + articleFor(action) + "/" + action,
                    action.equals("approve") ? "{}" : null).statusCode();
        };
        if (ALLOWED.get(action).contains(role)) {
            assertThat(status).as(action + " by " + role).isBetween(200, 299);
        } else {
            assertThat(status).as(action + " by " + role).isEqualTo(403);
        }
    }
}
