package vn.gov.portal.site;

import java.util.Optional;
import vn.gov.portal.tenancy.Tenant;

/**
 * Planned maintenance (ND 224 Đ13) as every public page shows it. The site owns this interface and
 * provisioning, which schedules the windows, implements it: provisioning builds on site (it renders
 * the public site-request form), so site may not depend on provisioning without a cycle.
 */
public interface MaintenanceNotices {

    /** The notice a site shows now, if a window that covers it is announced or under way. */
    Optional<? extends NoticeText> noticeFor(Tenant site);

    /** What the page layout prints: when the site stops, when it is expected back, and why. */
    interface NoticeText {
        String starts();

        String returns();

        String reason();
    }
}
