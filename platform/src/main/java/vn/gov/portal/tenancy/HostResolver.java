package vn.gov.portal.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Host header → site, as DESIGN.md fixes it: first the exact host rows (aliases, language
 * hosts, former hosts), then {@code label[.label].<province base domain>} walked down the
 * tree. Never a default tenant: what matches nothing is {@link Resolution.Unknown}.
 *
 * <p>Answers are cached by the raw header (so a hit skips even the normalising) and the
 * cache is emptied whenever the directory changes.
 */
@Singleton
public class HostResolver {
    private final TenantDirectory directory;
    private final Cache<String, Resolution> cache = Caffeine.newBuilder().maximumSize(20_000).build();

    public HostResolver(TenantDirectory directory) {
        this.directory = directory;
    }

    public Resolution resolve(@Nullable String hostHeader) {
        if (hostHeader == null) {
            return new Resolution.BadHost();
        }
        return cache.get(hostHeader, h -> resolveUncached(h, directory.snapshot()));
    }

    @EventListener
    void onDirectoryChanged(TenantDirectory.DirectoryChanged event) {
        cache.invalidateAll();
    }

    static Resolution resolveUncached(String header, DirectorySnapshot dir) {
        String host = HostName.normalise(header);
        if (host == null) {
            return new Resolution.BadHost();
        }
        DirectorySnapshot.ExtraHost extra = dir.extraHost(host);
        if (extra != null) {
            Tenant t = dir.byId(extra.tenantId());
            if (t == null) {
                return new Resolution.Unknown();
            }
            String bd = dir.baseDomainFor(dir.provinceOf(t), host);
            return switch (extra.purpose()) {
                case FORMER -> new Resolution.Moved(dir.hostOf(current(t, dir), bd));
                case LANGUAGE -> withStatus(t, extra.language(), bd, dir);
                case ALIAS -> withStatus(t, "vi", bd, dir);
            };
        }
        for (Tenant province : dir.provinces()) {
            for (String bd : province.baseDomains()) {
                if (host.equals(bd)) {
                    return withStatus(province, "vi", bd, dir);
                }
                if (host.endsWith("." + bd)) {
                    Tenant t = walk(province, host.substring(0, host.length() - bd.length() - 1), dir);
                    return t == null ? new Resolution.Unknown() : withStatus(t, "vi", bd, dir);
                }
            }
        }
        return new Resolution.Unknown();
    }

    /** "xa.huyen" under a province: huyen is the province's child, xa is huyen's. */
    private static @Nullable Tenant walk(Tenant province, String labels, DirectorySnapshot dir) {
        String[] parts = labels.split("\\.");
        Tenant t = province;
        for (int i = parts.length - 1; i >= 0 && t != null; i--) {
            t = dir.child(t.id(), parts[i]);
        }
        return t;
    }

    private static Resolution withStatus(Tenant t, String language, String baseDomain, DirectorySnapshot dir) {
        return switch (t.status()) {
            case ACTIVE, ARCHIVED -> new Resolution.Found(t, language, baseDomain);
            case SUSPENDED -> new Resolution.Suspended(t, dir.provinceOf(t));
            case MERGED -> new Resolution.Moved(dir.hostOf(current(t, dir), baseDomain));
            case REQUESTED -> new Resolution.Unknown();
        };
    }

    /** Follows merges to the site that lives on (A merged into B merged into C → C). */
    private static Tenant current(Tenant t, DirectorySnapshot dir) {
        Tenant cur = t;
        for (int hops = 0; cur.mergedIntoId() != null && hops < 16; hops++) {
            Tenant next = dir.byId(cur.mergedIntoId());
            if (next == null) {
                break;
            }
            cur = next;
        }
        return cur;
    }
}
