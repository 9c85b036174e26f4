package vn.gov.portal.testing;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium under Playwright, headless, with the flags this closed network needs.
 * Chromium resolves every *.localhost name to loopback, so tenants are reached by their hosts;
 * the fixture provinces' *.test names (Fixtures) are mapped to loopback too.
 */
public final class Browser implements AutoCloseable {
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        // Assertions wait up to 15 s, not 5: CI's two cores also run the server and the database.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP *.test 127.0.0.1")));
    }

    /** A fresh browser profile: its own cookies, like a different person. */
    public com.microsoft.playwright.BrowserContext person() {
        return browser.newContext(new NewContextOptions().setLocale("vi-VN"));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
