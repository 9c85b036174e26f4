package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** The five regulations ship as presets in the database, and the demo province uses TN 2026. */
@SharedApplication
class RegulationPresetsTest extends PortalTest {

    private Map<String, String> rows(String sql) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db().app(); var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void fivePresetsWithTheirDomainAndLanguageSchemes() throws SQLException {
        assertThat(rows("SELECT code, domain_scheme || '/' || language_scheme FROM regulation_presets"))
                .containsEntry("TN-2026", "PROVINCE_FLAT/PATH")
                .containsEntry("TQ-2026", "PROVINCE_FLAT/PATH")
                .containsEntry("TB-2024", "PROVINCE_FLAT/PATH")
                .containsEntry("BG-2023", "DISTRICT_NESTED/PATH")
                .containsEntry("VP-2017", "PROVINCE_FLAT/HOST");
    }

    @Test
    void thaiNguyenQuotasAndDeadlines() throws SQLException {
        assertThat(rows("""
                SELECT q.tenant_kind, q.min_per_month::text FROM preset_quotas q
                JOIN regulation_presets p ON p.id = q.preset_id WHERE p.code = 'TN-2026'"""))
                .containsEntry("DEPARTMENT", "2").containsEntry("COMMUNE", "1").containsEntry("WARD", "1");
        assertThat(rows("""
                SELECT d.content_type, d.amount || ' ' || d.unit || ' from ' || d.counted_from FROM preset_deadlines d
                JOIN regulation_presets p ON p.id = d.preset_id WHERE p.code = 'TN-2026'"""))
                .containsEntry("event_news", "8 WORKING_HOURS from EVENT")
                .containsEntry("legal_document", "3 DAYS from SIGNING");
    }

    @Test
    void bacGiangCarriesTheAnnexForms() throws SQLException {
        assertThat(rows("""
                SELECT f.code, jsonb_array_length(f.fields)::text FROM preset_report_forms f
                JOIN regulation_presets p ON p.id = f.preset_id WHERE p.code = 'BG-2023'"""))
                .containsEntry("MAU_01", "13").containsKey("MAU_02");
    }

    @Test
    void theDemoProvinceUsesItsOwnCopyOfThaiNguyen2026() throws SQLException {
        assertThat(rows("""
                SELECT t.subdomain, p.based_on FROM tenants t JOIN regulation_presets p ON p.id = t.preset_id
                WHERE t.subdomain = 'thainguyen' AND p.province_id = t.id""")).containsEntry("thainguyen", "TN-2026");
    }
}
