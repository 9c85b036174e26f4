package vn.gov.portal.oversight.calendar;

import jakarta.inject.Singleton;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.tenancy.SiteInitializer;
import vn.gov.portal.tenancy.TenantKind;

/** A new province starts with the official calendars of 2025–2027 and the default office hours. */
@Singleton
class ProvinceCalendar implements SiteInitializer {
    private final TenantDb db;

    ProvinceCalendar(TenantDb db) {
        this.db = db;
    }

    @Override
    public void initialise(CreatedSite site) {
        if (site.kind() == TenantKind.PROVINCE) {
            db.joining(ctx -> {
                WorkingCalendars.seed(ctx, site.id(), "system:calendar-seed");
                return null;
            });
        }
    }
}
