package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Sitemap, RSS and robots per host; Dublin Core on every page. */
@SharedApplication
class FeedsAndMetadataTest extends PortalTest {

    private static Document xml(String body) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document d, String tag) {
        var nodes = d.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void theSitemapIsValidXmlListingOnlyThisHostsPublishedAddresses() throws Exception {
        var r = get(DEPARTMENT, "/sitemap.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        List<String> locs = texts(xml(r.body()), "loc");
        assertThat(locs).isNotEmpty().allMatch(l -> l.startsWith("http://" + DEPARTMENT + "/"));
        assertThat(locs).contains("http://" + DEPARTMENT + "/tin-tuc/cong-khai-du-toan-ngan-sach-nam-2026-bai-mau");
        assertThat(texts(xml(get(COMMUNE, "/sitemap.xml").body()), "loc"))
                .allMatch(l -> l.startsWith("http://" + COMMUNE + "/"));
    }

    @Test
    void theRssFeedIsValidAndNamesTheSite() throws Exception {
        var r = get(COMMUNE, "/rss.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = xml(r.body());
        assertThat(texts(d, "title")).contains("Phường Phan Đình Phùng",
                "Phường Phan Đình Phùng tiếp công dân định kỳ tháng 11 (bài mẫu)");
        assertThat(texts(d, "link")).allMatch(l -> l.startsWith("http://" + COMMUNE + "/"));
    }

    @Test
    void robotsPointsAtThisHostsSitemap() {
        assertThat(get(PROVINCE, "/robots.txt").body()).contains("Disallow: /admin",
                "Sitemap: http://" + PROVINCE + "/sitemap.xml");
    }

    @Test
    void everyPageCarriesTheSixRequiredDublinCoreElements() {
        for (String[] page : new String[][] {{PROVINCE, "/"}, {DEPARTMENT, "/gioi-thieu"},
                {DEPARTMENT, "/tin-tuc/cong-khai-du-toan-ngan-sach-nam-2026-bai-mau"}}) {
            String html = get(page[0], page[1]).body();
            for (String element : new String[] {"DC.title", "DC.creator", "DC.date", "DC.description",
                    "DC.publisher", "DC.identifier"}) {
                Matcher m = Pattern.compile("<meta name=\"" + Pattern.quote(element) + "\" content=\"([^\"]*)\"")
                        .matcher(html);
                assertThat(m.find()).as(element + " on " + page[0] + page[1]).isTrue();
                assertThat(m.group(1)).as(element + " on " + page[0] + page[1]).isNotBlank();
            }
            assertThat(html).contains("<meta name=\"DC.identifier\" content=\"http://" + page[0] + page[1] + "\">");
        }
        assertThat(get(DEPARTMENT, "/tin-tuc/cong-khai-du-toan-ngan-sach-nam-2026-bai-mau").body())
                .contains("<meta name=\"DC.title\" content=\"Công khai dự toán ngân sách năm 2026 (bài mẫu)\">");
    }
}
