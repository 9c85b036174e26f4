package vn.gov.portal.oversight.reports;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.odftoolkit.odfdom.dom.style.props.OdfPageLayoutProperties;
import org.odftoolkit.odfdom.dom.style.props.OdfParagraphProperties;
import org.odftoolkit.odfdom.dom.style.props.OdfTableCellProperties;
import org.odftoolkit.odfdom.dom.style.props.OdfTextProperties;
import org.odftoolkit.odfdom.incubator.doc.text.OdfTextParagraph;

/**
 * ODT (OpenDocument text, TT 19/2011), A4 landscape, with ODF Toolkit: each annex form as the
 * annex prints it, one after the other.
 */
final class OdtWriter {
    private OdtWriter() {
    }

    static byte[] write(ReportDocument doc) throws Exception {
        try (OdfTextDocument odt = OdfTextDocument.newTextDocument()) {
            landscape(odt);
            boolean first = true;
            for (ReportDocument.Section s : doc.sections()) {
                if (!first) {
                    paragraph(odt, "", false, false, "start").setProperty(OdfParagraphProperties.BreakBefore, "page");
                }
                first = false;
                if (s.annexLabel() != null) {
                    paragraph(odt, s.annexLabel(), true, false, "end");
                }
                heading(odt, s);
                paragraph(odt, "", false, false, "center");
                paragraph(odt, s.heading(), true, false, "center");
                paragraph(odt, s.subject(), true, false, "center");
                for (String line : s.intro()) {
                    paragraph(odt, line, false, true, "center");
                }
                paragraph(odt, "", false, false, "center");
                table(odt, s);
                for (String note : s.notes()) {
                    paragraph(odt, note, false, false, "start");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            odt.save(out);
            return out.toByteArray();
        }
    }

    /** The agency and number left, the motto and the place and date right, without borders. */
    private static void heading(OdfTextDocument odt, ReportDocument.Section s) {
        OdfTable t = OdfTable.newTable(odt, 3, 2);
        String[][] cells = {{s.agency(), ReportDocument.NATION}, {ReportDocument.NUMBER, ReportDocument.MOTTO},
                {"", s.placeAndDate()}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 2; c++) {
                OdfTableCell cell = t.getCellByPosition(c, r);
                cell.setStringValue(cells[r][c]);
                cell.getOdfElement().setProperty(OdfTableCellProperties.Border, "none");
                boolean bold = r == 0 || (r == 1 && c == 1);
                if (bold) {
                    cell.getOdfElement().setProperty(OdfTextProperties.FontWeight, "bold");
                }
                if (r == 2) {
                    cell.getOdfElement().setProperty(OdfTextProperties.FontStyle, "italic");
                }
                cell.setHorizontalAlignment("center");
            }
        }
    }

    private static void table(OdfTextDocument odt, ReportDocument.Section s) {
        List<ReportDocument.Column> columns = s.columns();
        OdfTable t = OdfTable.newTable(odt, s.rows().size() + 2, columns.size());
        for (int c = 0; c < columns.size(); c++) {
            t.getColumnByIndex(c).setWidth(columns.get(c).widthMm());
            header(t.getCellByPosition(c, 0), columns.get(c).heading());
            header(t.getCellByPosition(c, 1), columns.get(c).number());
        }
        for (int r = 0; r < s.rows().size(); r++) {
            List<ReportDocument.Cell> row = s.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                OdfTableCell cell = t.getCellByPosition(c, r + 2);
                cell.setStringValue(row.get(c).text());
                if (row.get(c).strong()) {
                    cell.getOdfElement().setProperty(OdfTextProperties.FontWeight, "bold");
                }
                cell.setHorizontalAlignment("center");
            }
        }
    }

    private static void header(OdfTableCell cell, String text) {
        cell.setStringValue(text);
        cell.getOdfElement().setProperty(OdfTextProperties.FontWeight, "bold");
        cell.setHorizontalAlignment("center");
    }

    private static OdfTextParagraph paragraph(OdfTextDocument odt, String text, boolean bold, boolean italic,
                                              String align) {
        OdfTextParagraph p;
        try {
            p = odt.newParagraph(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        p.setProperty(OdfParagraphProperties.TextAlign, align);
        if (bold) {
            p.setProperty(OdfTextProperties.FontWeight, "bold");
        }
        if (italic) {
            p.setProperty(OdfTextProperties.FontStyle, "italic");
        }
        return p;
    }

    /** The annex's table is wide (fourteen columns): the page turns. */
    private static void landscape(OdfTextDocument odt) throws Exception {
        var master = odt.getOfficeMasterStyles().getMasterPage("Standard");
        if (master == null) {
            return;
        }
        var layout = odt.getStylesDom().getOrCreateAutomaticStyles()
                .getPageLayout(master.getStylePageLayoutNameAttribute());
        if (layout != null) {
            layout.setProperty(OdfPageLayoutProperties.PrintOrientation, "landscape");
            layout.setProperty(OdfPageLayoutProperties.PageWidth, "29.7cm");
            layout.setProperty(OdfPageLayoutProperties.PageHeight, "21cm");
        }
    }
}
