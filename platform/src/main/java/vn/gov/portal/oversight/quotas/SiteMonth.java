package vn.gov.portal.oversight.quotas;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One site in one month as the province sees it: quota progress ({@code counted} of
 * {@code required}) and state, timeliness (items judged, on time, overdue), items waiting for
 * approval now, and the last publication.
 */
@Serdeable
public record SiteMonth(long tenantId, String host, String name, String kind, String month, int required, int counted,
                        QuotaState state, int published, int judged, int onTime, @Nullable Double onTimeRate,
                        int overdue, int waiting, @Nullable String lastPublished, @Nullable String ruleBasis) {
}
