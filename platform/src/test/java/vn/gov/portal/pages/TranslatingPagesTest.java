package vn.gov.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * A page's English version (issue 12, build 6): written beside the Vietnamese original for a
 * language the province offers, through the same approval; the list shows each page's translation
 * state; visitors at /en/ read the approved translation only. On a province of its own that offers
 * Vietnamese and English.
 */
@SharedApplication
class TranslatingPagesTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private static final String LABEL = "dichtrang";
    private final String domain = LABEL + ".test";
    private final String host = "so." + domain;
    private String editor;
    private String head;

    @BeforeAll
    void aDepartmentOfAProvinceThatOffersEnglish() {
        var plain = Tenant.Branding.footer(null, null, "Cơ quan thử nghiệm", null, null, null, null);
        provisioning.createProvince(new TenantProvisioning.NewProvince(LABEL, "Tỉnh Dịch Trang", null,
                List.of(domain), "TN-2026", List.of("vi", "en"), plain), List.of(
                new TenantProvisioning.NewSite(TenantKind.DEPARTMENT, "so", "Sở Thử nghiệm", null, null, plain)),
                "test");
        var dir = directory.snapshot();
        Tenant province = dir.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
        long site = dir.child(province.id(), "so").id();
        long e = accounts.create(LABEL + ".bientap", "Biên tập viên", null, DEMO_PASSWORD, null);
        long h = accounts.create(LABEL + ".truongban", "Trưởng ban", null, DEMO_PASSWORD, null);
        accounts.grant(site, e, Role.EDITOR, "test");
        accounts.grant(site, h, Role.HEAD, "test");
        editor = token(host, LABEL + ".bientap");
        head = token(host, LABEL + ".truongban");
    }

    @Test
    void theEnglishLeadersPageIsPublicAtEnOnlyOnceApproved() {
        // The original first, approved.
        var vi = api(host, editor, "PUT", "/api/v1/pages/lanh-dao", "{\"bodyHtml\":\"<p>Giám đốc: Nguyễn Văn An</p>\"}");
        api(host, editor, "POST", "/api/v1/pages/lanh-dao/submit", null);
        assertThat(api(host, head, "POST", "/api/v1/pages/lanh-dao/approve",
                "{\"expectedRevision\":" + field(vi.body(), "revision") + "}").statusCode()).isEqualTo(200);
        assertThat(api(host, editor, "GET", "/api/v1/pages", null).body())
                .contains("\"slug\":\"lanh-dao\"", "\"translations\":{\"en\":\"NONE\"}");

        var en = api(host, editor, "PUT", "/api/v1/pages/lanh-dao?language=en",
                "{\"title\":\"Leaders\",\"bodyHtml\":\"<p>Director: Nguyen Van An</p>\"}");
        assertThat(en.statusCode()).as(en.body()).isEqualTo(200);
        assertThat(en.body()).contains("\"language\":\"en\"", "\"state\":\"DRAFT\"", "\"path\":\"/en/gioi-thieu/lanh-dao\"");
        assertThat(api(host, editor, "POST", "/api/v1/pages/lanh-dao/submit?language=en", null).statusCode())
                .isEqualTo(200);
        assertThat(api(host, editor, "GET", "/api/v1/pages", null).body()).contains("\"translations\":{\"en\":\"PENDING\"}");
        // Until approved, /en/ shows the Vietnamese original with its note, never the draft.
        assertThat(get(host, "/en/gioi-thieu/lanh-dao").body()).contains("Nguyễn Văn An").doesNotContain("Director");

        // The same four eyes: the writer may not approve; the head approves the revision read.
        var ownApproval = api(host, editor, "POST", "/api/v1/pages/lanh-dao/approve?language=en", "{\"expectedRevision\":1}");
        assertThat(ownApproval.statusCode()).isEqualTo(403);
        var approved = api(host, head, "POST", "/api/v1/pages/lanh-dao/approve?language=en", "{\"expectedRevision\":1}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        var page = get(host, "/en/gioi-thieu/lanh-dao");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Leaders</h1>", "Director: Nguyen Van An");
        // The Vietnamese page is untouched, and the gaps are still counted on the Vietnamese pages alone.
        assertThat(get(host, "/gioi-thieu/lanh-dao").body()).contains("Giám đốc: Nguyễn Văn An").doesNotContain("Director");
        assertThat(api(host, editor, "GET", "/api/v1/pages", null).body()).contains("\"translations\":{\"en\":\"PUBLISHED\"}");
        assertThat(api(host, editor, "GET", "/api/v1/pages/lanh-dao/revisions?language=en", null).body())
                .contains("Director").doesNotContain("Giám đốc");
    }

    @Test
    void aLanguageTheProvinceDoesNotOfferOrAPageWithNoOriginalIsRefused() {
        var korean = api(host, editor, "PUT", "/api/v1/pages/gioi-thieu?language=ko", "{\"bodyHtml\":\"<p>소개</p>\"}");
        assertThat(korean.statusCode()).isEqualTo(422);
        assertThat(field(korean.body(), "rule")).isEqualTo("language");
        assertThat(api(host, editor, "PUT", "/api/v1/pages/khong-co?language=en", "{\"bodyHtml\":\"<p>x</p>\"}")
                .statusCode()).isEqualTo(404);
        // Another site's token on this host is refused before any page is looked at.
        assertThat(api(host, token("sotaichinh.thainguyen.localhost", "sotaichinh.bientap"), "PUT",
                "/api/v1/pages/gioi-thieu?language=en", "{\"bodyHtml\":\"<p>Hijack</p>\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void theBackOfficeShowsTheOriginalBesideTheTranslationAndStaysOnIt() {
        String cookie = "portal_session=" + editor;
        String csrf = csrfOf(host, cookie);
        var list = get(host, "/admin/trang", "Cookie", cookie);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Bản tiếng Anh", "href=\"/admin/trang/gioi-thieu?ngonNgu=en\"");
        var form = get(host, "/admin/trang/gioi-thieu?ngonNgu=en", "Cookie", cookie);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Bản tiếng Việt (bản gốc)", "Trang giới thiệu Sở Thử nghiệm",
                "action=\"/admin/trang/gioi-thieu?ngonNgu=en\"");

        String body = "_csrf=" + csrf + "&title=Introduction&body="
                + java.net.URLEncoder.encode("<p>About the department</p>", java.nio.charset.StandardCharsets.UTF_8);
        var saved = send(host, java.net.http.HttpRequest.newBuilder()
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)),
                "/admin/trang/gioi-thieu?ngonNgu=en", "Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/trang/gioi-thieu?ngonNgu=en&daLuu=nhap");
        assertThat(api(host, editor, "GET", "/api/v1/pages/gioi-thieu?language=en", null).body())
                .contains("About the department", "\"state\":\"DRAFT\"");
        assertThat(api(host, editor, "GET", "/api/v1/pages/gioi-thieu", null).body()).doesNotContain("About the department");
        assertThat(get(host, "/en/gioi-thieu").body()).doesNotContain("About the department");
    }
}
