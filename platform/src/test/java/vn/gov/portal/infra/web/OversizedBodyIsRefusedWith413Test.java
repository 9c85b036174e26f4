package vn.gov.portal.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * The server takes large bodies only where it streams them (a site archive to import): a JSON
 * body past the buffered limit (10 MB) is the client's mistake, answered 413 in problem+json,
 * not a 500.
 */
@SharedApplication
class OversizedBodyIsRefusedWith413Test extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String department;
    private String editor;

    @BeforeAll
    void ownProvince() {
        String domain = Fixtures.flatProvince(provisioning, "lon");
        department = "so." + domain;
        editor = domain.substring(0, domain.indexOf('.')) + ".bientap";
        Fixtures.member(accounts, Fixtures.site(directory, domain, "so"), editor, Role.EDITOR);
    }

    @Test
    void aTwelveMegabyteJsonBodyIs413() {
        String token = token(department, editor);
        String big = "{\"title\":\"Tin\",\"summary\":\"" + "a".repeat(12 * 1024 * 1024) + "\"}";
        var r = send(department, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(big)),
                "/api/v1/articles", "Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(field(r.body(), "detail")).contains("vượt quá dung lượng");
    }
}
