package vn.gov.portal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Issue 3's browser line, in Chromium: the contributor signs in, writes an article with an
 * image and submits it; the head signs in, finds it in the queue and approves it; a visitor
 * reads it on the department's site.
 */
@SharedApplication
@Tag("browser")
class WriteApprovePublishBrowserTest extends PortalTest {
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private String site() {
        return "http://sotaichinh.thainguyen.localhost:" + server.getPort();
    }

    private Page signIn(String username) {
        Page page = browser.person().newPage();
        page.navigate(site() + "/admin");
        assertThat(page).hasURL(site() + "/admin/dang-nhap");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        assertThat(page.locator("h1")).hasText("Việc của tôi");
        return page;
    }

    @Test
    void contributorWritesHeadApprovesVisitorReads() throws Exception {
        Path image = Files.createTempFile("anh-", ".png");
        BufferedImage img = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(27, 94, 32));
        g.fillRect(0, 0, 800, 500);
        g.dispose();
        ImageIO.write(img, "png", image.toFile());

        Page writer = signIn("sotaichinh.bientap");
        writer.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Viết bài")).click();
        writer.getByLabel("Tiêu đề").fill("Hội nghị tổng kết công tác tài chính năm 2026");
        writer.getByLabel("Tóm tắt").fill("Sở Tài chính tổ chức hội nghị tổng kết.");
        writer.locator(".ql-editor").fill("Sáng nay, Sở Tài chính tổ chức hội nghị.");
        // The editor's image button: pick a file, give its alt text, and it lands in the body.
        writer.onceDialog(dialog -> dialog.accept("Biểu đồ thu chi ngân sách"));
        var chooser = writer.waitForFileChooser(() -> writer.locator(".ql-toolbar .ql-image").click());
        chooser.setFiles(image);
        assertThat(writer.locator(".ql-editor img[alt='Biểu đồ thu chi ngân sách']")).hasCount(1);
        writer.getByLabel("Ảnh đại diện (JPEG, PNG, GIF)").setInputFiles(image);
        writer.getByLabel("Mô tả ảnh cho người khiếm thị (bắt buộc nếu có ảnh)").fill("Toàn cảnh hội nghị");
        writer.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Lưu nháp")).click();
        assertThat(writer.locator("h1")).hasText("Hội nghị tổng kết công tác tài chính năm 2026");
        writer.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Gửi duyệt")).click();
        assertThat(writer.locator(".status")).hasText("Chờ duyệt");
        assertThat(writer.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Duyệt và xuất bản"))).hasCount(0);

        Page head = signIn("sotaichinh.truongban");
        head.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Duyệt bài")).click();
        head.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Hội nghị tổng kết công tác tài chính năm 2026")).click();
        Page preview = head.context().newPage();
        preview.navigate(site() + head.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Xem trước như bạn đọc")).getAttribute("href"));
        assertThat(preview.locator("article h1")).hasText("Hội nghị tổng kết công tác tài chính năm 2026");
        assertThat(preview.locator("article figure img")).hasAttribute("alt", "Toàn cảnh hội nghị");
        preview.close();
        head.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Duyệt và xuất bản")).click();
        assertThat(head.locator(".status")).hasText("Đã xuất bản");

        Page visitor = browser.person().newPage();
        visitor.navigate(site() + "/tin-tuc/hoi-nghi-tong-ket-cong-tac-tai-chinh-nam-2026");
        assertThat(visitor.locator("h1")).hasText("Hội nghị tổng kết công tác tài chính năm 2026");
        assertThat(visitor.locator("article figure img")).hasAttribute("alt", "Toàn cảnh hội nghị");
        assertThat(visitor.locator(".article-body")).containsText("Sáng nay, Sở Tài chính tổ chức hội nghị.");
        assertThat(visitor.locator(".article-body img[alt='Biểu đồ thu chi ngân sách']")).hasCount(1);
        Object loaded = visitor.evaluate("() => document.querySelector('.article-body img').naturalWidth");
        assertThat(((Number) loaded).intValue()).isGreaterThan(0);
    }
}
