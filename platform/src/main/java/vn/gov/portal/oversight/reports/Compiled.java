package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The province's compiled report for one form and period: the submitted reports of its sites,
 * line by line in the directory's order, the sites that have not submitted, and when it was
 * compiled. Totals are worked out from the lines, and say how many sites a total covers when some
 * had no figure: never a number a site did not report.
 */
@Serdeable
public record Compiled(String agency, String place, String form, String formName, String period, String periodLabel,
                       List<ReportPart> parts, List<Line> lines, List<String> notSubmitted,
                       OffsetDateTime compiledAt) {

    /** One site's submitted report. */
    @Serdeable
    public record Line(long siteId, String site, @Nullable OffsetDateTime submittedAt, @Nullable String submittedBy,
                       ReportContent content) {
    }

    /** The total of a figures column over the submitted lines. */
    public String total(ReportField field) {
        List<Figure> known = new ArrayList<>();
        for (Line l : lines) {
            Figure f = l.content().figures().get(field.no());
            if (f != null && !f.noData()) {
                known.add(f);
            }
        }
        if (known.isEmpty()) {
            return Figure.NO_DATA;
        }
        String of = known.size() == lines.size() ? "" : " (" + known.size() + "/" + lines.size() + " đơn vị có số liệu)";
        return switch (field.answer()) {
            case COUNT -> known.stream().mapToLong(f -> f.value() == null ? 0 : f.value()).sum() + of;
            case YES_NO -> known.stream().filter(f -> f.display().equals("Có")).count() + "/" + known.size()
                    + " đơn vị Có";
            default -> "—"; // "x/y" and "Có đăng…" do not add up
        };
    }
}
