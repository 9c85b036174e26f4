package vn.gov.portal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.identity.Totp;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.provisioning.SiteLifecycle;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Two-step sign-in in Chromium, at a phone's width: an editor of a new department turns on the
 * second factor from "Tài khoản của tôi" (the secret shown once, confirmed by a first code, the
 * recovery codes listed), signs out, and signing in again asks for the code as a second step.
 */
@SharedApplication
@Tag("browser")
class SecondFactorBrowserTest extends PortalTest {
    private static final String LABEL = "sohailop";
    @Inject
    SiteLifecycle lifecycle;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    private Browser browser;

    @BeforeAll
    void aNewDepartmentWithAnEditor() {
        browser = new Browser();
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow();
        var created = lifecycle.create(province, "thainguyen.localhost", new SiteLifecycle.NewSite(LABEL,
                "Sở Hai Lớp", TenantKind.DEPARTMENT, null, null, null), new LinkOrigin("http", ""), "test");
        long editor = accounts.create(LABEL + ".bientap", "Biên tập viên Sở Hai Lớp", null, DEMO_PASSWORD, null);
        accounts.grant(created.id(), editor, Role.EDITOR, "test");
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String site() {
        return "http://" + LABEL + ".thainguyen.localhost:" + server.getPort();
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private void signIn(Page page) {
        page.getByLabel("Tên đăng nhập").fill(LABEL + ".bientap");
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, named("Đăng nhập")).click();
    }

    @Test
    void anEditorTurnsOnTheSecondFactorAndSignsInWithACode() {
        Page page = browser.person().newPage();
        page.setViewportSize(390, 844);
        page.navigate(site() + "/admin");
        signIn(page);
        assertThat(page.locator("h1")).hasText("Việc của tôi");

        page.getByRole(AriaRole.LINK, named("Tài khoản của tôi")).click();
        assertThat(page.locator("h1")).hasText("Tài khoản của tôi");
        page.getByRole(AriaRole.BUTTON, named("Bật xác thực hai lớp")).click();
        String secret = page.locator("#totp-secret").innerText();
        assertThat(page.locator("#totp-uri")).containsText("otpauth://totp/");
        long step = Totp.step(Instant.now());
        page.getByLabel("Mã xác thực (6 chữ số)").fill(Totp.code(Totp.fromBase32(secret), step));
        page.getByRole(AriaRole.BUTTON, named("Xác nhận và bật")).click();
        assertThat(page.locator("ol.recovery-codes li")).hasCount(10);
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("usable at a phone's width").isTrue();

        page.getByRole(AriaRole.BUTTON, named("Đăng xuất (Biên tập viên Sở Hai Lớp)")).click();
        assertThat(page.locator("h1")).hasText("Đăng nhập");
        signIn(page);
        assertThat(page.locator("main")).containsText("Nhập mã xác thực từ ứng dụng");
        page.getByLabel("Mã xác thực (6 chữ số)").fill("000000".equals(Totp.code(Totp.fromBase32(secret), step + 1))
                ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, named("Đăng nhập")).click();
        assertThat(page.locator("main .error")).containsText("Mã xác thực không đúng");
        page.getByLabel("Mã xác thực (6 chữ số)").fill(Totp.code(Totp.fromBase32(secret), step + 1));
        page.getByRole(AriaRole.BUTTON, named("Đăng nhập")).click();
        assertThat(page.locator("h1")).hasText("Việc của tôi");
    }
}
