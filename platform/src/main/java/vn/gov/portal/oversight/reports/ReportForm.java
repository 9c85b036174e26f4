package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * A periodic report a province's preset asks of its component sites: its code and name, the
 * periods it is due for, its parts (tables), its legal basis and, if the regulation sets one, its
 * deadline in working days after the period ends.
 */
public record ReportForm(String code, String name, List<ReportPeriod.Kind> periods, List<ReportPart> parts,
                         String legalBasis, @Nullable Integer dueWorkingDays) {

    public boolean covers(ReportPeriod period) {
        return periods.contains(period.kind());
    }

    public Optional<ReportPart> figuresPart() {
        return parts.stream().filter(p -> !p.text()).findFirst();
    }

    public Optional<ReportPart> textPart() {
        return parts.stream().filter(ReportPart::text).findFirst();
    }
}
