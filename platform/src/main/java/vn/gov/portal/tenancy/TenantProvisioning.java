package vn.gov.portal.tenancy;

import static vn.gov.portal.db.Tables.REGULATION_PRESETS;
import static vn.gov.portal.db.Tables.TENANTS;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import vn.gov.portal.db.Tables;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;

/**
 * Creates a province and its component sites in one transaction: the tenant rows, what each
 * feature gives a new site ({@link SiteInitializer}: pages, categories) and an audit entry. A batch is checked whole before anything is
 * written; one bad or colliding label refuses all of it, naming the row and the rule.
 */
@Singleton
public class TenantProvisioning {
    private final TenantDb db;
    private final TenantDirectory directory;
    private final List<SiteInitializer> initializers;
    private final AuditLog audit;
    private final Clock clock;

    public TenantProvisioning(TenantDb db, TenantDirectory directory, List<SiteInitializer> initializers,
                              AuditLog audit, Clock clock) {
        this.audit = audit;
        this.db = db;
        this.directory = directory;
        this.initializers = initializers;
        this.clock = clock;
    }

    public record NewProvince(String subdomain, String name, @Nullable String adminCode, List<String> baseDomains,
                              String presetCode, List<String> languages, Tenant.Branding branding) {
    }

    /** A component site; {@code parentSubdomain} null means directly under the province. */
    public record NewSite(TenantKind kind, String subdomain, String name, @Nullable String adminCode,
                          @Nullable String parentSubdomain, Tenant.Branding branding) {
    }

    /** One refused row of a batch: its position (1-based, as a person counts lines), label and rule. */
    public record Refusal(int row, String subdomain, String rule) {
    }

    public static final class BatchRefused extends RuntimeException {
        private final List<Refusal> refusals;

        public BatchRefused(List<Refusal> refusals) {
            super("Refused: " + refusals);
            this.refusals = List.copyOf(refusals);
        }

        public List<Refusal> refusals() {
            return refusals;
        }
    }

