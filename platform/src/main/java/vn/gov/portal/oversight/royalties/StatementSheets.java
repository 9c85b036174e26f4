package vn.gov.portal.oversight.royalties;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * A royalty statement as a spreadsheet, XLSX (Apache POI) or ODS (ISO/IEC 26300, the open format
 * TT 19/2011 asks for; the package's three parts written as the dashboard's export does): the
 * lines, then the totals per person, numbers as numbers. A reader who may not see money gets
 * the sheet without the money columns.
 */
final class StatementSheets {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private StatementSheets() {
    }

    /** The sheet's rows, headings first; cells are strings or numbers, null for an empty cell. */
    static List<List<Object>> rows(RoyaltyStatements.Statement s) {
        boolean money = s.full();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Bảng kê nhuận bút tháng " + s.month() + " — " + s.site()
                + (s.approved() ? " (đã phê duyệt " + s.approvedAt() + ")" : " (chưa phê duyệt)")));
        rows.add(money ? List.of("Mã tin", "Tiêu đề", "Loại", "Có ảnh", "Ngày đăng", "Tác giả", "Điểm", "Thành tiền (đ)")
                : List.of("Mã tin", "Tiêu đề", "Loại", "Có ảnh", "Ngày đăng", "Tác giả", "Điểm"));
        for (RoyaltyStatements.Line l : s.lines()) {
            List<Object> row = new ArrayList<>(List.of(l.articleId(), l.title(), kind(l.kind()), l.photo() ? "Có" : "",
                    when(l.publishedAt()), l.person(), l.points()));
            if (money) {
                row.add(l.amount());
            }
            rows.add(row);
        }
        rows.add(List.of());
        rows.add(money ? List.of("Tổng theo người", "Số tin", "Điểm", "Thành tiền (đ)")
                : List.of("Tổng theo người", "Số tin", "Điểm"));
        for (RoyaltyStatements.PersonTotal t : s.totals()) {
            List<Object> row = new ArrayList<>(List.of(t.person(), t.items(), t.points()));
            if (money) {
                row.add(t.amount());
            }
            rows.add(row);
        }
        List<Object> total = new ArrayList<>(List.of("Cộng", s.lines().size(), s.totalPoints()));
        if (money) {
            total.add(s.totalAmount());
        }
        rows.add(total);
        return rows;
    }

    static String kind(String kind) {
        return switch (kind) {
            case "EVENT" -> "Tin sự kiện";
            case "LAW_DISSEMINATION" -> "Phổ biến pháp luật";
            case "ANNOUNCEMENT" -> "Thông báo";
            default -> "Tin tức";
        };
    }

    static String when(String iso) {
        return WHEN.format(OffsetDateTime.parse(iso).atZoneSameInstant(RoyaltyRates.VIETNAM));
    }

    static byte[] xlsx(RoyaltyStatements.Statement s) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Tháng " + s.month());
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<List<Object>> rows = rows(s);
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
                    if (r <= 1) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.setColumnWidth(1, 60 * 256);
            sheet.setColumnWidth(5, 30 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] ods(RoyaltyStatements.Statement s) {
        StringBuilder body = new StringBuilder();
        for (List<Object> cells : rows(s)) {
            body.append("<table:table-row>");
            if (cells.isEmpty()) {
                body.append("<table:table-cell/>");
            }
            for (Object v : cells) {
                if (v == null) {
                    body.append("<table:table-cell/>");
                } else if (v instanceof Number n) {
                    String text = n instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : n.toString();
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
                <table:table-column table:number-columns-repeated="8"/>%s</table:table>\
                </office:spreadsheet></office:body></office:document-content>"""
                .formatted(Html.escape("Tháng " + s.month()), body);
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
}
