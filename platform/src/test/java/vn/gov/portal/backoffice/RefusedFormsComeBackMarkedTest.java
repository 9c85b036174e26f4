package vn.gov.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The back office's one way of refusing a form (backoffice.Forms, admin/fields.html): the page
 * comes back with the refusal's status, the field at fault marked {@code aria-invalid} with its
 * message linked by {@code aria-describedby}, and what the person typed kept; a refusal that
 * names no field stands above its form. A session of another site is not let in.
 */
@SharedApplication
class RefusedFormsComeBackMarkedTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private String so;
    private String xa;
    private String editor;

    @BeforeAll
    void aProvinceOfItsOwn() {
        String domain = Fixtures.flatProvince(provisioning, "bieumau");
        so = "so." + domain;
        xa = "xa." + domain;
        String label = domain.substring(0, domain.indexOf('.'));
        var province = directory.snapshot().provinces().stream().filter(p -> (p.subdomain() + ".test").equals(domain))
                .findFirst().orElseThrow();
        editor = label + ".so.bientap";
        long id = accounts.create(editor, "Người thử biểu mẫu", null, DEMO_PASSWORD, null);
        accounts.grant(directory.snapshot().child(province.id(), "so").id(), id, Role.EDITOR, "test");
    }

    private HttpResponse<String> post(String host, String path, String cookies, String body) {
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)), path,
                "Cookie", cookies, "Content-Type", "application/x-www-form-urlencoded");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aFieldAtFaultIsMarkedWithItsMessageAndTheInputIsKept() {
        String session = "portal_session=" + token(so, editor);
        var r = post(so, "/admin/tai-khoan", session, "_csrf=" + csrfOf(so, session)
                + "&fullName=" + enc("Trần Thị Giữ Lại") + "&email=khong-phai-thu&phone=0208");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        String page = r.body();
        assertThat(page).contains("id=\"email\"", "aria-invalid=\"true\"", "aria-describedby=\"email-error\"",
                "id=\"email-error\"", "Địa chỉ thư điện tử không hợp lệ.");
        assertThat(page).as("the typed name is kept").contains("value=\"Trần Thị Giữ Lại\"")
                .as("the typed address is kept").contains("value=\"khong-phai-thu\"");
        assertThat(page.split("aria-invalid=\"true\"", -1)).as("only the field at fault is marked").hasSize(2);
        assertThat(page.indexOf("aria-invalid=\"true\"")).isGreaterThan(page.indexOf("id=\"email\"") - 400)
                .isLessThan(page.indexOf("id=\"phone\""));
    }

    @Test
    void aFieldsHintAndItsErrorAreBothDescribed() {
        String session = "portal_session=" + token(so, editor);
        var r = post(so, "/admin/tai-khoan/mat-khau", session, "_csrf=" + csrfOf(so, session)
                + "&currentPassword=" + enc(DEMO_PASSWORD) + "&newPassword=" + enc("Mot@2026abc")
                + "&newPassword2=" + enc("Hai@2026abc"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("aria-describedby=\"newPassword-hint\"",
                "aria-describedby=\"newPassword2-error\"", "id=\"newPassword2-error\"")
                .as("no password is ever written back").doesNotContain("Mot@2026abc", "Hai@2026abc");
    }

    @Test
    void aRefusalThatNamesNoFieldStandsAboveItsForm() {
        String session = "portal_session=" + token(so, editor);
        var r = post(so, "/admin/tai-khoan/xac-thuc-hai-lop/xac-nhan", session, "_csrf=" + csrfOf(so, session)
                + "&code=123456");
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).contains("class=\"error\" role=\"alert\"").doesNotContain("aria-invalid=\"true\"");
    }

    @Test
    void aFormWithoutItsTokenIsTheForbiddenPageNotARefusal() {
        String session = "portal_session=" + token(so, editor);
        var r = post(so, "/admin/tai-khoan", session, "fullName=" + enc("Không có mã"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("aria-invalid");
    }

    @Test
    void anotherSitesSessionDoesNotReachTheForm() {
        String session = "portal_session=" + token(so, editor);
        var r = post(xa, "/admin/tai-khoan", session, "_csrf=" + csrfOf(so, session) + "&fullName=x&email=x");
        assertThat(r.statusCode()).as("sent to sign in on that site, the form unread").isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/dang-nhap");
        assertThat(r.body()).doesNotContain("aria-invalid");
    }
}
