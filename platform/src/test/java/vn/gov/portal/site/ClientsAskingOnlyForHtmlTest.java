package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * A client that accepts only what it expects (a crawler asking for HTML, a feed reader for XML)
 * gets the page, not 406: Micronaut's routes produce JSON unless told otherwise. Each address is
 * asked for the first time here, so the router answers, not the page cache.
 */
@SharedApplication
class ClientsAskingOnlyForHtmlTest extends PortalTest {

    @ParameterizedTest(name = "{1} {2} as {0}")
    @CsvSource({
        "text/html, sotaichinh.thainguyen.localhost, /tim-kiem?q=ch%E1%BB%89+html",
        "text/html, sotaichinh.thainguyen.localhost, /gioi-thieu?chi=html",
        "text/html, phandinhphung.thainguyen.localhost, /so-do-cong?chi=html",
        "text/html, thainguyen.localhost, /dang-ky-trang",
        "text/html, thainguyen.localhost, /admin/dang-nhap",
        "application/rss+xml, sotaichinh.thainguyen.localhost, /rss.xml?chi=xml",
        "application/xml, sotaichinh.thainguyen.localhost, /sitemap.xml?chi=xml",
        "text/plain, sotaichinh.thainguyen.localhost, /robots.txt?chi=txt"})
    void isAnswered(String accept, String host, String path) {
        var response = get(host, path, "Accept", accept);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
