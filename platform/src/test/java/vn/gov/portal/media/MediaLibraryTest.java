package vn.gov.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Uploads: type from the bytes, alt text, variants, the quota, and a site's files on its host only. */
@SharedApplication
class MediaLibraryTest extends PortalTest {

    private HttpResponse<String> upload(String host, String token, String filename, byte[] bytes, String alt) {
        String boundary = "----portal" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            if (alt != null) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())),
                "/api/v1/media", "Authorization", "Bearer " + token,
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(183, 28, 28));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private long mediaRows(String subdomain) throws SQLException {
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM media m JOIN tenants t ON t.id = m.tenant_id WHERE t.subdomain = '"
                        + subdomain + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anImageIsStoredWithItsVariantsAndServedOnlyOnItsSite() throws IOException {
        String token = token(DEPARTMENT, "sotaichinh.bientap");
        var r = upload(DEPARTMENT, token, "toa-nha.png", png(1200, 800), "Trụ sở Sở Tài chính");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"kind\":\"IMAGE\"", "\"contentType\":\"image/png\"", "\"width\":1200",
                "\"thumb\":", "\"card\":", "\"full\":", "\"alt\":\"Trụ sở Sở Tài chính\"");
        var m = Pattern.compile("\"id\":([0-9]+)").matcher(r.body());
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        // Nothing published links it yet: the board reads it (DraftMediaStayWithTheBoardTest has visitors).
        var thumb = get(DEPARTMENT, "/media/" + id + "/thumb", "Authorization", "Bearer " + token);
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(thumb.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(get(COMMUNE, "/media/" + id + "/thumb").statusCode()).as("another site's host").isEqualTo(404);
        assertThat(get(DEPARTMENT, "/media/" + id + "/../../etc").statusCode()).isEqualTo(404);
    }

    @Test
    void anHtmlFileRenamedJpgAndAnSvgWithScriptAreRefusedAndNothingIsStored() throws SQLException {
        String token = token(COMMUNE, "phandinhphung.bientap");
        long before = mediaRows("phandinhphung");
        var html = upload(COMMUNE, token, "anh.jpg",
                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8), "ảnh");
        assertThat(html.statusCode()).isEqualTo(415);
        assertThat(html.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(html.body()).contains("Loại tệp không được chấp nhận");
        var svg = upload(COMMUNE, token, "logo.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8), "logo");
        assertThat(svg.statusCode()).isEqualTo(415);
        assertThat(mediaRows("phandinhphung")).isEqualTo(before);
    }

    @Test
    void anImageWithoutAltTextIsRefused() throws IOException {
        var r = upload(DEPARTMENT, token(DEPARTMENT, "sotaichinh.bientap"), "x.png", png(10, 10), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("mô tả thay thế");
    }

    @Test
    void documentsAreAcceptedByTheirContent() {
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
                + "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        var r = upload(DEPARTMENT, token(DEPARTMENT, "sotaichinh.bientap"), "Quyết định số 12.pdf", pdf, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"kind\":\"DOCUMENT\"", "\"contentType\":\"application/pdf\"",
                "\"name\":\"Quyết định số 12.pdf\"");
    }

    @Test
    void anUploadPastTheQuotaIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        String token = token(COMMUNE, "phandinhphung.truongban");
        long before = mediaRows("phandinhphung");
        try (var c = db().owner(); var st = c.createStatement()) {
            st.execute("UPDATE tenants SET storage_quota_bytes = 1000 WHERE subdomain = 'phandinhphung'");
        }
        try {
            var r = upload(COMMUNE, token, "lon.png", png(400, 400), "ảnh lớn");
            assertThat(r.statusCode()).isEqualTo(507);
            assertThat(r.body()).contains("hết dung lượng lưu trữ", "Tệp chưa được lưu");
            assertThat(mediaRows("phandinhphung")).isEqualTo(before);
        } finally {
            try (var c = db().owner(); var st = c.createStatement()) {
                st.execute("UPDATE tenants SET storage_quota_bytes = DEFAULT WHERE subdomain = 'phandinhphung'");
            }
        }
    }
}
