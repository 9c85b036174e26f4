package vn.gov.portal.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole tenant tree and its extra hosts, immutable, held in memory. Roughly 4,000 sites
 * nationally (55–190 per province) fit in a few megabytes, so host resolution never waits
 * on the database.
 */
public final class DirectorySnapshot {
    /** An extra host row: alias, language host or former host. */
    public record ExtraHost(String host, long tenantId, HostPurpose purpose, @Nullable String language) {
    }

    private final Map<Long, Tenant> byId = new HashMap<>();
    private final Map<Long, List<Tenant>> children = new HashMap<>();
    private final Map<String, ExtraHost> extraHosts = new HashMap<>();
    private final List<Tenant> provinces = new ArrayList<>();
    private final String version;

    DirectorySnapshot(List<Tenant> tenants, List<ExtraHost> hosts, String version) {
        this.version = version;
        for (Tenant t : tenants) {
            byId.put(t.id(), t);
            if (t.parentId() == null) {
                provinces.add(t);
            } else {
                children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
            }
        }
        // Vietnamese order (a < ă < â, d < đ), not code-point order, which puts "Bạch" after "Bình".
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        children.values().forEach(list -> list.sort(Comparator.comparing(Tenant::name, vietnamese)));
        hosts.forEach(h -> extraHosts.put(h.host(), h));
    }

    public String version() {
        return version;
    }

    public @Nullable Tenant byId(long id) {
        return byId.get(id);
    }

    public List<Tenant> children(long parentId) {
        return children.getOrDefault(parentId, List.of());
    }

    public List<Tenant> provinces() {
        return provinces;
    }

    public int size() {
        return byId.size();
    }

    public @Nullable ExtraHost extraHost(String host) {
        return extraHosts.get(host);
    }

    /** A site's host rows of one purpose (ALIAS, LANGUAGE, FORMER), sorted. */
    public List<String> hostsOf(long tenantId, HostPurpose purpose) {
        return extraHosts.values().stream().filter(h -> h.tenantId() == tenantId && h.purpose() == purpose)
                .map(ExtraHost::host).sorted().toList();
    }

    public @Nullable Tenant child(long parentId, String subdomain) {
        for (Tenant t : children(parentId)) {
            if (t.subdomain().equals(subdomain)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The languages a site is offered in: the province's, narrowed by the site's own choice (site
     * settings; none made means all of them). Kept in the province's order; Vietnamese always.
     */
    public List<String> languagesOf(Tenant tenant) {
        List<String> province = provinceOf(tenant).languages();
        List<String> chosen = tenant.branding().offeredLanguages();
        if (chosen == null) {
            return province;
        }
        return province.stream().filter(l -> l.equals("vi") || chosen.contains(l)).toList();
    }

    /** The province at the root of {@code tenant}'s branch. */

    public Tenant provinceOf(Tenant tenant) {
        Tenant t = tenant;
        while (t.parentId() != null) {
            t = byId.get(t.parentId());
        }
        return t;
    }

    /** {@code tenant} and every site below it: what a province board may see. */
    public List<Long> subtreeIds(Tenant tenant) {
        List<Long> ids = new ArrayList<>();
        ArrayList<Tenant> todo = new ArrayList<>(List.of(tenant));
        while (!todo.isEmpty()) {
            Tenant t = todo.removeLast();
            ids.add(t.id());
            todo.addAll(children(t.id()));
        }
        return ids;
    }

    /**
     * The host a site answers on under one of its province's base domains: its labels up to
     * the province, then the domain (sotaichinh + thainguyen.gov.vn; xa + huyen + bacgiang.gov.vn).
     */
    public String hostOf(Tenant tenant, String baseDomain) {
        StringBuilder host = new StringBuilder();
        for (Tenant t = tenant; t.parentId() != null; t = byId.get(t.parentId())) {
            host.append(t.subdomain()).append('.');
        }
        return host.append(baseDomain).toString();
    }

    /** The base domain {@code host} lies under, or the province's canonical one. */
    public String baseDomainFor(Tenant province, String host) {
        for (String bd : province.baseDomains()) {
            if (host.equals(bd) || host.endsWith("." + bd)) {
                return bd;
            }
        }
        return province.baseDomains().getFirst();
    }
}
