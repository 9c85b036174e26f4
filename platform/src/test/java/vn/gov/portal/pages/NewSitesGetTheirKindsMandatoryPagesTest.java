package vn.gov.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.List;
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
 * A new department gets a department's mandatory pages and a new commune a commune's (ND 224 Đ9,
 * Đ10.3, from the preset), all as placeholders: listed for the board, missing for going live,
 * and invisible to visitors until written.
 */
@SharedApplication
class NewSitesGetTheirKindsMandatoryPagesTest extends PortalTest {
    private static final List<String> EVERY_SITE = List.of("financial_report", "disclosure_list",
            "access_to_information", "official_channels");

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    MandatoryPageGaps gaps;
    @Inject
    Accounts accounts;

    private Tenant site(String domain, String label) {
        var dir = directory.snapshot();
        Tenant province = dir.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
        return label == null ? province : dir.child(province.id(), label);
    }

    @Test
    void aDepartmentGetsTheDepartmentsPagesAndACommuneTheCommunes() {
        String domain = Fixtures.flatProvince(provisioning, "batbuoc");
        Tenant department = site(domain, "so");
        Tenant commune = site(domain, "xa");
        Tenant province = site(domain, null);

        assertThat(gaps.unwritten(department)).extracting(MandatoryPageGaps.Gap::key).containsExactly(
                "org_chart", "unit_functions", "history", "leaders", "financial_report", "disclosure_list",
                "access_to_information", "official_channels");
        assertThat(gaps.unwritten(commune)).extracting(MandatoryPageGaps.Gap::key).containsExactly(
                "apparatus", "boundary_map", "nature", "history", "culture", "leaders", "financial_report",
                "disclosure_list", "access_to_information", "official_channels");
        assertThat(gaps.unwritten(province)).extracting(MandatoryPageGaps.Gap::key)
                .contains("boundary_map", "culture").containsAll(EVERY_SITE).doesNotContain("org_chart");
        // Made with the site, as placeholders: not missing rows.
        assertThat(gaps.unwritten(commune)).extracting(MandatoryPageGaps.Gap::state)
                .containsOnly(MandatoryPageGaps.State.PLACEHOLDER);
        assertThat(gaps.unwritten(commune)).extracting(MandatoryPageGaps.Gap::title)
                .contains("Bản đồ địa giới hành chính", "Điều kiện tự nhiên", "Kênh thông tin chính thức");

        // The board's list shows them, flagged; a department's list has none of a commune's.
        long editor = accounts.create(domain.replace(".test", "") + ".bientap", "Biên tập viên", null, DEMO_PASSWORD, null);
        accounts.grant(department.id(), editor, Role.EDITOR, "test");
        String token = token("so." + domain, domain.replace(".test", "") + ".bientap");
        String list = api("so." + domain, token, "GET", "/api/v1/pages", null).body();
        assertThat(list).contains("\"slug\":\"co-cau-to-chuc\"", "\"path\":\"/gioi-thieu/co-cau-to-chuc\"",
                "\"title\":\"Cơ cấu tổ chức\"", "\"mandatoryKey\":\"org_chart\"", "\"placeholder\":true",
                "\"slug\":\"gioi-thieu\"", "\"path\":\"/kenh-thong-tin\"").doesNotContain("ban-do-hanh-chinh");
        assertThat(api("so." + domain, token, "GET", "/api/v1/pages/co-cau-to-chuc", null).body())
                .contains("\"guidance\":\"Sơ đồ cơ cấu tổ chức", "\"legalBasis\":\"NĐ 224/2026 Đ9\"");
    }

    @Test
    void visitorsSeeNoPlaceholderAndEveryWrittenPageUnderGioiThieu() {
        String domain = Fixtures.flatProvince(provisioning, "anchua");
        String host = "xa." + domain;
        // Not written: no address, no link, no site-map entry; the channels page still shows the site's own data.
        assertThat(get(host, "/gioi-thieu/ban-do-hanh-chinh").statusCode()).isEqualTo(404);
        assertThat(get(host, "/gioi-thieu").body()).contains("Trang giới thiệu Xã Thử nghiệm")
                .doesNotContain("ban-do-hanh-chinh", "Thông tin giới thiệu");
        assertThat(get(host, "/so-do-cong").body()).doesNotContain("ban-do-hanh-chinh");
        assertThat(get(host, "/sitemap.xml").body()).doesNotContain("ban-do-hanh-chinh");
        var channels = get(host, "/kenh-thong-tin");
        assertThat(channels.statusCode()).isEqualTo(200);
        assertThat(channels.body()).contains("Kênh thông tin chính thức", "/rss.xml");

        Tenant commune = site(domain, "xa");
        long editor = accounts.create(domain.replace(".test", "") + ".bientap", "Biên tập viên", null, DEMO_PASSWORD, null);
        accounts.grant(commune.id(), editor, Role.EDITOR, "test");
        String token = token(host, domain.replace(".test", "") + ".bientap");
        var put = api(host, token, "PUT", "/api/v1/pages/ban-do-hanh-chinh",
                "{\"title\":\"Bản đồ hành chính xã\",\"bodyHtml\":\"<p>Xã có 12 thôn, diện tích 35 km².</p>\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        // A draft until the head approves it: still a placeholder, still nothing for visitors.
        assertThat(put.body()).contains("\"placeholder\":true", "\"state\":\"DRAFT\"",
                "\"title\":\"Bản đồ hành chính xã\"");
        assertThat(get(host, "/gioi-thieu/ban-do-hanh-chinh").statusCode()).isEqualTo(404);
        long head = accounts.create(domain.replace(".test", "") + ".truongban", "Trưởng ban", null, DEMO_PASSWORD, null);
        accounts.grant(commune.id(), head, Role.HEAD, "test");
        assertThat(api(host, token, "POST", "/api/v1/pages/ban-do-hanh-chinh/submit", null).statusCode()).isEqualTo(200);
        var approved = api(host, token(host, domain.replace(".test", "") + ".truongban"), "POST",
                "/api/v1/pages/ban-do-hanh-chinh/approve", "{\"expectedRevision\":1}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"placeholder\":false", "\"state\":\"PUBLISHED\"");

        var page = get(host, "/gioi-thieu/ban-do-hanh-chinh");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Bản đồ hành chính xã</h1>", "Xã có 12 thôn, diện tích 35 km².",
                "Cập nhật lần cuối", "href=\"/gioi-thieu\"");
        assertThat(get(host, "/gioi-thieu").body()).contains("Thông tin giới thiệu",
                "href=\"/gioi-thieu/ban-do-hanh-chinh\">Bản đồ hành chính xã</a>");
        assertThat(get(host, "/so-do-cong").body()).contains("href=\"/gioi-thieu/ban-do-hanh-chinh\"");
        assertThat(get(host, "/sitemap.xml").body()).contains("/gioi-thieu/ban-do-hanh-chinh</loc>");
        // The section's own pages have one address each.
        assertThat(get(host, "/gioi-thieu/kenh-thong-tin").statusCode()).isEqualTo(404);
        assertThat(get(host, "/gioi-thieu/lien-he").statusCode()).isEqualTo(404);
        assertThat(get(host, "/gioi-thieu/khong-co").statusCode()).isEqualTo(404);
    }
}
