package vn.gov.portal.oversight.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.gov.portal.oversight.quotas.SiteMonth;

/**
 * The dashboard's month as the rows of a spreadsheet (written by infra.office.Spreadsheets as
 * XLSX or ODS): one row per site with the figures the page shows, numbers as numbers.
 */
final class DashboardExport {
    static final List<String> HEADINGS = List.of("Đơn vị", "Loại", "Địa chỉ", "Định mức", "Đã tính",
            "Tình trạng", "Đã đăng trong tháng", "Tin được đánh giá thời hạn", "Đúng hạn", "Tỷ lệ đúng hạn (%)",
            "Quá hạn", "Chờ duyệt", "Đăng gần nhất", "Căn cứ");
    /** Column widths in characters: the unit's name wide, the rest alike. */
    static final int[] WIDTHS = {40, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16};

    private DashboardExport() {
    }

    /** {@code words}: the Vietnamese the page uses for kinds and states. */
    static List<List<Object>> rows(List<SiteMonth> sites, Function<String, String> words) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.copyOf(HEADINGS));
        for (SiteMonth s : sites) {
            List<Object> row = new ArrayList<>();
            row.add(s.name());
            row.add(words.apply("kind." + s.kind()));
            row.add(s.host());
            row.add(s.required());
            row.add(s.counted());
            row.add(words.apply("oversight.state." + s.state().name()));
            row.add(s.published());
            row.add(s.judged());
            row.add(s.onTime());
            row.add(s.onTimeRate()); // null: nothing judged, an empty cell
            row.add(s.overdue());
            row.add(s.waiting());
            row.add(s.lastPublished() == null ? "" : s.lastPublished());
            row.add(s.ruleBasis() == null ? "" : s.ruleBasis());
            rows.add(row);
        }
        return rows;
    }
}
