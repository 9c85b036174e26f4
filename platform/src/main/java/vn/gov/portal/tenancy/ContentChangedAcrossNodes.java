package vn.gov.portal.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import vn.gov.portal.infra.cache.CacheBus;
import vn.gov.portal.infra.cache.Invalidation;

/**
 * With several nodes (REDIS_URL set), carries each {@link ContentChanged} to the other nodes
 * over the cache bus and publishes it there again, so every listener (the page cache) acts on
 * every node without knowing of Redis. Re-published events are marked and not sent on, or
 * two nodes would echo one change forever. Absent on a single node.
 */
@Singleton
@Requires(beans = CacheBus.class)
class ContentChangedAcrossNodes {
    private final CacheBus bus;
    private final ApplicationEventPublisher<ContentChanged> events;

    ContentChangedAcrossNodes(CacheBus bus, ApplicationEventPublisher<ContentChanged> events) {
        this.bus = bus;
        this.events = events;
    }

    @EventListener
    void send(ContentChanged event) {
        if (!event.fromAnotherNode()) {
            bus.broadcast(new Invalidation.SiteContent(event.tenantId()));
        }
    }

    @EventListener
    void receive(CacheBus.Received received) {
        if (received.invalidation() instanceof Invalidation.SiteContent content) {
            events.publishEvent(new ContentChanged(content.tenantId(), true));
        }
        // Directory and Everything: the tenant directory reloads, which evicts every page.
    }
}
