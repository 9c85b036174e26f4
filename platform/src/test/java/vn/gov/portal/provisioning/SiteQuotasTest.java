package vn.gov.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.media.MediaService;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Quotas by kind, overridden by the province, enforced on seats and uploads, shown to both sides. */
@SharedApplication
class SiteQuotasTest extends PortalTest {
    @Inject
    Accounts accounts;
    @Inject
    MediaService media;
    @Inject
    TenantDirectory directory;

    @Test
    void defaultsByKindOverridesAndUse() {
        String admin = token(PROVINCE, "platform.admin");
        var created = api(PROVINCE, admin, "POST", "/api/v1/tenants",
                "{\"subdomain\":\"xahanmuc\",\"name\":\"Xã Hạn Mức\",\"kind\":\"COMMUNE\",\"headName\":\"Võ Văn Hạn\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(field(created.body(), "id"));
        var usage = api(PROVINCE, admin, "GET", "/api/v1/tenants/" + id + "/usage", null).body();
        assertThat(usage).contains("\"quota\":{\"storageBytes\":2147483648,\"members\":25,\"uploadsPerDay\":100}")
                .contains("\"used\":{\"storageBytes\":0,\"members\":1,\"uploadsToday\":0}");

        var changed = api(PROVINCE, admin, "PATCH", "/api/v1/tenants/" + id,
                "{\"quotas\":{\"members\":2,\"uploadsPerDay\":1}}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(api(PROVINCE, admin, "PATCH", "/api/v1/tenants/" + id, "{\"quotas\":{\"members\":-1}}")
                .statusCode()).isEqualTo(422);

        long second = accounts.create("hanmuc.bientap", "Biên tập hạn mức", null, DEMO_PASSWORD, null);
        long third = accounts.create("hanmuc.thua", "Người thừa", null, DEMO_PASSWORD, null);
        accounts.grant(id, second, Role.CONTRIBUTOR, "test");
        accounts.grant(id, second, Role.EDITOR, "test"); // a second seat of the same person is no new member
        assertThatThrownBy(() -> accounts.grant(id, third, Role.CONTRIBUTOR, "test"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("member.quota-exceeded");

        var writer = new Actor(second, "hanmuc.bientap", Set.of("CONTRIBUTOR"));
        Tenant site = directory.snapshot().byId(id);
        media.upload(site, writer, "a.pdf", pdf("một"), null);
        assertThatThrownBy(() -> media.upload(site, writer, "b.pdf", pdf("hai"), null))
                .isInstanceOf(ProblemException.class).hasMessageContaining("media.daily-quota-exceeded");

        String siteAdmin = token("xahanmuc.thainguyen.localhost", "hanmuc.bientap");
        assertThat(api("xahanmuc.thainguyen.localhost", siteAdmin, "GET", "/api/v1/usage", null).statusCode())
                .as("a contributor does not see the quotas").isEqualTo(403);
        var own = api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.quantri"), "GET", "/api/v1/usage", null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"members\":50");
        assertThat(api(PROVINCE, admin, "GET", "/api/v1/tenants/" + id + "/usage", null).body())
                .contains("\"quota\":{\"storageBytes\":2147483648,\"members\":2,\"uploadsPerDay\":1}")
                .contains("\"members\":2,\"uploadsToday\":1");
        assertThat(api(DEPARTMENT, token(DEPARTMENT, "sotaichinh.truongban"), "GET", "/api/v1/tenants/" + id + "/usage",
                null).statusCode()).as("another site's use is the province's business").isEqualTo(403);
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% " + text + "\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
