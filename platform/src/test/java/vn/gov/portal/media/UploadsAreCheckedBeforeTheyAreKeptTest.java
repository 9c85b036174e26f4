package vn.gov.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.SharedApplication;

/**
 * What an upload must be before the library keeps it: a picture whose header declares a size we
 * can decode, an office document that is the document its name says (not any ZIP, not a bomb),
 * and, when every decoding slot is taken, a clear "come back" instead of a node out of memory.
 */
@SharedApplication
class UploadsAreCheckedBeforeTheyAreKeptTest extends SiteWithABoard {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    ImageDecodes decodes;

    @Override
    String provinceName() {
        return "tailen";
    }

    @Test
    void aSmallPngDeclaring50000By50000PointsIsRefusedWithAClearMessageAndNeverDecoded() throws Exception {
        byte[] bomb = pngDeclaring(50_000, 50_000);
        assertThat(bomb.length).isLessThan(200);
        long before = mediaRows();
        // Decoding it would need 7.5 GB for its pixels: a 500 or an OutOfMemoryError, not this answer.
        var r = upload(so, writer, "ban-do.png", bomb, "Bản đồ hành chính");
        assertProblem(r, 413, "Ảnh quá lớn để xử lý", "12000 × 12000", "40 megapixel", "Tệp chưa được lưu");
        assertThat(mediaRows()).isEqualTo(before);
        // Just under the limits on each side, but past 40 megapixels, is refused as well.
        assertProblem(upload(so, writer, "dai.png", pngDeclaring(12_000, 4_000), "Ảnh dài"), 413, "quá lớn");
        assertProblem(upload(so, writer, "rong.png", pngDeclaring(12_001, 10), "Ảnh rộng"), 413, "quá lớn");
        // And a picture within them is taken, its size read from that same header.
        var fine = upload(so, writer, "nho.png", png(300, 200), "Ảnh nhỏ");
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
        assertThat(fine.body()).contains("\"width\":300", "\"height\":200");
        // A large one is read with every n-th point for its variants; its own size is what is recorded.
        var large = upload(so, writer, "toan-canh.png", png(4000, 3000), "Toàn cảnh");
        assertThat(large.statusCode()).as(large.body()).isEqualTo(201);
        assertThat(large.body()).contains("\"width\":4000", "\"height\":3000");
        var full = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                fileOf(so, "/media/" + id(large.body()) + "/full", writer)));
        assertThat(full.getWidth()).isEqualTo(1600);
        assertThat(full.getHeight()).isEqualTo(1200);
        var photo = upload(so, writer, "anh.jpg", jpeg(640, 480), "Ảnh chụp");
        assertThat(photo.statusCode()).as(photo.body()).isEqualTo(201);
        assertThat(photo.body()).contains("\"contentType\":\"image/jpeg\"", "\"width\":640", "\"height\":480");
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        var img = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void aZipNamedDocxIsRefusedAndARealDocxIsTaken() throws Exception {
        long before = mediaRows();
        byte[] fake = zip(Map.of("ghi-chu.txt", "Không phải tài liệu Word".getBytes(StandardCharsets.UTF_8)));
        assertProblem(upload(so, writer, "Báo cáo.docx", fake, null), 415, "không phải là tài liệu hợp lệ");
        // The parts a docx has, but not a Word document's main part: still not a .docx.
        byte[] hollow = zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "_rels/.rels", "<Relationships/>".getBytes(StandardCharsets.UTF_8),
                "word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8)));
        assertProblem(upload(so, writer, "Báo cáo.docx", hollow, null), 415, "không phải là tài liệu hợp lệ");
        assertThat(mediaRows()).isEqualTo(before);

        var real = upload(so, writer, "Báo cáo quý.docx", docx(), null);
        assertThat(real.statusCode()).as(real.body()).isEqualTo(201);
        assertThat(real.body()).contains("\"contentType\":\"" + DOCX + "\"");
        // The same document under a spreadsheet's name claims to be what it is not.
        assertProblem(upload(so, writer, "Báo cáo quý.xlsx", docx(), null), 415, "không phải là tài liệu hợp lệ");
    }

    @Test
    void aDocxThatInflatesPastTheLimitIsRefused() throws Exception {
        // A real document with 300 MB of zeros inside: about 300 KB on the wire.
        byte[] bomb = withEntry(docx(), "word/media/image1.bin", 300L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        long before = mediaRows();
        assertProblem(upload(so, writer, "Tờ trình.docx", bomb, null), 415, "không phải là tài liệu hợp lệ");
        assertThat(mediaRows()).isEqualTo(before);
    }

    @Test
    void anOdtMustSayItIsTextInItsMimetypeEntry() throws Exception {
        var real = upload(so, writer, "Kế hoạch.odt", odf("application/vnd.oasis.opendocument.text"), null);
        assertThat(real.statusCode()).as(real.body()).isEqualTo(201);
        assertThat(real.body()).contains("\"contentType\":\"application/vnd.oasis.opendocument.text\"");
        assertProblem(upload(so, writer, "Kế hoạch.odt", odf("application/vnd.oasis.opendocument.spreadsheet"),
                null), 415, "không phải là tài liệu hợp lệ");
        byte[] noContent = zipStoredFirst("mimetype", "application/vnd.oasis.opendocument.text",
                Map.of("META-INF/manifest.xml", "<manifest/>".getBytes(StandardCharsets.UTF_8)));
        assertProblem(upload(so, writer, "Kế hoạch.odt", noContent, null), 415, "không phải là tài liệu hợp lệ");
    }

    @Test
    void whenEveryDecodingSlotIsTakenAnImageUploadIsToldToComeBack() throws Exception {
        long before = mediaRows();
        decodes.permits().acquire(MediaPolicy.DECODES_AT_ONCE);
        try {
            var busy = upload(so, writer, "hoi-nghi.png", png(400, 300), "Hội nghị");
            assertProblem(busy, 503, "đang xử lý nhiều ảnh");
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("10");
            // A document needs no decoding and is not held up.
            var pdf = upload(so, writer, "Quyết định.pdf", pdf(), null);
            assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(201);
        } finally {
            decodes.permits().release(MediaPolicy.DECODES_AT_ONCE);
        }
        assertThat(mediaRows()).isEqualTo(before + 1);
        var later = upload(so, writer, "hoi-nghi.png", png(400, 300), "Hội nghị");
        assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
    }

    /** A valid PNG (signature, IHDR, one IDAT, IEND) whose header declares {@code width} × {@code height}. */
    static byte[] pngDeclaring(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        var idat = new ByteArrayOutputStream();
        try (var z = new DeflaterOutputStream(idat)) {
            z.write(new byte[64]);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] docx() throws IOException {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Báo cáo tình hình kinh tế - xã hội quý I");
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** {@code document}'s entries plus one of {@code zeros} zero bytes, deflated hard. */
    private static byte[] withEntry(byte[] document, String name, long zeros) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out);
             var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(document))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += block.length) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** An ODF package: "mimetype" first and stored, then its content and manifest. */
    private static byte[] odf(String mimetype) throws IOException {
        return zipStoredFirst("mimetype", mimetype, Map.of(
                "content.xml", ("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:"
                        + "office:1.0\" office:version=\"1.3\"><office:body><office:text/></office:body>"
                        + "</office:document-content>").getBytes(StandardCharsets.UTF_8),
                "META-INF/manifest.xml", ("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:"
                        + "xmlns:manifest:1.0\"/>").getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] zipStoredFirst(String name, String text, Map<String, byte[]> rest) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry(name);
            first.setMethod(ZipEntry.STORED);
            first.setSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(bytes);
            zip.closeEntry();
            for (var e : rest.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
                + "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
