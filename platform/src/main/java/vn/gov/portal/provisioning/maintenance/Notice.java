package vn.gov.portal.provisioning.maintenance;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.site.MaintenanceNotices;

/**
 * What an affected site tells its visitors, from the announcement to the end (ND 224 Đ13): when
 * it stops, when it is expected back, and why. The times are written in the province's zone.
 */
@Serdeable
public record Notice(long windowId, Instant startsAt, Instant endsAt, String reason, boolean underWay,
                     String starts, String returns) implements MaintenanceNotices.NoticeText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    /** "22:00 ngày 04/12/2026". */
    static String when(Instant instant) {
        return WHEN.format(instant.atZone(ProvinceTime.ZONE));
    }

    static Notice of(MaintenanceWindow w, Instant now) {
        return new Notice(w.id(), w.startsAt(), w.endsAt(), w.reason(),
                w.phase(now) == MaintenanceWindow.Phase.ACTIVE,
                WHEN.format(w.startsAt().atZone(ProvinceTime.ZONE)), WHEN.format(w.endsAt().atZone(ProvinceTime.ZONE)));
    }
}
