package vn.gov.portal.provisioning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.gov.portal.infra.text.VietnameseText;

/**
 * The rows of a bulk provisioning file: CSV (UTF-8, comma or semicolon, quotes as spreadsheets
 * write them) or XLSX (the first sheet). The first row names the columns, in English or in
 * Vietnamese as a province's spreadsheet has them; rows are numbered as the spreadsheet shows
 * them (the header is row 1), so a refusal points at the line a person sees.
 */
public final class BulkFile {
    /** Column names accepted for each field, compared without marks and case. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("ten don vi", "name"), Map.entry("ten", "name"),
            Map.entry("kind", "kind"), Map.entry("loai", "kind"), Map.entry("loai don vi", "kind"),
            Map.entry("subdomain", "subdomain"), Map.entry("sub-domain", "subdomain"),
            Map.entry("ten mien con", "subdomain"), Map.entry("ten mien", "subdomain"),
            Map.entry("head_email", "headEmail"), Map.entry("head email", "headEmail"), Map.entry("email", "headEmail"),
            Map.entry("thu dien tu", "headEmail"), Map.entry("email truong ban", "headEmail"),
            Map.entry("head_name", "headName"), Map.entry("head name", "headName"),
            Map.entry("truong ban", "headName"), Map.entry("ho ten truong ban", "headName"),
            Map.entry("parent", "parent"), Map.entry("cap tren", "parent"));
    static final int MAX_ROWS = 2000;

    private BulkFile() {
    }

    /** One data row: its number in the file and its fields by name (absent columns are empty). */
    public record Line(int row, Map<String, String> fields) {
        String get(String field) {
            return fields.getOrDefault(field, "").strip();
        }
    }

    public static final class Unreadable extends RuntimeException {
        Unreadable(String key) {
            super(key);
        }
    }

    public static List<Line> read(byte[] bytes) {
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
        List<List<String>> table = zip ? xlsx(bytes) : csv(bytes);
        if (table.isEmpty()) {
            throw new Unreadable("bulk.empty");
        }
        List<String> header = table.getFirst().stream()
                .map(h -> COLUMNS.get(VietnameseText.fold(VietnameseText.nfc(h)).strip().toLowerCase(Locale.ROOT)))
                .toList();
        for (String required : List.of("name", "kind", "subdomain", "headEmail")) {
            if (!header.contains(required)) {
                throw new Unreadable("bulk.missing-column");
            }
        }
        if (table.size() - 1 > MAX_ROWS) {
            throw new Unreadable("bulk.too-many-rows");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue; // blank lines at the end of a spreadsheet are not rows
            }
            Map<String, String> fields = new HashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                if (header.get(c) != null) {
                    fields.put(header.get(c), VietnameseText.nfc(cells.get(c)));
                }
            }
            lines.add(new Line(i + 1, fields));
        }
        return lines;
    }

    private static List<List<String>> xlsx(byte[] bytes) {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> table = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                    }
                }
                table.add(cells);
            }
            return table;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("bulk.unreadable");
        }
    }

    /** RFC 4180 with the separator guessed from the header (Excel in Vietnamese locales writes ';'). */
    static List<List<String>> csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLine = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String head = text.substring(0, firstLine);
        char sep = head.chars().filter(ch -> ch == ';').count() > head.chars().filter(ch -> ch == ',').count() ? ';' : ',';
        List<List<String>> table = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == sep) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                table.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            table.add(row);
        }
        if (quoted) {
            throw new Unreadable("bulk.unreadable");
        }
        return table;
    }
}
