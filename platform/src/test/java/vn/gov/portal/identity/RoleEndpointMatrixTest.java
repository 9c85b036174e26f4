package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.gov.portal.testing.SharedApplication;

/**
 * Every board role against every action, on one site: who may, and who gets 403. One row per
 * pair, so a change in the rules shows exactly which cell moved.
 */
@SharedApplication
class RoleEndpointMatrixTest extends PortalTest {
    // A secretary (thư ký) is an editor who also prepares the reports (Role.withImplied).
    private static final Set<Role> WRITERS = Set.of(Role.CONTRIBUTOR, Role.EDITOR, Role.SECRETARY, Role.DEPUTY_HEAD,
            Role.HEAD);
    private static final Set<Role> MANAGERS = Set.of(Role.SITE_ADMIN, Role.HEAD);
    private static final Set<Role> REVIEWERS = Set.of(Role.DEPUTY_HEAD, Role.HEAD);
    // One entry per action, each on its own line, so a feature adds its rows without touching others'.
    private static final Map<String, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry("create", WRITERS),
            Map.entry("submit", WRITERS),
            Map.entry("approve", REVIEWERS),
            Map.entry("reject", REVIEWERS),
            Map.entry("unpublish", REVIEWERS),
            Map.entry("propose", REVIEWERS),
            // A live article's change: every writer proposes one, only reviewers approve it (issue 12).
            Map.entry("edit-published", WRITERS),
            // Members (ủy viên) read the board's work, pending changes included.
            Map.entry("pending", Set.of(Role.CONTRIBUTOR, Role.EDITOR, Role.SECRETARY, Role.DEPUTY_HEAD, Role.HEAD,
                    Role.MEMBER)),
            Map.entry("approve-change", REVIEWERS),
            Map.entry("members", Set.of(Role.SITE_ADMIN, Role.HEAD)),
            // Pages go through approval like articles (PageService): the articles' writers write them, the
            // content administrator only reads the list, "reviewed" is for editors and the heads.
            Map.entry("pages", Set.of(Role.CONTRIBUTOR, Role.EDITOR, Role.SECRETARY, Role.DEPUTY_HEAD, Role.HEAD,
                    Role.SITE_ADMIN, Role.MEMBER)),
            Map.entry("page-save", WRITERS),
            Map.entry("page-submit", WRITERS),
            Map.entry("page-approve", REVIEWERS),
            Map.entry("page-reviewed", Set.of(Role.EDITOR, Role.SECRETARY, Role.DEPUTY_HEAD, Role.HEAD)),
            Map.entry("settings", Set.of(Role.SITE_ADMIN, Role.HEAD)),
            Map.entry("settings-save", Set.of(Role.SITE_ADMIN, Role.HEAD)),
            Map.entry("member-password-reset", Set.of(Role.SITE_ADMIN)),
            Map.entry("add-member", MANAGERS),
            Map.entry("change-seat", MANAGERS),
            Map.entry("end-seat", MANAGERS),
            Map.entry("comment", Set.of(Role.CONTRIBUTOR, Role.EDITOR, Role.SECRETARY, Role.DEPUTY_HEAD, Role.HEAD,
                    Role.SITE_ADMIN, Role.MEMBER)),
            // The preset and aliases are the province board's (issue 12): no seat of a department's board.
            Map.entry("preset", Set.of()),
            Map.entry("aliases", Set.of()),
            // The audit log names people and addresses: a board's head and site admin read their site's.
            Map.entry("audit", MANAGERS));

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

    private Long memberWithMail;

    /** A member of the site with an e-mail address, whose reset link a site admin may have mailed. */
    private synchronized long memberWithMail() {
        if (memberWithMail == null) {
            long site = directory.snapshot().children(directory.snapshot().provinces().stream()
                    .filter(p -> p.subdomain().equals("thainguyen")).findFirst().orElseThrow().id()).stream()
                    .filter(t -> t.subdomain().equals("sotaichinh")).findFirst().orElseThrow().id();
            memberWithMail = accounts.create("matran.dat-lai", "Ma trận đặt lại", "matran.dat-lai@example.vn",
                    DEMO_PASSWORD, null);
            accounts.grant(site, memberWithMail, Role.CONTRIBUTOR, "test");
        }
        return memberWithMail;
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger();

    /** A contributor seated on the demo site by its site admin, through the API: the target of a seat change. */
    private String freshContributor() {
        var r = api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.quantri"), "POST", "/api/v1/members",
                "{\"fullName\":\"Ma trận mục tiêu\",\"email\":\"matran.muctieu." + SEQ.incrementAndGet()
                        + "@example.vn\",\"role\":\"CONTRIBUTOR\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return field(r.body(), "accountId");
    }

    /** The demo site admin's account id: who receives an ended seat's drafts. */
    private String adminId() {
        Matcher m = Pattern.compile("\"accountId\":([0-9]+),\"username\":\"sotaichinh.quantri\"")
                .matcher(api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.quantri"), "GET", "/api/v1/members", null).body());
        assertThat(m.find()).isTrue();
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
        if (action.equals("unpublish") || action.equals("propose") || action.equals("edit-published")
                || action.equals("pending") || action.equals("approve-change")) {
            assertThat(api(DEPARTMENT, head, "POST", "/api/v1/articles/" + id + "/approve", "{}").statusCode())
                    .isEqualTo(200);
        }
        if (action.equals("pending") || action.equals("approve-change")) {
            // The change is the contributor's, so either reviewer may approve it.
            assertThat(api(DEPARTMENT, writer, "PUT", "/api/v1/articles/" + id, "{\"summary\":\"Sửa\"}")
                    .statusCode()).isEqualTo(200);
        }
        return id;
    }

    private int pageRevision;

    /**
     * A demo page with a change by the demo's editor, waiting for approval (for page-approve), or sent
     * back by the head so that it can be sent again (for page-submit).
     */
    private String pageFor(String action) {
        String slug = action.equals("page-submit") ? "tiep-can-thong-tin" : "bao-cao-tai-chinh";
        var saved = api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.bientap"), "PUT", "/api/v1/pages/" + slug,
                "{\"bodyHtml\":\"<p>Ma trận " + action + "</p>\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        pageRevision = Integer.parseInt(field(saved.body(), "revision"));
        if (action.equals("page-submit")) {
            assertThat(api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "POST", "/api/v1/pages/" + slug
                    + "/reject", "{\"expectedRevision\":" + pageRevision + ",\"reason\":\"Ma trận\"}").statusCode())
                    .isEqualTo(200);
        }
        return slug;
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
            case "audit" -> api(DEPARTMENT, token, "GET", "/api/v1/audit", null).statusCode();
            case "pages" -> api(DEPARTMENT, token, "GET", "/api/v1/pages", null).statusCode();
            case "page-save" -> api(DEPARTMENT, token, "PUT", "/api/v1/pages/danh-muc-thong-tin-cong-khai",
                    "{\"bodyHtml\":\"<p>Danh mục thông tin công khai (ma trận " + role + ")</p>\"}").statusCode();
            case "page-reviewed" -> api(DEPARTMENT, token, "POST", "/api/v1/pages/danh-muc-thong-tin-cong-khai/reviewed",
                    null).statusCode();
            case "settings" -> api(DEPARTMENT, token, "GET", "/api/v1/site/settings", null).statusCode();
            // The site's settings sent back unchanged, so the demo site stays as it is.
            case "settings-save" -> api(DEPARTMENT, token, "PUT", "/api/v1/site/settings",
                    api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "GET", "/api/v1/site/settings", null)
                            .body()).statusCode();
            case "member-password-reset" -> api(DEPARTMENT, token, "POST", "/api/v1/members/"
                    + memberWithMail() + "/password-reset", null).statusCode();
            case "page-submit" -> api(DEPARTMENT, token, "POST", "/api/v1/pages/" + pageFor(action) + "/submit", null)
                    .statusCode();
            case "page-approve" -> api(DEPARTMENT, token, "POST", "/api/v1/pages/" + pageFor(action) + "/approve",
                    "{\"expectedRevision\":" + pageRevision + "}").statusCode();
            case "add-member" -> api(DEPARTMENT, token, "POST", "/api/v1/members", "{\"fullName\":\"Ma trận thêm\","
                    + "\"email\":\"matran.them." + SEQ.incrementAndGet() + "@example.vn\",\"role\":\"CONTRIBUTOR\"}")
                    .statusCode();
            case "change-seat" -> api(DEPARTMENT, token, "PATCH", "/api/v1/members/" + freshContributor(),
                    "{\"role\":\"MEMBER\"}").statusCode();
            case "end-seat" -> api(DEPARTMENT, token, "DELETE", "/api/v1/members/" + freshContributor() + "?handoverTo="
                    + adminId(), null).statusCode();
            case "comment" -> api(DEPARTMENT, token, "POST", "/api/v1/articles/" + articleFor(action) + "/comments",
                    "{\"body\":\"Góp ý ma trận\"}").statusCode();
            case "edit-published" -> api(DEPARTMENT, token, "PUT", "/api/v1/articles/" + articleFor(action),
                    "{\"summary\":\"Sửa bài đã xuất bản\"}").statusCode();
            case "pending" -> api(DEPARTMENT, token, "GET", "/api/v1/articles/" + articleFor(action) + "/pending",
                    null).statusCode();
            case "approve-change" -> api(DEPARTMENT, token, "POST", "/api/v1/articles/" + articleFor(action)
                    + "/approve", "{\"expectedRevision\":2}").statusCode();
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
