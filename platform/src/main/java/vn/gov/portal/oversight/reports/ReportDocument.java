package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A report laid out as the annex lays it out, independent of the file format: one section per
 * annex form (Mẫu 01, Mẫu 02), each with the heading block (agency and number on the left, the
 * national motto and the place and date on the right), "BÁO CÁO" and its subject, the table
 * with its headings over the column numbers "(1) (2) …", and the notes under it. Each writer
 * ({@link ReportFormat}) prints this and nothing else, so the four files say the same.
 */
public record ReportDocument(String fileName, List<Section> sections) {

    /** The annex's fixed lines. */
    public static final String NATION = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    /** The agency numbers its report when it signs it; the platform leaves the number blank. */
    public static final String NUMBER = "Số:      /BC-…";

    /**
     * @param sheet    a short name for a spreadsheet's tab ("Mẫu 01")
     * @param intro    lines under the subject: the days the figures cover, a draft's warning
     */
    public record Section(String sheet, @Nullable String annexLabel, String agency, String placeAndDate,
                          String heading, String subject, List<String> intro, List<Column> columns,
                          List<List<Cell>> rows, List<String> notes) {
    }

    /**
     * A column: its number as the annex prints it ("(5)"; "" for one the annex has not), its heading,
     * its width, and whether it holds the board's prose (Mẫu 02), set left and wrapped.
     */
    public record Column(String number, String heading, int widthMm, boolean prose) {
    }

    /** A cell: its text, the number behind it for spreadsheets, and whether it is a total. */
    public record Cell(String text, @Nullable Long number, boolean strong) {
        public static Cell text(String text) {
            return new Cell(text, null, false);
        }
    }
}
