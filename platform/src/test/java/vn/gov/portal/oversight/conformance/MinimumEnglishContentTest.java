package vn.gov.portal.oversight.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 12, Build 6: where the preset asks for a minimum English content (VP 2017 Đ4.15), the
 * province's conformance page and API answer list each item with the pages whose English
 * translation is not approved yet. A VP-2017 province of its own, made by the operator over the
 * API; a TN-2026 province (no such rule) beside it.
 */
@SharedApplication
class MinimumEnglishContentTest extends PortalTest {
    private static final String PLATFORM = "nentang.localhost";
    private static final String VP = "tienganhtoithieu.localhost";
    private static final String LABEL = "tienganh";

    @Inject
    Accounts accounts;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;

    private long vpId;
    private String editor;
    private String head;
    private String tnHost;
    private long tnId;
    private String tnHead;

    @BeforeAll
    void aVinhPhucProvinceMadeByTheOperatorAndAThaiNguyenOne() {
        var created = api(PLATFORM, token(PLATFORM, "platform.admin"), "POST", "/api/v1/provinces", """
                {"name":"Tỉnh Tiếng Anh","code":"31","domains":["%s"],"aliases":[],"preset":"VP-2017"}"""
                .formatted(VP));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        vpId = Long.parseLong(field(created.body(), "id"));
        long e = accounts.create(LABEL + ".bientap", "Biên tập viên", null, DEMO_PASSWORD, null);
        long h = accounts.create(LABEL + ".truongban", "Trưởng ban", null, DEMO_PASSWORD, null);
        accounts.grant(vpId, e, Role.EDITOR, "test");
        accounts.grant(vpId, h, Role.HEAD, "test");
        editor = token(VP, LABEL + ".bientap");
        head = token(VP, LABEL + ".truongban");

        tnHost = Fixtures.flatProvince(provisioning, "tienganhtn", List.of("vi", "en"));
        Tenant tn = directory.snapshot().provinces().stream().filter(p -> p.baseDomains().contains(tnHost))
                .findFirst().orElseThrow();
        tnId = tn.id();
        long th = accounts.create(LABEL + ".tn.truongban", "Trưởng ban TN", null, DEMO_PASSWORD, null);
        accounts.grant(tnId, th, Role.HEAD, "test");
        tnHead = token(tnHost, LABEL + ".tn.truongban");
    }

    /** The item's part of the answer: from its key to the next item's. */
    private static String item(String body, String key) {
        int from = body.indexOf("\"key\":\"" + key + "\"");
        assertThat(from).as(key + " in " + body).isGreaterThanOrEqualTo(0);
        int to = body.indexOf("\"key\":", from + 1);
        return body.substring(from, to < 0 ? body.length() : to);
    }

