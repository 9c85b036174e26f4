package vn.gov.portal.tenancy;

import static vn.gov.portal.db.Tables.DIRECTORY_VERSION;
import static vn.gov.portal.db.Tables.TENANTS;
import static vn.gov.portal.db.Tables.TENANT_HOSTS;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.db.tables.records.TenantsRecord;
import vn.gov.portal.infra.db.TenantDb;

/**
 * Keeps the tenant tree in memory and swaps in a fresh copy when it changes. Writers call
 * {@link #reload()} after their commit; with several nodes the cache bus tells the others at
 * once ({@link DirectoryChangedAcrossNodes}), and a cheap version check every few seconds
 * catches the rest (changes made by hand, or while Redis was away), so a new site serves
 * everywhere without a restart.
 */
@Singleton
public class TenantDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(TenantDirectory.class);

    private final TenantDb db;
    private final ApplicationEventPublisher<DirectoryChanged> events;
    private volatile DirectorySnapshot snapshot;

    /**
     * Published after a new snapshot is in place; caches keyed by host or tenant listen.
     * {@code writtenHere}: the change was committed on this node (not found by the poll or
     * announced by another node), so it is this node's to announce.
     */
    public record DirectoryChanged(DirectorySnapshot snapshot, boolean writtenHere) {
    }

    public TenantDirectory(TenantDb db, ApplicationEventPublisher<DirectoryChanged> events) {
        this.db = db;
        this.events = events;
        this.snapshot = db.directory(TenantDirectory::load);
    }

    public DirectorySnapshot snapshot() {
        return snapshot;
    }

    /** After a commit that changed tenants or hosts: re-read, and let the other nodes know. */
    public void reload() {
        replace(true);
    }

    /** Re-read because another node or the poll says so; announced to nobody. */
    void refresh() {
        replace(false);
    }

    private synchronized void replace(boolean writtenHere) {
        snapshot = db.directory(TenantDirectory::load);
        LOG.debug("Tenant directory reloaded: {} tenants", snapshot.size());
        events.publishEvent(new DirectoryChanged(snapshot, writtenHere));
    }

    @Scheduled(fixedDelay = "${portal.tenancy.refresh:5s}", initialDelay = "${portal.tenancy.refresh:5s}")
    void reloadIfChanged() {
        String current = db.directory(TenantDirectory::version);
        if (!current.equals(snapshot.version())) {
            refresh();
        }
    }

    private static DirectorySnapshot load(DSLContext ctx) {
        String version = version(ctx);
        List<Tenant> tenants = ctx.selectFrom(TENANTS).fetch(TenantDirectory::toTenant);
        List<DirectorySnapshot.ExtraHost> hosts = ctx.selectFrom(TENANT_HOSTS).fetch(r ->
                new DirectorySnapshot.ExtraHost(r.getHost(), r.getTenantId(), HostPurpose.valueOf(r.getPurpose()), r.getLanguage()));
        return new DirectorySnapshot(tenants, hosts, version);
    }

    /**
     * Changes with every committed statement that writes tenants or tenant_hosts: a counter the
     * database keeps (V38), never a timestamp a node's clock wrote.
     */
    private static String version(DSLContext ctx) {
        return ctx.select(DIRECTORY_VERSION.VERSION).from(DIRECTORY_VERSION).fetchOne(0, Long.class).toString();
    }

    private static Tenant toTenant(TenantsRecord r) {
        return new Tenant(r.getId(), r.getParentId(), TenantKind.valueOf(r.getKind()),
                TenantStatus.valueOf(r.getStatus()), r.getSubdomain(), r.getName(), r.getEnglishName(), r.getShortName(),
                r.getAdminCode(), r.getEmcSiteId(), r.getTheme(), list(r.getLanguages()),
                list(r.getBaseDomains()), r.getPresetId(), r.getMergedIntoId(),
                new Tenant.Branding(r.getLogoUrl(), r.getBannerUrl(), r.getPrimaryColor(), r.getFooterAgency(),
                        r.getFooterResponsible(), r.getFooterAddress(), r.getFooterPhone(), r.getFooterEmail(),
                        menu(r.getMenuLabels(), r.getMenuUrls()), list(r.getHomeBlocks()), r.getFooterFax(),
                        r.getFooterLicence(), r.getOfferedLanguages() == null ? null : list(r.getOfferedLanguages())),
                r.getLive(), r.getUpdatedAt());
    }

    private static List<Tenant.MenuLink> menu(String[] labels, String[] urls) {
        List<Tenant.MenuLink> links = new ArrayList<>();
        for (int i = 0; i < Math.min(labels.length, urls.length); i++) {
            links.add(new Tenant.MenuLink(labels[i], urls[i]));
        }
        return List.copyOf(links);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.copyOf(Arrays.asList(values));
    }
}
