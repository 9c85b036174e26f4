package vn.gov.portal.oversight.reports;

import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** XLSX, with Apache POI: the same sheets as the ODS. */
final class XlsxWriter {
    private XlsxWriter() {
    }

    static byte[] write(ReportDocument doc) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Map<SheetLayout.Style, CellStyle> styles = styles(book);
            for (ReportDocument.Section s : doc.sections()) {
                String name = s.sheet();
                for (int i = 2; book.getSheet(name) != null; i++) {
                    name = s.sheet() + " (" + i + ")";
                }
                Sheet sheet = book.createSheet(name);
                sheet.getPrintSetup().setLandscape(true);
                sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
                SheetLayout layout = SheetLayout.of(s);
                for (int c = 0; c < layout.widthsMm.size(); c++) {
                    // A character of the default font is about 2 mm wide; POI counts 1/256 of one.
                    sheet.setColumnWidth(c, Math.min(255 * 256, layout.widthsMm.get(c) * 256 / 2));
                }
                for (SheetLayout.Placed p : layout.placed) {
                    Row row = sheet.getRow(p.row()) != null ? sheet.getRow(p.row()) : sheet.createRow(p.row());
                    Cell cell = row.createCell(p.column());
                    if (p.number() != null) {
                        cell.setCellValue(p.number().doubleValue());
                    } else {
                        cell.setCellValue(p.text());
                    }
                    cell.setCellStyle(styles.get(p.style()));
                    if (p.span() > 1) {
                        sheet.addMergedRegion(new CellRangeAddress(p.row(), p.row(), p.column(),
                                p.column() + p.span() - 1));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Map<SheetLayout.Style, CellStyle> styles(XSSFWorkbook book) {
        Font bold = book.createFont();
        bold.setBold(true);
        Font italic = book.createFont();
        italic.setItalic(true);
        Map<SheetLayout.Style, CellStyle> styles = new EnumMap<>(SheetLayout.Style.class);
        for (SheetLayout.Style style : SheetLayout.Style.values()) {
            CellStyle cs = book.createCellStyle();
            switch (style) {
                case TITLE -> {
                    cs.setFont(bold);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case CENTRED -> {
                    cs.setFont(italic);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case LABEL -> {
                    cs.setFont(bold);
                    cs.setAlignment(HorizontalAlignment.RIGHT);
                }
                case HEADER, CELL, CELL_STRONG -> {
                    if (style != SheetLayout.Style.CELL) {
                        cs.setFont(bold);
                    }
                    cs.setAlignment(HorizontalAlignment.CENTER);
                    cs.setVerticalAlignment(VerticalAlignment.CENTER);
                    cs.setWrapText(true);
                    cs.setBorderTop(BorderStyle.THIN);
                    cs.setBorderBottom(BorderStyle.THIN);
                    cs.setBorderLeft(BorderStyle.THIN);
                    cs.setBorderRight(BorderStyle.THIN);
                }
                case NOTE -> { }
            }
            styles.put(style, cs);
        }
        return styles;
    }
}
