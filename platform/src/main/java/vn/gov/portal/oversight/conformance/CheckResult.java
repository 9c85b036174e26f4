package vn.gov.portal.oversight.conformance;

import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One check of one site at its latest scan.
 *
 * @param findings what to fix, one Vietnamese sentence each; empty when it passes
 */
@Serdeable
public record CheckResult(String code, String title, String legalBasis, Outcome outcome, List<String> findings,
                          OffsetDateTime scannedAt) {

    static CheckResult of(Check check, Outcome outcome, List<String> findings, OffsetDateTime at) {
        return new CheckResult(check.name(), check.title(), check.legalBasis(), outcome, List.copyOf(findings), at);
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }
}
