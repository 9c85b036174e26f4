package vn.gov.portal.oversight.rules;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * "Each department provides at least 2 items a month to the portal" (TN Đ7.3): for one kind of
 * site, how many items of a scope a month, how they count, from which month, and why.
 * {@code counted}: PROVIDED_TO_PARENT (proposed to and accepted by the parent portal) or
 * PUBLISHED (on the site itself).
 */
@Serdeable
public record QuotaRule(String tenantKind, String contentScope, int minPerMonth, String counted,
                        LocalDate effectiveFrom, String legalBasis) {
    public static final LocalDate FROM_THE_PRESET = LocalDate.of(2000, 1, 1);

    public boolean providedToParent() {
        return "PROVIDED_TO_PARENT".equals(counted);
    }
}