    /** Every rule a batch of sites breaks; empty when it can be created. */
    public static List<Refusal> check(List<NewSite> sites) {
        List<Refusal> refusals = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            NewSite s = sites.get(i);
            int row = i + 1;
            SubdomainRules.violation(s.subdomain()).ifPresent(rule -> refusals.add(new Refusal(row, s.subdomain(), rule)));
            String key = (s.parentSubdomain() == null ? "" : s.parentSubdomain()) + "/" + s.subdomain();
            Integer earlier = firstRow.putIfAbsent(key, row);
            if (earlier != null) {
                refusals.add(new Refusal(row, s.subdomain(), "duplicate of row " + earlier));
            }
        }
        return refusals;
    }

    /** Creates the province and its sites; returns the province's id. */
    public long createProvince(NewProvince province, List<NewSite> sites, String actor) {
        List<Refusal> refusals = check(sites);
        SubdomainRules.violation(province.subdomain())
                .ifPresent(rule -> refusals.addFirst(new Refusal(0, province.subdomain(), rule)));
        if (!refusals.isEmpty()) {
            throw new BatchRefused(refusals);
        }
        long provinceId = db.provision((ctx, enter) -> {
            var shipped = ctx.select(REGULATION_PRESETS.ID, REGULATION_PRESETS.DOMAIN_SCHEME,
                            REGULATION_PRESETS.LANGUAGE_SCHEME).from(REGULATION_PRESETS)
                    .where(REGULATION_PRESETS.CODE.eq(province.presetCode())).fetchOne();
            if (shipped == null) {
                throw new IllegalArgumentException("No regulation preset " + province.presetCode());
            }
            List<Refusal> nested = schemeRefusals(shipped.value2(), sites);
            if (!nested.isEmpty()) {
                throw new BatchRefused(nested);
            }
            long pid = ctx.insertInto(TENANTS)
                    .set(TENANTS.KIND, TenantKind.PROVINCE.name())
                    .set(TENANTS.SUBDOMAIN, province.subdomain())
                    .set(TENANTS.NAME, VietnameseText.nfc(province.name()))
                    .set(TENANTS.ADMIN_CODE, province.adminCode())
                    .set(TENANTS.THEME, TenantKind.PROVINCE.defaultTheme())
                    .set(TENANTS.LANGUAGES, province.languages().toArray(String[]::new))
                    .set(TENANTS.BASE_DOMAINS, province.baseDomains().toArray(String[]::new))
                    .set(TENANTS.PRESET_ID, shipped.value1())
                    .set(branding(province.branding()))
                    .returning(TENANTS.ID).fetchOne(TENANTS.ID);
            // The province edits its own copy from now on; the shipped preset stays as shipped.
            long presetId = ctx.select(DSL.field("copy_regulation_preset({0}, {1})", Long.class,
                    DSL.val(shipped.value1()), DSL.val(pid))).fetchOne(0, Long.class);
            ctx.update(TENANTS).set(TENANTS.PRESET_ID, presetId).where(TENANTS.ID.eq(pid)).execute();
            if ("HOST".equals(shipped.value3())) {
                languageHosts(ctx, pid, "", province.baseDomains(), province.languages());
            }
            List<SiteInitializer.CreatedSite> created = new ArrayList<>(
                    List.of(new SiteInitializer.CreatedSite(pid, TenantKind.PROVINCE, province.name(), presetId)));
            Map<NewSite, SiteInitializer.CreatedSite> made = insertSites(ctx, pid, presetId, Map.of(), sites);
            created.addAll(made.values());
            if ("HOST".equals(shipped.value3())) {
                made.forEach((s, c) -> languageHosts(ctx, c.id(), relativeHost(s), province.baseDomains(),
                        province.languages()));
            }
            initialise(ctx, enter, created, actor);
            return pid;
        });
        directory.reload();
        return provinceId;
    }

    /** The agency's name on foreign-language pages (TT 24/2011: English pages carry English values). */
    public void setEnglishName(long tenantId, @Nullable String englishName, String actor) {
        db.provision((ctx, enter) -> {
            ctx.update(TENANTS).set(TENANTS.ENGLISH_NAME, VietnameseText.nfc(englishName))
                    .set(TENANTS.UPDATED_AT, OffsetDateTime.now(clock)).where(TENANTS.ID.eq(tenantId)).execute();
            enter.accept(TenantScope.of(tenantId));
            audit.record(ctx, tenantId, actor, "tenant.english_name", "tenant:" + tenantId, null);
            return null;
        });
        directory.reload();
    }

    /**
     * Adds component sites under an existing province, in one transaction, with everything a
     * site created with its province gets (initializers, audit entry). The batch is checked
     * whole, against itself and against the labels already taken under the same parent;
     * {@code parentSubdomain} may name an existing child of the province or one of the batch.
     * Returns the new sites' ids in the order given.
     */
    public List<Long> addSites(long provinceId, List<NewSite> sites, String actor) {
        return addSites(provinceId, sites, actor, (ctx, ids) -> { });
    }

    /** Work that belongs in the creating transaction (e.g. the board's first account), given the new ids. */
    @FunctionalInterface
    public interface AlsoInTransaction {
        void run(DSLContext ctx, List<Long> ids);
    }

    /** {@link #addSites(long, List, String)}, with {@code also} run before the commit. */
    public List<Long> addSites(long provinceId, List<NewSite> sites, String actor, AlsoInTransaction also) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = dir.byId(provinceId);
        if (province == null || !province.isProvince()) {
            throw new IllegalArgumentException("No province " + provinceId);
        }
        Map<String, Long> existingParents = new HashMap<>();
        dir.children(provinceId).forEach(t -> existingParents.put(t.subdomain(), t.id()));
        List<Refusal> refusals = check(sites);
        for (int i = 0; i < sites.size(); i++) {
            NewSite s = sites.get(i);
            Long parent = s.parentSubdomain() == null ? Long.valueOf(provinceId)
                    : existingParents.get(s.parentSubdomain());
            if (parent != null && dir.child(parent, s.subdomain()) != null) {
                refusals.add(new Refusal(i + 1, s.subdomain(), "taken"));
            } else if (parent != null && heldByAnother(dir, province, dir.byId(parent), s.subdomain())) {
                // A renamed or merged site's old address answers 301 for ever: never reuse it.
                refusals.add(new Refusal(i + 1, s.subdomain(), "former"));
            }
        }
        Schemes schemes = schemes(province);
        refusals.addAll(schemeRefusals(schemes.domain(), sites));
        if (!refusals.isEmpty()) {
            throw new BatchRefused(refusals);
        }
        List<Long> ids = db.provision((ctx, enter) -> {
            Map<NewSite, SiteInitializer.CreatedSite> made = insertSites(ctx, provinceId, province.presetId(),
                    existingParents, sites);
            if ("HOST".equals(schemes.language())) {
                made.forEach((s, c) -> languageHosts(ctx, c.id(), relativeHost(s), province.baseDomains(),
                        province.languages()));
            }
            initialise(ctx, enter, List.copyOf(made.values()), actor);
            List<Long> inOrder = sites.stream().map(s -> made.get(s).id()).toList();
            also.run(ctx, inOrder);
            return inOrder;
        });
        directory.reload();
        return ids;
    }

    /** The province's own preset's domain and language schemes (both are read, not only stored). */
    public record Schemes(String domain, String language) {
    }

    public Schemes schemes(Tenant province) {
        return db.directory(ctx -> ctx.select(REGULATION_PRESETS.DOMAIN_SCHEME, REGULATION_PRESETS.LANGUAGE_SCHEME)
                .from(REGULATION_PRESETS).where(REGULATION_PRESETS.ID.eq(province.presetId()))
                .fetchOptional(r -> new Schemes(r.value1(), r.value2()))
                .orElse(new Schemes("PROVINCE_FLAT", "PATH")));
    }

    /**
     * A flat province (ND 224/2026 Đ11.4: every site is {@code <label>.<province domain>}) has no
     * site under a district; a nested one (BG 2023 Đ4) puts communes under their district.
     */
    public static List<Refusal> schemeRefusals(String domainScheme, List<NewSite> sites) {
        List<Refusal> refusals = new ArrayList<>();
        if (!"PROVINCE_FLAT".equals(domainScheme)) {
            return refusals;
        }
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).parentSubdomain() != null && !sites.get(i).parentSubdomain().isBlank()) {
                refusals.add(new Refusal(i + 1, sites.get(i).subdomain(), DOMAIN_SCHEME));
            }
        }
        return refusals;
    }

    /** The rule a flat province's site under another site breaks. */
    public static final String DOMAIN_SCHEME = "domain-scheme";

    /**
     * Where the preset's language scheme is HOST (VP 2017 Đ2.3: english.vinhphuc.gov.vn), each
     * foreign language of the province gets a host of its own in front of the site's every
     * address: {@code english.<host>} for English, {@code <code>.<host>} for the others.
     * {@code relative} is the site's labels above the base domain ("" for the province).
     */
    public static void languageHosts(DSLContext ctx, long tenantId, String relative, List<String> baseDomains,
                                     List<String> languages) {
        for (String language : languages) {
            if (language.equals("vi")) {
                continue;
            }
            for (String bd : baseDomains) {
                String host = languageLabel(language) + "." + (relative.isEmpty() ? "" : relative + ".") + bd;
                ctx.insertInto(Tables.TENANT_HOSTS)
                        .set(Tables.TENANT_HOSTS.HOST, host)
                        .set(Tables.TENANT_HOSTS.TENANT_ID, tenantId)
                        .set(Tables.TENANT_HOSTS.PURPOSE, HostPurpose.LANGUAGE.name())
                        .set(Tables.TENANT_HOSTS.LANGUAGE, language)
                        .onConflictDoNothing().execute();
            }
        }
    }

    public static String languageLabel(String language) {
        return language.equals("en") ? "english" : language;
    }

    private static String relativeHost(NewSite s) {
        return s.parentSubdomain() == null ? s.subdomain() : s.subdomain() + "." + s.parentSubdomain();
    }

    /** Whether {@code label} under {@code parent} is a host row of some site (a former address, an alias). */
    public static boolean heldByAnother(DirectorySnapshot dir, Tenant province, @Nullable Tenant parent, String label) {
        if (parent == null) {
            return false;
        }
        for (String bd : province.baseDomains()) {
            String host = parent.isProvince() ? label + "." + bd : label + "." + dir.hostOf(parent, bd);
            if (dir.extraHost(host) != null) {
                return true;
            }
        }
        return false;
    }

    /** Inserts the sites' rows, parents first (districts before the communes under them). */
    private static Map<NewSite, SiteInitializer.CreatedSite> insertSites(DSLContext ctx, long provinceId,
                                                                         long presetId,
                                                                         Map<String, Long> existingParents,
                                                                         List<NewSite> sites) {
        Map<String, Long> idsByLabel = new HashMap<>(existingParents);
        Map<NewSite, SiteInitializer.CreatedSite> created = new LinkedHashMap<>();
        List<NewSite> ordered = new ArrayList<>(sites);
        ordered.sort((a, b) -> Boolean.compare(a.parentSubdomain() != null, b.parentSubdomain() != null));
        for (NewSite s : ordered) {
            Long parent = s.parentSubdomain() == null ? Long.valueOf(provinceId) : idsByLabel.get(s.parentSubdomain());
            if (parent == null) {
                throw new IllegalArgumentException("No parent site " + s.parentSubdomain() + " for " + s.subdomain());
            }
            long id = ctx.insertInto(TENANTS)
                    .set(TENANTS.PARENT_ID, parent)
                    .set(TENANTS.KIND, s.kind().name())
                    .set(TENANTS.SUBDOMAIN, s.subdomain())
                    .set(TENANTS.NAME, VietnameseText.nfc(s.name()))
                    .set(TENANTS.ADMIN_CODE, s.adminCode())
                    .set(TENANTS.THEME, s.kind().defaultTheme())
                    .set(branding(s.branding()))
                    .returning(TENANTS.ID).fetchOne(TENANTS.ID);
            if (s.parentSubdomain() == null) {
                idsByLabel.put(s.subdomain(), id);
            }
            created.put(s, new SiteInitializer.CreatedSite(id, s.kind(), s.name(), presetId));
        }
        return created;
    }

    /** Widens the creating transaction to the new sites, then lets features set them up. */
    private void initialise(DSLContext ctx, Consumer<TenantScope> enter,
                            List<SiteInitializer.CreatedSite> created, String actor) {
        enter.accept(TenantScopes.newSites(created.stream().map(SiteInitializer.CreatedSite::id).toList()));
        for (SiteInitializer.CreatedSite site : created) {
            for (SiteInitializer initializer : initializers) {
                initializer.initialise(site);
            }
            audit.record(ctx, site.id(), actor, "tenant.created", "tenant:" + site.id(), null);
        }
    }

    private static Map<Field<?>, Object> branding(Tenant.Branding b) {
        Map<Field<?>, Object> values = new HashMap<>();
        values.put(TENANTS.LOGO_URL, b.logoUrl());
        values.put(TENANTS.BANNER_URL, b.bannerUrl());
        values.put(TENANTS.MENU_LABELS, b.menu().stream().map(l -> VietnameseText.nfc(l.label())).toArray(String[]::new));
        values.put(TENANTS.MENU_URLS, b.menu().stream().map(Tenant.MenuLink::url).toArray(String[]::new));
        values.put(TENANTS.HOME_BLOCKS, b.homeBlocks().toArray(String[]::new));
        values.put(TENANTS.PRIMARY_COLOR, b.primaryColor());
        values.put(TENANTS.FOOTER_AGENCY, VietnameseText.nfc(b.footerAgency()));
        values.put(TENANTS.FOOTER_RESPONSIBLE, VietnameseText.nfc(b.footerResponsible()));
        values.put(TENANTS.FOOTER_ADDRESS, VietnameseText.nfc(b.footerAddress()));
        values.put(TENANTS.FOOTER_PHONE, b.footerPhone());
        values.put(TENANTS.FOOTER_EMAIL, b.footerEmail());
        return values;
    }

}
