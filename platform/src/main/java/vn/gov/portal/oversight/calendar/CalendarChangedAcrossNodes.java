package vn.gov.portal.oversight.calendar;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import vn.gov.portal.infra.cache.CacheBus;
import vn.gov.portal.infra.cache.Invalidation;

/**
 * With several nodes, a calendar edited on one is forgotten on the others, so a deadline is
 * counted the same wherever it is asked. Absent on a single node.
 */
@Singleton
@Requires(beans = CacheBus.class)
class CalendarChangedAcrossNodes {
    private final CacheBus bus;
    private final WorkingCalendars calendars;

    CalendarChangedAcrossNodes(CacheBus bus, WorkingCalendars calendars) {
        this.bus = bus;
        this.calendars = calendars;
    }

    @EventListener
    void send(WorkingCalendars.CalendarChanged event) {
        if (!event.fromAnotherNode()) {
            bus.broadcast(new Invalidation.Calendar(event.provinceId()));
        }
    }

    @EventListener
    void receive(CacheBus.Received received) {
        switch (received.invalidation()) {
            case Invalidation.Calendar c -> calendars.evict(c.provinceId());
            case Invalidation.Everything e -> calendars.evictAll();
            default -> { }
        }
    }
}
