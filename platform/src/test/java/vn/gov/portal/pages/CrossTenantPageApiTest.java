package vn.gov.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * An editor of one site cannot read or write another site's pages: not by sending the other
 * site's host (the token is this site's only), not by naming a page only the other site has, and
 * not by naming a page both have (the host decides whose).
 */
@SharedApplication
class CrossTenantPageApiTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    @Test
    void aDepartmentsEditorCannotReachTheCommunesPages() {
        String domain = Fixtures.flatProvince(provisioning, "tuongrao");
        String department = "so." + domain;
        String commune = "xa." + domain;
        var dir = directory.snapshot();
        var province = dir.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst().orElseThrow();
        String label = domain.replace(".test", "");
        long a = accounts.create(label + ".so", "Biên tập viên Sở", null, DEMO_PASSWORD, null);
        long b = accounts.create(label + ".xa", "Biên tập viên Xã", null, DEMO_PASSWORD, null);
        accounts.grant(dir.child(province.id(), "so").id(), a, Role.EDITOR, "test");
        long h = accounts.create(label + ".xa.truongban", "Trưởng ban Xã", null, DEMO_PASSWORD, null);
        accounts.grant(dir.child(province.id(), "xa").id(), b, Role.EDITOR, "test");
        accounts.grant(dir.child(province.id(), "xa").id(), h, Role.HEAD, "test");
        String editorA = token(department, label + ".so");
        String editorB = token(commune, label + ".xa");
        String headB = token(commune, label + ".xa.truongban");
        assertThat(api(commune, editorB, "PUT", "/api/v1/pages/lanh-dao",
                "{\"bodyHtml\":\"<p>Lãnh đạo xã: Trần Thị B</p>\"}").statusCode()).isEqualTo(200);
        assertThat(api(commune, editorB, "POST", "/api/v1/pages/lanh-dao/submit", null).statusCode()).isEqualTo(200);
        assertThat(api(commune, headB, "POST", "/api/v1/pages/lanh-dao/approve", "{\"expectedRevision\":1}")
                .statusCode()).isEqualTo(200);
        assertThat(api(commune, editorB, "PUT", "/api/v1/pages/dieu-kien-tu-nhien",
                "{\"bodyHtml\":\"<p>Đất đồi của xã</p>\"}").statusCode()).isEqualTo(200);

        // A's token on B's host: refused before any page is looked at.
        assertThat(api(commune, editorA, "GET", "/api/v1/pages", null).statusCode()).isEqualTo(401);
        assertThat(api(commune, editorA, "GET", "/api/v1/pages/lanh-dao", null).statusCode()).isEqualTo(401);
        var write = api(commune, editorA, "PUT", "/api/v1/pages/lanh-dao", "{\"bodyHtml\":\"<p>Chiếm quyền</p>\"}");
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(write.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api(commune, editorA, "POST", "/api/v1/pages/lanh-dao/reviewed", null).statusCode())
                .isEqualTo(401);
        assertThat(api(commune, editorA, "POST", "/api/v1/pages/lanh-dao/submit", null).statusCode()).isEqualTo(401);
        assertThat(api(commune, editorA, "GET", "/api/v1/pages/lanh-dao/revisions", null).statusCode()).isEqualTo(401);

        // On A's own host, a page only B has is not there at all: the same 404 as one that does not exist.
        var theirs = api(department, editorA, "GET", "/api/v1/pages/dieu-kien-tu-nhien", null);
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).doesNotContain("Đất đồi");
        assertThat(api(department, editorA, "PUT", "/api/v1/pages/dieu-kien-tu-nhien",
                "{\"bodyHtml\":\"<p>Chiếm quyền</p>\"}").statusCode()).isEqualTo(404);
        assertThat(api(department, editorA, "POST", "/api/v1/pages/dieu-kien-tu-nhien/reviewed", null).statusCode())
                .isEqualTo(404);
        assertThat(api(department, editorA, "POST", "/api/v1/pages/dieu-kien-tu-nhien/submit", null).statusCode())
                .isEqualTo(404);
        assertThat(api(department, editorA, "POST", "/api/v1/pages/dieu-kien-tu-nhien/revisions/1/restore", null)
                .statusCode()).isEqualTo(404);
        // A page both have: A writes its own, B's stays as it was.
        assertThat(api(department, editorA, "GET", "/api/v1/pages/lanh-dao", null).body())
                .doesNotContain("Trần Thị B");
        assertThat(api(department, editorA, "PUT", "/api/v1/pages/lanh-dao",
                "{\"bodyHtml\":\"<p>Giám đốc Sở: Lê Văn C</p>\"}").statusCode()).isEqualTo(200);
        assertThat(api(commune, editorB, "GET", "/api/v1/pages/lanh-dao", null).body())
                .contains("Lãnh đạo xã: Trần Thị B").doesNotContain("Lê Văn C");
        assertThat(api(commune, editorB, "GET", "/api/v1/pages/dieu-kien-tu-nhien", null).body())
                .contains("Đất đồi của xã").doesNotContain("Chiếm quyền");
        assertThat(get(commune, "/gioi-thieu/lanh-dao").body()).contains("Trần Thị B").doesNotContain("Lê Văn C");
    }
}
