package vn.gov.portal.oversight.reports;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a report says: who reports, where, the period and the days its figures cover, the tables'
 * layout, the figures by column number, the extras and the board's text rows (Mẫu 02, keyed by
 * column number). A draft's is made on every read; a submitted report's is frozen in
 * site_reports.snapshot, layout included, so neither later items nor an edited preset change it.
 *
 * @param asOf the last day the figures cover: the period's end, or the day of a report filed early
 */
@Serdeable
public record ReportContent(String agency, String place, String form, String formName, String period,
                            String periodLabel, LocalDate from, LocalDate asOf, List<ReportPart> parts,
                            Map<String, Figure> figures, List<Extra> extras, List<Map<String, String>> textRows) {
}
