package vn.gov.portal.oversight.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.gov.portal.oversight.quotas.SiteMonth;

/**
 * The dashboard's month as a spreadsheet the province's staff open in LibreOffice or Excel:
 * one row per site with the figures the page shows, numbers as numbers.
 */
final class DashboardExport {
    static final List<String> HEADINGS = List.of("Đơn vị", "Loại", "Địa chỉ", "Định mức", "Đã tính",
            "Tình trạng", "Đã đăng trong tháng", "Tin được đánh giá thời hạn", "Đúng hạn", "Tỷ lệ đúng hạn (%)",
            "Quá hạn", "Chờ duyệt", "Đăng gần nhất", "Căn cứ");

    private DashboardExport() {
    }

    /** {@code kinds} and {@code states}: the Vietnamese words the page uses. */
    static byte[] xlsx(String month, List<SiteMonth> sites, java.util.function.Function<String, String> words) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Tháng " + month);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADINGS.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(HEADINGS.get(i));
                c.setCellStyle(bold);
            }
            int r = 1;
            for (SiteMonth s : sites) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(s.name());
                row.createCell(c++).setCellValue(words.apply("kind." + s.kind()));
                row.createCell(c++).setCellValue(s.host());
                row.createCell(c++).setCellValue(s.required());
                row.createCell(c++).setCellValue(s.counted());
                row.createCell(c++).setCellValue(words.apply("oversight.state." + s.state().name()));
                row.createCell(c++).setCellValue(s.published());
                row.createCell(c++).setCellValue(s.judged());
                row.createCell(c++).setCellValue(s.onTime());
                Cell rate = row.createCell(c++);
                if (s.onTimeRate() != null) {
                    rate.setCellValue(s.onTimeRate());
                }
                row.createCell(c++).setCellValue(s.overdue());
                row.createCell(c++).setCellValue(s.waiting());
                row.createCell(c++).setCellValue(s.lastPublished() == null ? "" : s.lastPublished());
                row.createCell(c).setCellValue(s.ruleBasis() == null ? "" : s.ruleBasis());
            }
            sheet.createFreezePane(1, 1);
            for (int i = 0; i < HEADINGS.size(); i++) {
                sheet.setColumnWidth(i, i == 0 ? 40 * 256 : 16 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
