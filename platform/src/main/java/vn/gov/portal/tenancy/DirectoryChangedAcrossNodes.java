package vn.gov.portal.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import vn.gov.portal.infra.cache.CacheBus;
import vn.gov.portal.infra.cache.Invalidation;

/**
 * With several nodes (REDIS_URL set), a directory change committed here is announced on the
 * cache bus, and every other node reloads its directory at once instead of at its next
 * 5-second poll. Reloading publishes {@link TenantDirectory.DirectoryChanged}, which empties
 * the host cache and the page cache there. Absent on a single node.
 */
@Singleton
@Requires(beans = CacheBus.class)
class DirectoryChangedAcrossNodes {
    private final CacheBus bus;
    private final TenantDirectory directory;

    DirectoryChangedAcrossNodes(CacheBus bus, TenantDirectory directory) {
        this.bus = bus;
        this.directory = directory;
    }

    @EventListener
    void send(TenantDirectory.DirectoryChanged event) {
        if (event.writtenHere()) {
            bus.broadcast(new Invalidation.Directory());
        }
    }

    /** "Everything" too: the reload is what empties every page cache on this node. */
    @EventListener
    void receive(CacheBus.Received received) {
        if (received.invalidation() instanceof Invalidation.Directory
                || received.invalidation() instanceof Invalidation.Everything) {
            directory.refresh();
        }
    }
}
