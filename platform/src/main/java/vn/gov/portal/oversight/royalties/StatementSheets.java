package vn.gov.portal.oversight.royalties;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.gov.portal.infra.office.Spreadsheets;
import vn.gov.portal.infra.time.ProvinceTime;

/**
 * A royalty statement as a spreadsheet, XLSX (Apache POI) or ODS (ISO/IEC 26300, the open format
 * TT 19/2011 asks for; written by infra.office.Spreadsheets): the
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
        return WHEN.format(OffsetDateTime.parse(iso).atZoneSameInstant(ProvinceTime.ZONE));
    }

    static byte[] xlsx(RoyaltyStatements.Statement s) {
        return Spreadsheets.xlsx("Tháng " + s.month(), rows(s), 2, 0, 60, 0, 0, 0, 30);
    }

    static byte[] ods(RoyaltyStatements.Statement s) {
        return Spreadsheets.ods("Tháng " + s.month(), rows(s));
    }
}
