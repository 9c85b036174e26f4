package vn.gov.portal.tenancy;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.gov.portal.infra.db.TenantScope;

/**
 * The one door to scopes wider than a site. Each accessor is named for the one use it serves
 * and derives its tenants from the directory snapshot, so a feature never assembles a list of
 * tenant ids for the database wall itself; what the accessor can check it checks, and refuses
 * (IllegalArgumentException) a scope that would reach outside one province. ArchitectureTest
 * holds that only tenancy calls {@link TenantScope#subtree}. A single site's scope stays
 * {@link TenantScope#of}: it widens nothing.
 */
@Singleton
public class TenantScopes {
    private final TenantDirectory directory;

    public TenantScopes(TenantDirectory directory) {
        this.directory = directory;
    }

    /** The province board's view: the province and every site below it (oversight, console, mail log). */
    public TenantScope provinceBoard(Tenant province) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant known = known(dir, province.id());
        if (known.parentId() != null) {
            throw refused("the province board's scope is a province's", List.of(province.id()));
        }
        return TenantScope.subtree(dir.subtreeIds(known));
    }

    /**
     * A site and its province: the seats an account may hold there (its own board's and, carried
     * down as PROVINCE_…, the province board's), for sign-in, sessions and deleting a site.
     */
    public TenantScope siteAndProvince(Tenant site) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = dir.provinceOf(known(dir, site.id()));
        return TenantScope.subtree(List.of(site.id(), province.id()));
    }

    /** A proposal's two ends: the parent deciding it and the child site that sent it, which must be its child. */
    public TenantScope siteAndParent(Tenant parent, long childId) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant child = known(dir, childId);
        if (child.parentId() == null || child.parentId() != parent.id()) {
            throw refused("a proposal comes from a child of the site deciding it", List.of(parent.id(), childId));
        }
        return TenantScope.subtree(List.of(parent.id(), childId));
    }

    /**
     * Some sites of one province, read together (search on the province's host, conformance,
     * mandatory pages, the audit log): refused unless every one lies in the same province.
     */
    public TenantScope sitesOfOneProvince(Collection<Long> siteIds) {
        if (siteIds.isEmpty()) {
            throw new IllegalArgumentException("A scope needs at least one tenant");
        }
        if (siteIds.size() == 1) {
            // One site widens nothing, and may be one created in the open transaction, not yet in the directory.
            return TenantScope.of(siteIds.iterator().next());
        }
        DirectorySnapshot dir = directory.snapshot();
        Long province = null;
        for (long id : siteIds) {
            long p = dir.provinceOf(known(dir, id)).id();
            if (province == null) {
                province = p;
            } else if (province != p) {
                throw refused("the sites are not of one province", siteIds);
            }
        }
        return TenantScope.subtree(siteIds);
    }

    /** The same, for sites the caller already holds. */
    public TenantScope sitesOfOneProvince(List<Tenant> sites) {
        return sitesOfOneProvince(sites.stream().map(Tenant::id).toList());
    }

    /** A merge's two sites, which must share a province (a merge never crosses provinces). */
    public TenantScope mergingSites(Tenant from, Tenant into) {
        return sitesOfOneProvince(List.of(from.id(), into.id()));
    }

    /**
     * The platform operator's overview of some provinces (storage, activity), each with its
     * whole subtree; every one must be a province.
     */
    public TenantScope platformOverview(Collection<Tenant> provinces) {
        DirectorySnapshot dir = directory.snapshot();
        List<Long> ids = new ArrayList<>();
        for (Tenant p : provinces) {
            Tenant known = known(dir, p.id());
            if (known.parentId() != null) {
                throw refused("the platform overview reads provinces", List.of(p.id()));
            }
            ids.addAll(dir.subtreeIds(known));
        }
        return TenantScope.subtree(ids);
    }

    /** Sites created in the open transaction, before the directory knows them: tenancy's own provisioning only. */
    static TenantScope newSites(Collection<Long> createdIds) {
        return TenantScope.subtree(createdIds);
    }

    private static Tenant known(DirectorySnapshot dir, long id) {
        Tenant t = dir.byId(id);
        if (t == null) {
            throw refused("no such site in the directory", List.of(id));
        }
        return t;
    }

    private static IllegalArgumentException refused(String why, Collection<Long> ids) {
        return new IllegalArgumentException("Tenant scope refused (" + why + "): " + ids);
    }
}
