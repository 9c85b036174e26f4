package vn.gov.portal.oversight.reports;

import java.io.ByteArrayOutputStream;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.odftoolkit.odfdom.dom.element.OdfStylableElement;
import org.odftoolkit.odfdom.dom.style.props.OdfTableCellProperties;
import org.odftoolkit.odfdom.dom.style.props.OdfTextProperties;

/** ODS (OpenDocument spreadsheet, TT 19/2011), one sheet per annex form, with ODF Toolkit. */
final class OdsWriter {
    private OdsWriter() {
    }

    static byte[] write(ReportDocument doc) throws Exception {
        try (OdfSpreadsheetDocument ods = OdfSpreadsheetDocument.newSpreadsheetDocument()) {
            OdfTable first = ods.getTableList(false).getFirst();
            boolean firstUsed = false;
            for (ReportDocument.Section s : doc.sections()) {
                OdfTable t = firstUsed ? OdfTable.newTable(ods) : first;
                firstUsed = true;
                t.setTableName(unique(ods, s.sheet()));
                SheetLayout layout = SheetLayout.of(s);
                // The whole grid first, merges last: ODF Toolkit cannot append rows below merged cells.
                int lastRow = layout.placed.stream().mapToInt(SheetLayout.Placed::row).max().orElse(0);
                int lastColumn = layout.placed.stream().mapToInt(p -> p.column() + p.span() - 1).max().orElse(0);
                t.getCellByPosition(Math.max(lastColumn, layout.widthsMm.size() - 1), lastRow);
                for (int c = 0; c < layout.widthsMm.size(); c++) {
                    t.getColumnByIndex(c).setWidth(layout.widthsMm.get(c));
                }
                for (SheetLayout.Placed p : layout.placed) {
                    OdfTableCell cell = t.getCellByPosition(p.column(), p.row());
                    if (p.number() != null) {
                        cell.setDoubleValue(p.number().doubleValue());
                        cell.setDisplayText(p.text()); // "2", not Java's "2.0"
                    } else {
                        cell.setStringValue(p.text());
                    }
                    style(cell, p.style());
                }
                for (SheetLayout.Placed p : layout.placed) {
                    if (p.span() > 1) {
                        t.getCellRangeByPosition(p.column(), p.row(), p.column() + p.span() - 1, p.row()).merge();
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ods.save(out);
            return out.toByteArray();
        }
    }

    private static void style(OdfTableCell cell, SheetLayout.Style style) {
        OdfStylableElement e = cell.getOdfElement();
        switch (style) {
            case TITLE -> {
                e.setProperty(OdfTextProperties.FontWeight, "bold");
                cell.setHorizontalAlignment("center");
            }
            case CENTRED -> {
                e.setProperty(OdfTextProperties.FontStyle, "italic");
                cell.setHorizontalAlignment("center");
            }
            case LABEL -> {
                e.setProperty(OdfTextProperties.FontWeight, "bold");
                cell.setHorizontalAlignment("end");
            }
            case HEADER, CELL, CELL_STRONG -> {
                if (style != SheetLayout.Style.CELL) {
                    e.setProperty(OdfTextProperties.FontWeight, "bold");
                }
                e.setProperty(OdfTableCellProperties.Border, "0.5pt solid #000000");
                cell.setHorizontalAlignment("center");
                cell.setVerticalAlignment("middle");
                cell.setTextWrapped(true);
            }
            case NOTE -> { }
        }
    }

    /** Sheet names must differ ("Mẫu 01", "Mẫu 01 (2)"). */
    private static String unique(OdfSpreadsheetDocument ods, String name) {
        String candidate = name;
        for (int i = 2; ods.getTableByName(candidate) != null; i++) {
            candidate = name + " (" + i + ")";
        }
        return candidate;
    }
}