    private String conformance(String token) {
        var r = api(VP, token, "GET", "/api/v1/oversight/conformance/sites/" + vpId, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Writes and has approved the Vietnamese original, then the English translation, of a page. */
    private void translateAndApprove(String slug, String title) {
        var vi = api(VP, editor, "PUT", "/api/v1/pages/" + slug, "{\"bodyHtml\":\"<p>Nội dung tiếng Việt</p>\"}");
        assertThat(vi.statusCode()).as(vi.body()).isEqualTo(200);
        assertThat(api(VP, editor, "POST", "/api/v1/pages/" + slug + "/submit", null).statusCode()).isEqualTo(200);
        var ok = api(VP, head, "POST", "/api/v1/pages/" + slug + "/approve",
                "{\"expectedRevision\":" + field(vi.body(), "revision") + "}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        var en = api(VP, editor, "PUT", "/api/v1/pages/" + slug + "?language=en",
                "{\"title\":\"" + title + "\",\"bodyHtml\":\"<p>English text</p>\"}");
        assertThat(en.statusCode()).as(en.body()).isEqualTo(200);
        assertThat(api(VP, editor, "POST", "/api/v1/pages/" + slug + "/submit?language=en", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aVinhPhucProvinceListsTheFiveItemsWithThePagesStillMissingInEnglish() {
        String body = conformance(head);
        assertThat(item(body, "introduction")).contains("\"legalBasis\":\"VP 2017 Đ4.15a\"", "\"state\":\"MISSING\"",
                "\"translatePath\":\"/admin/trang/lich-su?ngonNgu=en\"",
                "\"translatePath\":\"/admin/trang/dieu-kien-tu-nhien?ngonNgu=en\"");
        assertThat(item(body, "government")).contains("\"state\":\"MISSING\"",
                "\"translatePath\":\"/admin/trang/to-chuc-bo-may?ngonNgu=en\"");
        // d and e: no page carries them; listed for the board to publish, never claimed as checked.
        assertThat(item(body, "foreigner_procedures")).contains("VP 2017 Đ4.15d", "\"state\":\"MANUAL\"")
                .doesNotContain("translatePath");
        assertThat(item(body, "investment")).contains("VP 2017 Đ4.15e", "\"state\":\"MANUAL\"");
        // Any member of the board reads its own site's list.
        assertThat(conformance(editor)).contains("\"key\":\"contacts\"");
    }

    @Test
    void aPageIsNoLongerMissingOnceItsEnglishTranslationIsApprovedByASecondReviewer() {
        translateAndApprove("lanh-dao", "Leaders");
        // Sent for approval is not enough: the translation is still missing.
        assertThat(item(conformance(head), "contacts")).contains("\"state\":\"MISSING\"",
                "\"translatePath\":\"/admin/trang/lanh-dao?ngonNgu=en\"");
        // The writer may not approve their own translation.
        assertThat(api(VP, editor, "POST", "/api/v1/pages/lanh-dao/approve?language=en", "{\"expectedRevision\":1}")
                .statusCode()).isEqualTo(403);
        var approved = api(VP, head, "POST", "/api/v1/pages/lanh-dao/approve?language=en", "{\"expectedRevision\":1}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        String body = conformance(head);
        assertThat(item(body, "contacts")).contains("\"state\":\"COMPLETE\"").doesNotContain("translatePath");
        // b has the leaders page too: only the apparatus page is still missing.
        assertThat(item(body, "government")).contains("\"state\":\"MISSING\"", "to-chuc-bo-may?ngonNgu=en")
                .doesNotContain("lanh-dao?ngonNgu=en");
    }

    @Test
    void theConformancePageShowsTheListInVietnameseWithLinksToTranslate() {
        var page = get(VP, "/admin/tuan-thu", "Cookie", "portal_session=" + editor);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nội dung tiếng Anh tối thiểu (VP Đ4.15)", "Còn thiếu", "Cần đăng thủ công",
                "không kiểm tra tự động", "href=\"/admin/trang/lich-su?ngonNgu=en\"", "Dịch trang “Lịch sử”");
        var province = get(VP, "/admin/giam-sat/tuan-thu/" + vpId, "Cookie", "portal_session=" + head);
        assertThat(province.statusCode()).isEqualTo(200);
        assertThat(province.body()).contains("Nội dung tiếng Anh tối thiểu (VP Đ4.15)");
    }

    @Test
    void withEnglishTurnedOffTheListSaysSoInsteadOfLinkingToAFormThatWouldRefuse() {
        var off = api(VP, head, "PUT", "/api/v1/preset", "{\"languages\":[\"vi\"]}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        try {
            String body = conformance(head);
            assertThat(item(body, "introduction")).contains("\"offered\":false", "\"state\":\"MISSING\"", "\"slug\":\"lich-su\"")
                    .doesNotContain("ngonNgu=en");
            var page = get(VP, "/admin/tuan-thu", "Cookie", "portal_session=" + head);
            assertThat(page.body()).contains("Trang chưa bật tiếng Anh", "href=\"/admin/cai-dat\"")
                    .doesNotContain("href=\"/admin/trang/lich-su?ngonNgu=en\"");
        } finally {
            assertThat(api(VP, head, "PUT", "/api/v1/preset", "{\"languages\":[\"vi\",\"en\"]}").statusCode())
                    .isEqualTo(200);
        }
        assertThat(item(conformance(head), "introduction")).contains("\"offered\":true",
                "\"translatePath\":\"/admin/trang/lich-su?ngonNgu=en\"");
    }

    @Test
    void aThaiNguyenProvinceHasNoSuchList() {
        var r = api(tnHost, tnHead, "GET", "/api/v1/oversight/conformance/sites/" + tnId, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("Đ4.15", "translatePath");
        var page = get(tnHost, "/admin/tuan-thu", "Cookie", "portal_session=" + tnHead);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Nội dung tiếng Anh tối thiểu");
    }

    @Test
    void anotherProvincesTokenCannotReadTheList() {
        // Its token on this host is not this site's; on its own host, this province's id is not one of its sites.
        assertThat(api(VP, tnHead, "GET", "/api/v1/oversight/conformance/sites/" + vpId, null).statusCode())
                .isEqualTo(401);
        var own = api(tnHost, tnHead, "GET", "/api/v1/oversight/conformance/sites/" + vpId, null);
        assertThat(own.statusCode()).isEqualTo(404);
        assertThat(own.body()).doesNotContain("Đ4.15");
    }
}
