package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One site's report for one form and period, as its board or the province reads it.
 *
 * @param status     DRAFT (or not started), SUBMITTED or RETURNED
 * @param live       the figures were computed now (a draft, or a returned report being corrected);
 *                   false: they are the ones frozen when it was submitted
 * @param due        the deadline, when the regulation sets one
 */
@Serdeable
public record SiteReport(long siteId, String site, ReportStatus status, boolean live, @Nullable LocalDate due,
                         boolean overdue, @Nullable OffsetDateTime submittedAt, @Nullable String submittedBy,
                         @Nullable OffsetDateTime returnedAt, @Nullable String returnedBy,
                         @Nullable String returnReason, ReportContent content) {

    public boolean submitted() {
        return status == ReportStatus.SUBMITTED;
    }
}
