package vn.gov.portal.provisioning.provinces;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.Browser;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestSmtp;

/**
 * Issue 12's end-to-end acceptance line, every step through the pages in Chromium and every
 * one-time link read from a real mail server (GreenMail, started here on a free local port):
 * the operator creates a province on the platform host; its head activates from the e-mail and
 * creates a department; the department's head activates from theirs and seats an editor; the
 * editor activates, writes and submits; the head approves; a visitor with no cookies reads it.
 * Nothing is set up by SQL: the province is new, on a base domain of its own.
 */
@MicronautTest(transactional = false)
@Tag("browser")
class ANewProvinceRunsItselfBrowserTest extends PortalTest {
    private static final String PLATFORM = "nentang.localhost";
    private static final Pattern LINK = Pattern.compile("http://[^\\s\"<>]+/admin/kich-hoat/[A-Za-z0-9_-]+");
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    /** A base domain no other test or run uses: Chromium sends every *.localhost to loopback. */
    private final String province = "e2e" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
            + ".localhost";
    private final String department = "sokhoahoc." + province;

    private final GreenMail smtp = TestSmtp.start();
    private Browser browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.putAll(TestSmtp.properties(smtp, "Cổng TTĐT <bbt@congthu.example.vn>"));
        return p;
    }


    @BeforeAll
    void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        browser.close();
        smtp.stop();
    }

    private String at(String host) {
        return "http://" + host + ":" + server.getPort();
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void theOperatorsNewProvinceGoesFromItsHeadsMailToAnArticleAVisitorReads() throws Exception {
        String title = "Hội thảo chuyển đổi số của Sở Khoa học tỉnh mới";

        // 1. The operator creates the province on the platform host, with its head's address.
        Page operator = browser.person().newPage();
        operator.navigate(at(PLATFORM) + "/admin");
        assertThat(operator.locator("h1")).hasText("Đăng nhập quản trị nền tảng");
        operator.getByLabel("Tên đăng nhập").fill("platform.admin");
        operator.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        operator.getByRole(AriaRole.BUTTON, named("Đăng nhập")).click();
        assertThat(operator.locator("h1")).hasText("Các tỉnh");
        operator.getByLabel("Tên tỉnh", EXACT).fill("Tỉnh Toàn Trình");
        operator.getByLabel("Mã đơn vị hành chính của tỉnh").fill(freeProvinceCode());
        operator.getByLabel("Tên miền", EXACT).fill(province);
        operator.getByLabel("Bộ quy chế áp dụng").selectOption("TN-2026");
        operator.getByLabel("Họ tên Trưởng Ban Biên tập").fill("Trịnh Văn Tỉnh");
        operator.getByLabel("Thư điện tử của Trưởng Ban Biên tập").fill("tinh@" + province);
        operator.getByRole(AriaRole.BUTTON, named("Tạo tỉnh")).click();
        assertThat(operator.locator(".created")).containsText(province);
        assertThat(operator.locator(".mail-state")).containsText("tinh@" + province);

        // 2. The province's head opens the link from the mail, sets a password, lands signed in.
        // The mail is the operator's, about the province's portal (not a component site of it).
        MimeMessage provinceMail = mailTo("tinh@" + province);
        assertThat(provinceMail.getSubject()).startsWith("Cổng Thông tin điện tử tỉnh Toàn Trình:");
        assertThat(text(provinceMail)).contains("Quản trị nền tảng đã tạo Cổng Thông tin điện tử tỉnh Toàn Trình",
                "tại địa chỉ " + at(province) + "/").doesNotContain("thành phần");
        String provinceLink = link(provinceMail);
        assertThat(URI.create(provinceLink).getHost()).isEqualTo(province);
        Page provinceHead = activate(browser.person(), provinceLink, "Trinh@Tinhmoi2026");
        assertThat(provinceHead).hasURL(at(province) + "/admin");

        // 3. From the console of component sites, the province's head creates a department.
        provinceHead.getByRole(AriaRole.LINK, named("Trang thành phần")).click();
        assertThat(provinceHead.locator("h1")).hasText("Trang thành phần");
        provinceHead.getByRole(AriaRole.LINK, named("Tạo trang mới")).click();
        provinceHead.getByLabel("Tên đơn vị", EXACT).fill("Sở Khoa học và Công nghệ");
        provinceHead.getByLabel("Loại đơn vị").selectOption("DEPARTMENT");
        provinceHead.getByLabel("Tên miền con", EXACT).fill("sokhoahoc");
        provinceHead.getByLabel("Họ tên Trưởng Ban Biên tập").fill("Khổng Thị Hòa");
        provinceHead.getByLabel("Thư điện tử của Trưởng Ban Biên tập").fill("hoa@" + department);
        provinceHead.getByRole(AriaRole.BUTTON, named("Tạo trang")).click();
        assertThat(provinceHead.locator(".created")).containsText(department);
        assertThat(provinceHead.locator(".created")).containsText("sokhoahoc.truongban");

        // 4. The department's head activates from their mail and seats an editor on "Thành viên".
        MimeMessage headMail = mailTo("hoa@" + department);
        assertThat(text(headMail)).contains("Ban Biên tập Cổng Thông tin điện tử tỉnh Toàn Trình đã tạo trang",
                "\"Sở Khoa học và Công nghệ\"", "sokhoahoc.truongban");
        String headLink = link(headMail);
        assertThat(URI.create(headLink).getHost()).isEqualTo(department);
        Page head = activate(browser.person(), headLink, "Hoa@Sokhoahoc2026");
        assertThat(head).hasURL(at(department) + "/admin");
        head.getByRole(AriaRole.LINK, named("Thành viên Ban Biên tập")).click();
        assertThat(head.locator("h1")).hasText("Thành viên Ban Biên tập");
        head.getByLabel("Họ tên", EXACT).fill("Lò Văn Biên");
        head.getByLabel("Thư điện tử", EXACT).fill("bien@" + department);
        head.getByLabel("Vai trò", EXACT).selectOption("EDITOR");
        head.getByRole(AriaRole.BUTTON, named("Thêm thành viên")).click();
        assertThat(head.getByRole(AriaRole.STATUS)).containsText("Lò Văn Biên");
        assertThat(head.locator("table")).containsText("Biên tập viên");

        // A cross-tenant try: the editor's link opens nothing on another site's host.
        MimeMessage editorMail = mailTo("bien@" + department);
        assertThat(text(editorMail)).contains("Biên tập viên", "\"Sở Khoa học và Công nghệ\"",
                "đăng nhập tại: " + at(department) + "/admin", "Trân trọng");
        String editorLink = link(editorMail);
        Page elsewhere = browser.person().newPage();
        elsewhere.navigate(editorLink.replace(department, DEPARTMENT));
        assertThat(elsewhere.getByRole(AriaRole.ALERT)).containsText("không còn hiệu lực");
        assertThat(elsewhere.locator("form input[name=password]")).hasCount(0);

        // 5. The editor activates from their mail on a phone, writes an article and sends it for review.
        Page editor = activate(browser.person(), editorLink, "Vb#Khoahoc2026");
        editor.setViewportSize(375, 800);
        assertThat(editor).hasURL(at(department) + "/admin");
        editor.getByRole(AriaRole.LINK, named("Viết bài")).click();
        assertThat(fitsThePhone(editor)).as("no sideways scrolling at 375 px").isTrue();
        editor.getByLabel("Tiêu đề").fill(title);
        editor.getByLabel("Tóm tắt").fill("Sở Khoa học và Công nghệ tổ chức hội thảo về chuyển đổi số.");
        editor.locator(".ql-editor").fill("Sáng nay, hội thảo chuyển đổi số khai mạc tại trụ sở Sở.");
        editor.getByRole(AriaRole.BUTTON, named("Lưu nháp")).click();
        assertThat(editor.locator("h1")).hasText(title);
        editor.getByRole(AriaRole.BUTTON, named("Gửi duyệt")).click();
        assertThat(editor.locator(".status")).hasText("Chờ duyệt");
        assertThat(fitsThePhone(editor)).as("no sideways scrolling at 375 px").isTrue();
        assertThat(editor.getByRole(AriaRole.BUTTON, named("Duyệt và xuất bản"))).hasCount(0);

        // 6. The department's head finds it in the review queue and approves it.
        head.getByRole(AriaRole.LINK, named("Duyệt bài")).click();
        head.getByRole(AriaRole.LINK, named(title)).click();
        head.getByRole(AriaRole.BUTTON, named("Duyệt và xuất bản")).click();
        assertThat(head.locator(".status")).hasText("Đã xuất bản");

        // A cross-tenant try: the department's head has no seat on the province's portal, and their
        // password opens no back office there.
        Page upward = browser.person().newPage();
        upward.navigate(at(province) + "/admin/trang-thanh-phan");
        assertThat(upward).hasURL(java.util.regex.Pattern.compile(".*/admin/dang-nhap.*"));
        upward.getByLabel("Tên đăng nhập").fill("sokhoahoc.truongban");
        upward.getByLabel("Mật khẩu").fill("Hoa@Sokhoahoc2026");
        upward.getByRole(AriaRole.BUTTON, named("Đăng nhập")).click();
        assertThat(upward.getByRole(AriaRole.ALERT)).containsText("không thuộc trang này");
        assertThat(upward.locator("h1")).not().hasText("Trang thành phần");

        // 7. A visitor, a browser with no cookies, finds it on the department's home and reads it;
        // the list dates it as the article's page does, in Vietnam's time (not the database's UTC).
        Page visitor = browser.person().newPage();
        visitor.navigate(at(department) + "/");
        var listed = visitor.locator(".latest li", new Page.LocatorOptions().setHasText(title));
        String listedDate = listed.locator("time").textContent().strip();
        listed.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(title)).click();
        assertThat(visitor.locator("h1")).hasText(title);
        assertThat(visitor.locator(".article-body")).containsText("hội thảo chuyển đổi số khai mạc");
        assertThat(visitor.locator(".meta time")).containsText(listedDate);
    }

    private static boolean fitsThePhone(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** Opens a one-time link in a fresh browser, sets the password, and is signed in. */
    private static Page activate(BrowserContext person, String link, String password) {
        Page page = person.newPage();
        page.navigate(link);
        assertThat(page.locator("h1")).hasText("Đặt mật khẩu");
        page.getByLabel("Mật khẩu mới").fill(password);
        page.getByLabel("Nhập lại mật khẩu").fill(password);
        page.getByRole(AriaRole.BUTTON, named("Đặt mật khẩu và đăng nhập")).click();
        assertThat(page.locator("h1")).hasText("Việc của tôi");
        return page;
    }

    /**
     * A two-digit official code no province holds yet, asked of the operator's API (the suite
     * shares one database). Drawn from numbers that no Vietnamese province has ever had: other
     * tests create provinces under real codes (26, 08, 24, 34…) or 97–99, and must find them free
     * whichever order the classes run in.
     */
    private String freeProvinceCode() {
        List<String> neverAProvince = List.of("41", "43", "47", "50", "53", "55", "57", "59", "61", "63", "65",
                "69", "71", "73", "76", "78", "81", "85", "88");
        String token = token(PLATFORM, "platform.admin");
        for (int tries = 0; tries < 50; tries++) {
            String code = neverAProvince.get(ThreadLocalRandom.current().nextInt(neverAProvince.size()));
            // The filter also matches domains holding the digits (other tests' "thugui67.test"): ask for
            // the code itself among what it finds.
            var listed = api(PLATFORM, token, "GET", "/api/v1/provinces?size=100&q=" + code, null);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            if (!listed.body().contains("\"code\":\"" + code + "\"")) {
                return code;
            }
        }
        throw new AssertionError("no free province code");
    }

    /** The only message sent to {@code to}, waiting for it to arrive. */
    private MimeMessage mailTo(String to) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<MimeMessage> mine = received(to);
        while (mine.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mail to " + to);
            }
            Thread.sleep(100);
            mine = received(to);
        }
        assertThat(mine).as("messages to " + to).hasSize(1);
        return mine.getFirst();
    }

    /** The one-time link a message carries. */
    private static String link(MimeMessage mail) throws Exception {
        String body = text(mail);
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group();
    }

    private List<MimeMessage> received(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equals(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text of a message: its body, or the plain part of a multipart one. */
    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        Multipart parts = (Multipart) content;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            all.append(text(parts.getBodyPart(i))).append('\n');
        }
        return all.toString();
    }
}
