package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each piece of a {@link ReportDocument.Section} goes on a spreadsheet, the same for ODS and
 * XLSX: the heading block over the table's width, the table with its headings and column numbers,
 * the notes under it.
 */
final class SheetLayout {

    enum Style {
        /** Agency, nation, "BÁO CÁO": bold, centred. */
        TITLE,
        /** The motto, the place and date, the intro lines: centred, italic. */
        CENTRED,
        /** The annex label, top right. */
        LABEL,
        /** Column headings and numbers: bold, centred, bordered, wrapped. */
        HEADER,
        /** A table cell: bordered, wrapped, centred. */
        CELL,
        /** A total. */
        CELL_STRONG,
        /** A note under the table: left, not wrapped (it runs over the empty cells to its right). */
        NOTE
    }

    /** A piece of text at (row, column), spread over {@code span} columns. */
    record Placed(int row, int column, int span, String text, @Nullable Long number, Style style) {
    }

    final List<Placed> placed = new ArrayList<>();
    final List<Integer> widthsMm = new ArrayList<>();
    /** The rows the table takes, first (headings) to last, inclusive. */
    int tableFirstRow;
    int tableLastRow;

    static SheetLayout of(ReportDocument.Section s) {
        SheetLayout l = new SheetLayout();
        int columns = s.columns().size();
        s.columns().forEach(c -> l.widthsMm.add(c.widthMm()));
        int left = Math.max(1, columns / 3);
        int right = columns - left;
        int r = 0;
        if (s.annexLabel() != null) {
            l.put(r, columns - 1, 1, s.annexLabel(), Style.LABEL);
        }
        r++;
        l.put(r, 0, left, s.agency(), Style.TITLE);
        l.put(r, left, right, ReportDocument.NATION, Style.TITLE);
        r++;
        l.put(r, 0, left, ReportDocument.NUMBER, Style.CENTRED);
        l.put(r, left, right, ReportDocument.MOTTO, Style.TITLE);
        r++;
        l.put(r, left, right, s.placeAndDate(), Style.CENTRED);
        r += 2;
        l.put(r++, 0, columns, s.heading(), Style.TITLE);
        l.put(r++, 0, columns, s.subject(), Style.TITLE);
        for (String line : s.intro()) {
            l.put(r++, 0, columns, line, Style.CENTRED);
        }
        r++;
        l.tableFirstRow = r;
        for (int c = 0; c < columns; c++) {
            l.put(r, c, 1, s.columns().get(c).heading(), Style.HEADER);
            l.put(r + 1, c, 1, s.columns().get(c).number(), Style.HEADER);
        }
        r += 2;
        for (List<ReportDocument.Cell> row : s.rows()) {
            for (int c = 0; c < row.size(); c++) {
                ReportDocument.Cell cell = row.get(c);
                l.placed.add(new Placed(r, c, 1, cell.text(), cell.number(),
                        cell.strong() ? Style.CELL_STRONG : Style.CELL));
            }
            r++;
        }
        l.tableLastRow = r - 1;
        r++;
        for (String note : s.notes()) {
            l.put(r++, 0, 1, note, Style.NOTE);
        }
        return l;
    }

    private void put(int row, int column, int span, String text, Style style) {
        placed.add(new Placed(row, column, Math.max(1, span), text, null, style));
    }
}
