package vn.gov.portal.infra.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.gov.portal.infra.text.Html;

/**
 * One sheet of rows as a spreadsheet people open in LibreOffice or Excel: XLSX (Apache POI) or
 * ODS (ISO/IEC 26300, the open format TT 19/2011 asks state bodies to use). A cell is a number
 * (written as a number), any other value (written as its text), or null (left empty); a row may
 * be empty. One sheet of text and numbers needs only the ODS package's three parts, written here
 * in the order the standard fixes (the uncompressed {@code mimetype} first); documents with
 * styles (the periodic reports) use ODF Toolkit instead.
 */
public final class Spreadsheets {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

    private Spreadsheets() {
    }

    /**
     * @param boldRows   how many rows from the top are headings, in bold
     * @param widths     each column's width in characters (0: the default)
     */
    public static byte[] xlsx(String sheetName, List<List<Object>> rows, int boldRows, int... widths) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    var cell = row.createCell(c);
                    Object v = cells.get(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                    if (r < boldRows) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                if (widths[c] > 0) {
                    sheet.setColumnWidth(c, widths[c] * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] ods(String sheetName, List<List<Object>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        StringBuilder body = new StringBuilder();
        for (List<Object> cells : rows) {
            body.append("<table:table-row>");
            if (cells.isEmpty()) {
                body.append("<table:table-cell/>");
            }
            for (Object v : cells) {
                if (v == null) {
                    body.append("<table:table-cell/>");
                } else if (v instanceof Number n) {
                    String text = number(n);
                    body.append("<table:table-cell office:value-type=\"float\" office:value=\"").append(text)
                            .append("\"><text:p>").append(text).append("</text:p></table:table-cell>");
                } else {
                    body.append("<table:table-cell office:value-type=\"string\"><text:p>")
                            .append(Html.escape(v.toString())).append("</text:p></table:table-cell>");
                }
            }
            body.append("</table:table-row>");
        }
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">\
                <office:body><office:spreadsheet><table:table table:name="%s">\
                <table:table-column table:number-columns-repeated="%d"/>%s</table:table>\
                </office:spreadsheet></office:body></office:document-content>"""
                .formatted(Html.escape(sheetName), columns, body);
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
                manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" \
                manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>\
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
                </manifest:manifest>""";
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = ODS.getBytes(StandardCharsets.US_ASCII);
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

    /** 2, 97.5, 100 (not 100.0), 234000 (not 2.34E+5). */
    private static String number(Number n) {
        if (n instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if ((n instanceof Double || n instanceof Float) && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return n.toString();
    }
}
