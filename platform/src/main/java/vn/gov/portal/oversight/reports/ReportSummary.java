package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A line of a site's list of reports, or of the province's list of who has submitted. */
@Serdeable
public record ReportSummary(long siteId, String site, String period, String periodLabel, String form,
                            String formName, ReportStatus status, @Nullable LocalDate due, boolean overdue,
                            @Nullable OffsetDateTime submittedAt, @Nullable String submittedBy,
                            @Nullable String returnReason) {

    /** NOT_STARTED: nobody has opened it; DRAFT, SUBMITTED, RETURNED as stored. */
    public boolean submitted() {
        return status == ReportStatus.SUBMITTED;
    }
}
