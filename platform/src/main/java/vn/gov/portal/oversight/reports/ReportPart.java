package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One table of a report, as one annex form lays it out: "Mẫu 01", the line under "BÁO CÁO"
 * (without the period), the note under the table, and the columns after "TT". A part is either
 * figures (Mẫu 01: one row the platform fills) or text (Mẫu 02: rows the board writes).
 */
@Serdeable
public record ReportPart(@Nullable String annexLabel, String title, @Nullable String note, List<ReportField> fields) {

    public boolean text() {
        return fields.stream().allMatch(f -> f.answer() == ReportField.Answer.TEXT);
    }
}
