package vn.gov.portal.oversight.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.gov.portal.infra.text.Html;
import vn.gov.portal.oversight.quotas.SiteMonth;

/**
 * The dashboard's month as OpenDocument Spreadsheet (ODS, ISO/IEC 26300; the open format TT
 * 19/2011 asks state bodies to use): the same columns as the XLSX. One sheet of text and
 * numbers needs only the package's three parts, written here in the order the standard fixes
 * (the uncompressed {@code mimetype} first), which LibreOffice and Excel both open.
 */
final class DashboardSpreadsheet {
    private DashboardSpreadsheet() {
    }

    static byte[] ods(String month, List<SiteMonth> sites, Function<String, String> words) {
        StringBuilder rows = new StringBuilder();
        rows.append("<table:table-row>");
        DashboardExport.HEADINGS.forEach(h -> text(rows, h));
        rows.append("</table:table-row>");
        for (SiteMonth s : sites) {
            rows.append("<table:table-row>");
            text(rows, s.name());
            text(rows, words.apply("kind." + s.kind()));
            text(rows, s.host());
            number(rows, s.required());
            number(rows, s.counted());
            text(rows, words.apply("oversight.state." + s.state().name()));
            number(rows, s.published());
            number(rows, s.judged());
            number(rows, s.onTime());
            if (s.onTimeRate() == null) {
                rows.append("<table:table-cell/>");
            } else {
                number(rows, s.onTimeRate());
            }
            number(rows, s.overdue());
            number(rows, s.waiting());
            text(rows, s.lastPublished() == null ? "" : s.lastPublished());
            text(rows, s.ruleBasis() == null ? "" : s.ruleBasis());
            rows.append("</table:table-row>");
        }
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">\
                <office:body><office:spreadsheet><table:table table:name="%s">\
                <table:table-column table:number-columns-repeated="%d"/>%s</table:table>\
                </office:spreadsheet></office:body></office:document-content>"""
                .formatted(Html.escape("Tháng " + month), DashboardExport.HEADINGS.size(), rows);
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
                manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" \
                manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>\
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
                </manifest:manifest>""";
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(StringBuilder row, String value) {
        row.append("<table:table-cell office:value-type=\"string\"><text:p>").append(Html.escape(value))
                .append("</text:p></table:table-cell>");
    }

    private static void number(StringBuilder row, double value) {
        String v = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        row.append("<table:table-cell office:value-type=\"float\" office:value=\"").append(v).append("\"><text:p>")
                .append(v).append("</text:p></table:table-cell>");
    }
}
