package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A column of a report form as the preset holds it (preset_report_forms.fields): its number in
 * the annex ("5"), the short heading of its column ("Tin PBPL"), the full wording explained under
 * the table, the kind of answer, and which platform figure fills it ({@link SiteFigures}), if any.
 */
@Serdeable
public record ReportField(String no, String heading, String label, Answer answer, @Nullable String source) {

    /** The answers the annex asks for. */
    public enum Answer {
        /** "x/y": posted of the total (posted and not posted). */
        COUNT_OF_TOTAL,
        /** Có / Không. */
        YES_NO,
        COUNT,
        /** Có đăng / Không đăng / Không có dữ liệu. */
        POSTED_STATE,
        /** Free text the board writes (Mẫu 02). */
        TEXT
    }

    /** "(5)", as the annex numbers its columns. */
    public String number() {
        return "(" + no + ")";
    }
}
