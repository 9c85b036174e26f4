package vn.gov.portal.settings;

import static vn.gov.portal.db.Tables.TENANTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.media.MediaService;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * A site's settings by its own board: names, emblem, footer, menu, home
 * blocks, languages. The site is the host's, never the input's. Every field is checked before
 * anything is written, a refusal names the field ({@code rule}) in a Vietnamese detail, text is
 * stored NFC, and the change is one transaction with an audit entry of what changed (old → new).
 * After the commit the directory reloads, which empties the page cache and the site chrome here
 * and, over the cache bus, on every other node.
 */
@Singleton
public class SiteSettingsService {
    private static final Pattern MEDIA_LINK = Pattern.compile("^/media/([0-9]+)/[a-z]+$");

    private final TenantDb db;
    private final TenantDirectory directory;
    private final MediaService media;
    private final AuditLog audit;
    private final Templates templates;
    private final JsonMapper json;
    private final Clock clock;

    public SiteSettingsService(TenantDb db, TenantDirectory directory, MediaService media, AuditLog audit,
                               Templates templates, JsonMapper json, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.media = media;
        this.audit = audit;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    /** 403 unless the caller may change this site's settings ({@link SiteSettingsPolicy#mayManage}). */
    public static void mustManage(Collection<String> roles) {
        if (!SiteSettingsPolicy.mayManage(roles)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "site-settings.forbidden");
        }
    }

    /** The settings as they are now (from the directory, which every write reloads). */
    public SiteSettings read(long siteId, Collection<String> roles) {
        mustManage(roles);
        DirectorySnapshot dir = directory.snapshot();
        return view(dir, dir.byId(siteId));
    }

    /** The images the emblem may be chosen from (PNG, JPEG), newest first. */
    public List<MediaService.Image> emblemChoices(Tenant site) {
        return media.images(site, SiteSettingsPolicy.EMBLEM_TYPES, 100);
    }

    /** Replaces the settings with {@code input} (a full PUT); returns them as saved. */
    public SiteSettings save(long siteId, Collection<String> roles, String actor, SiteSettings input) {
        mustManage(roles);
        DirectorySnapshot dir = directory.snapshot();
        Tenant site = dir.byId(siteId);
        SiteSettings before = view(dir, site);
        if (input.emcSiteId() != null && !input.emcSiteId().equals(site.emcSiteId())) {
            // ND 224: the EMC id is the province's to register and set (PATCH /api/v1/tenants/{id}).
            throw new ProblemException(HttpStatus.FORBIDDEN, "site-settings.emc-by-province", "emcSiteId", "emcSiteId");
        }
        Checked c = check(dir, site, input);
        db.write(TenantScope.of(siteId), ctx -> {
            if (c.emblemMediaId() != null) {
                var image = media.imageInTenant(site, c.emblemMediaId()).orElseThrow(() -> new ProblemException(
                        HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.emblem-missing", "emblemMediaId",
                        "emblemMediaId"));
                if (!SiteSettingsPolicy.EMBLEM_TYPES.contains(image.contentType())) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.emblem-type",
                            "emblemMediaId", "emblemMediaId");
                }
            }
            ctx.update(TENANTS)
                    .set(TENANTS.NAME, c.name())
                    .set(TENANTS.ENGLISH_NAME, c.englishName())
                    .set(TENANTS.SHORT_NAME, c.shortName())
                    .set(TENANTS.LOGO_URL, c.emblemMediaId() == null ? null
                            : "/media/" + c.emblemMediaId() + "/" + SiteSettingsPolicy.EMBLEM_VARIANT)
                    .set(TENANTS.FOOTER_AGENCY, c.footer().agency())
                    .set(TENANTS.FOOTER_RESPONSIBLE, c.footer().responsible())
                    .set(TENANTS.FOOTER_ADDRESS, c.footer().address())
                    .set(TENANTS.FOOTER_PHONE, c.footer().phone())
                    .set(TENANTS.FOOTER_FAX, c.footer().fax())
                    .set(TENANTS.FOOTER_EMAIL, c.footer().email())
                    .set(TENANTS.FOOTER_LICENCE, c.footer().licence())
                    .set(TENANTS.MENU_LABELS, c.menu().stream().map(Tenant.MenuLink::label).toArray(String[]::new))
                    .set(TENANTS.MENU_URLS, c.menu().stream().map(Tenant.MenuLink::url).toArray(String[]::new))
                    .set(TENANTS.HOME_BLOCKS, c.homeBlocks().toArray(String[]::new))
                    .set(TENANTS.OFFERED_LANGUAGES, c.offeredLanguages() == null ? null
                            : c.offeredLanguages().toArray(String[]::new))
                    .set(TENANTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(TENANTS.ID.eq(siteId)).execute();
            SiteSettings after = new SiteSettings(c.name(), c.englishName(), c.shortName(), c.emblemMediaId(), null,
                    c.footer(), menuView(site, c.menu()), c.homeBlocks(), languagesView(dir, site, c.offeredLanguages()),
                    null, null, null);
            audit.recordWithDetail(ctx, siteId, actor, "site.settings_changed", "tenant:" + siteId, null,
                    changes(before, after));
            return null;
        });
        directory.reload();
        DirectorySnapshot now = directory.snapshot();
        return view(now, now.byId(siteId));
    }

    /** What passed the checks, ready to store. */
    private record Checked(String name, @Nullable String englishName, @Nullable String shortName,
                           @Nullable Long emblemMediaId, SiteSettings.Footer footer, List<Tenant.MenuLink> menu,
                           List<String> homeBlocks, @Nullable List<String> offeredLanguages) {
    }

    private Checked check(DirectorySnapshot dir, Tenant site, SiteSettings in) {
        String name = text(in.name(), "name", SiteSettingsPolicy.MAX_NAME);
        if (name == null) {
            throw required("name");
        }
        if (name.length() < 2) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.too-short", "name", "name", 2);
        }
        String englishName = text(in.englishName(), "englishName", SiteSettingsPolicy.MAX_NAME);
        if (englishName != null && englishName.length() < 2) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.too-short", "englishName",
                    "englishName", 2);
        }
        String shortName = text(in.shortName(), "shortName", SiteSettingsPolicy.MAX_SHORT_NAME);
        if (in.footer() == null) {
            throw required("footer");
        }
        SiteSettings.Footer f = in.footer();
        Tenant.Branding stored = site.branding();
        String phone = phone(f.phone(), "footer.phone", stored.footerPhone());
        String fax = phone(f.fax(), "footer.fax", stored.footerFax());
        String email = text(f.email(), "footer.email", SiteSettingsPolicy.MAX_EMAIL);
        if (email != null && !email.equals(stored.footerEmail()) && !SiteSettingsPolicy.EMAIL.matcher(email).matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.email", "footer.email",
                    "footer.email");
        }
        SiteSettings.Footer footer = new SiteSettings.Footer(
                text(f.agency(), "footer.agency", SiteSettingsPolicy.MAX_FOOTER_LINE),
                text(f.responsible(), "footer.responsible", SiteSettingsPolicy.MAX_FOOTER_LINE),
                text(f.address(), "footer.address", SiteSettingsPolicy.MAX_FOOTER_LINE),
                phone, fax, email,
                text(f.licence(), "footer.licence", SiteSettingsPolicy.MAX_FOOTER_LINE));
        return new Checked(name, englishName, shortName, in.emblemMediaId(), footer, menu(site, in.menu()),
                homeBlocks(site, in.homeBlocks()), languages(dir, site, in.languages()));
    }

    /** NFC, trimmed, blank as absent, bounded. */
    private static @Nullable String text(@Nullable String value, String field, int max) {
        String v = VietnameseText.nfc(value);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.chars().anyMatch(ch -> Character.isISOControl(ch))) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.control", field, field);
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.too-long", field, field, max);
        }
        return v;
    }

    /**
     * A phone or fax number. One the site already has is kept as it is even when it would not pass
     * today's format (sites made before these checks, the demo's "(dữ liệu mẫu)"), so changing
     * another field never forces the board to retype it; a new value must pass.
     */
    private static @Nullable String phone(@Nullable String value, String field, @Nullable String stored) {
        String v = text(value, field, SiteSettingsPolicy.MAX_PHONE);
        if (v != null && !v.equals(stored) && !SiteSettingsPolicy.PHONE.matcher(v).matches()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.phone", field, field);
        }
        return v;
    }

    private static ProblemException required(String field) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.required", field, field);
    }

    /** The mandatory keys this site's menu must keep. */
    static List<String> fixedKeys(Tenant site) {
        List<String> keys = new ArrayList<>(SiteSettingsPolicy.FIXED_MENU.stream().map(SiteSettingsPolicy.Fixed::key)
                .toList());
        if (site.parentId() != null) {
            keys.add(SiteSettingsPolicy.PARENT_KEY);
        }
        return keys;
    }

    /** The board's own entries, in order; every mandatory one must be named, none twice. */
    private static List<Tenant.MenuLink> menu(Tenant site, @Nullable List<SiteSettings.MenuItem> items) {
        if (items == null) {
            throw required("menu");
        }
        List<String> fixed = fixedKeys(site);
        Set<String> seen = new HashSet<>();
        List<Tenant.MenuLink> own = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SiteSettings.MenuItem item = items.get(i);
            String at = "menu[" + i + "]";
            if (item == null) {
                throw required(at);
            }
            if (item.key() != null && !item.key().isBlank()) {
                String key = item.key().strip();
                if (!fixed.contains(key)) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.menu-key", at + ".key",
                            at + ".key", key);
                }
                if (!seen.add(key)) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.menu-key-twice",
                            at + ".key", at + ".key", key);
                }
                continue;
            }
            String label = text(item.label(), at + ".label", SiteSettingsPolicy.MAX_MENU_LABEL);
            if (label == null) {
                throw required(at + ".label");
            }
            own.add(new Tenant.MenuLink(label, url(item.url(), at + ".url")));
        }
        for (String key : fixed) {
            if (!seen.contains(key)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.menu-mandatory", "menu",
                        "menu", key);
            }
        }
        if (own.size() > SiteSettingsPolicy.MAX_MENU_ITEMS) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.menu-too-many", "menu", "menu",
                    SiteSettingsPolicy.MAX_MENU_ITEMS);
        }
        return List.copyOf(own);
    }

    /**
     * An address a menu may link: http(s) with a host, or a path on this site ("/…", never
     * "//…", which browsers read as another host). Anything else (javascript:, data:, relative
     * paths) is refused.
     */
    static String url(@Nullable String value, String field) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            throw required(field);
        }
        ProblemException bad = new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.menu-url", field,
                field);
        if (v.length() > SiteSettingsPolicy.MAX_URL || v.chars().anyMatch(ch -> ch <= ' ' || ch == 0x7f)) {
            throw bad;
        }
        try {
            URI uri = new URI(v);
            if (v.startsWith("/") && !v.startsWith("//") && uri.getScheme() == null && uri.getHost() == null) {
                return v;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null) {
                return v;
            }
        } catch (URISyntaxException e) {
            throw bad;
        }
        throw bad;
    }

    private static List<String> homeBlocks(Tenant site, @Nullable List<String> blocks) {
        if (blocks == null || blocks.isEmpty()) {
            throw required("homeBlocks");
        }
        List<String> known = SiteSettingsPolicy.homeBlocksOf(site.theme());
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            String b = blocks.get(i) == null ? "" : blocks.get(i).strip();
            if (!known.contains(b)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.home-block",
                        "homeBlocks[" + i + "]", "homeBlocks[" + i + "]", b, String.join(", ", known));
            }
            chosen.add(b);
        }
        return List.copyOf(chosen);
    }

    /**
     * The languages chosen, checked against the province's; stored as null (follow the province)
     * when they are all of them, so a language the province adds later reaches this site too.
     */
    private static @Nullable List<String> languages(DirectorySnapshot dir, Tenant site, @Nullable List<String> chosen) {
        if (chosen == null) {
            throw required("languages");
        }
        List<String> province = dir.provinceOf(site).languages();
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < chosen.size(); i++) {
            String l = chosen.get(i) == null ? "" : chosen.get(i).strip().toLowerCase(Locale.ROOT);
            if (!province.contains(l)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.language",
                        "languages[" + i + "]", "languages[" + i + "]", l, String.join(", ", province));
            }
            set.add(l);
        }
        if (!set.contains("vi")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "site-settings.language-vi", "languages",
                    "languages");
        }
        if (set.containsAll(province)) {
            return null;
        }
        return province.stream().filter(set::contains).toList();
    }

    private SiteSettings view(DirectorySnapshot dir, Tenant site) {
        Tenant.Branding b = site.branding();
        Long emblem = null;
        if (b.logoUrl() != null) {
            Matcher m = MEDIA_LINK.matcher(b.logoUrl());
            emblem = m.matches() ? Long.valueOf(m.group(1)) : null;
        }
        return new SiteSettings(site.name(), site.englishName(), site.shortName(), emblem, b.logoUrl(),
                new SiteSettings.Footer(b.footerAgency(), b.footerResponsible(), b.footerAddress(), b.footerPhone(),
                        b.footerFax(), b.footerEmail(), b.footerLicence()),
                menuView(site, b.menu()), b.homeBlocks(), languagesView(dir, site, b.offeredLanguages()),
                site.emcSiteId(), SiteSettingsPolicy.homeBlocksOf(site.theme()), dir.provinceOf(site).languages());
    }

    /** The whole menu as the public pages show it: mandatory entries first and last, the board's between. */
    private List<SiteSettings.MenuItem> menuView(Tenant site, List<Tenant.MenuLink> own) {
        List<SiteSettings.MenuItem> items = new ArrayList<>();
        for (SiteSettingsPolicy.Fixed f : SiteSettingsPolicy.FIXED_MENU) {
            if (f.first()) {
                items.add(fixed(f));
            }
        }
        own.forEach(l -> items.add(new SiteSettings.MenuItem(null, l.label(), l.url(), false)));
        for (SiteSettingsPolicy.Fixed f : SiteSettingsPolicy.FIXED_MENU) {
            if (!f.first()) {
                items.add(fixed(f));
            }
        }
        if (site.parentId() != null) {
            Tenant parent = directory.snapshot().byId(site.parentId());
            items.add(new SiteSettings.MenuItem(SiteSettingsPolicy.PARENT_KEY, parent == null ? "" : parent.name(),
                    null, true));
        }
        return items;
    }

    private SiteSettings.MenuItem fixed(SiteSettingsPolicy.Fixed f) {
        return new SiteSettings.MenuItem(f.key(), templates.message(Templates.VIETNAMESE, f.labelKey()), f.url(), true);
    }

    private static List<String> languagesView(DirectorySnapshot dir, Tenant site, @Nullable List<String> offered) {
        List<String> province = dir.provinceOf(site).languages();
        return offered == null ? province : province.stream().filter(l -> l.equals("vi") || offered.contains(l)).toList();
    }

    /** The audit entry's detail: each changed field, old → new. */
    private String changes(SiteSettings before, SiteSettings after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        diff(changed, "name", before.name(), after.name());
        diff(changed, "englishName", before.englishName(), after.englishName());
        diff(changed, "shortName", before.shortName(), after.shortName());
        diff(changed, "emblemMediaId", before.emblemMediaId(), after.emblemMediaId());
        SiteSettings.Footer o = before.footer();
        SiteSettings.Footer n = after.footer();
        diff(changed, "footer.agency", o.agency(), n.agency());
        diff(changed, "footer.responsible", o.responsible(), n.responsible());
        diff(changed, "footer.address", o.address(), n.address());
        diff(changed, "footer.phone", o.phone(), n.phone());
        diff(changed, "footer.fax", o.fax(), n.fax());
        diff(changed, "footer.email", o.email(), n.email());
        diff(changed, "footer.licence", o.licence(), n.licence());
        diff(changed, "menu", ownEntries(before.menu()), ownEntries(after.menu()));
        diff(changed, "homeBlocks", before.homeBlocks(), after.homeBlocks());
        diff(changed, "languages", before.languages(), after.languages());
        try {
            return json.writeValueAsString(Map.of("changed", changed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ownEntries(List<SiteSettings.MenuItem> menu) {
        return menu.stream().filter(i -> !Boolean.TRUE.equals(i.fixed())).map(i -> i.label() + " → " + i.url())
                .toList();
    }

    private static void diff(Map<String, Object> changed, String field, @Nullable Object old, @Nullable Object now) {
        if (!Objects.equals(old, now)) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("old", old);
            pair.put("new", now);
            changed.put(field, pair);
        }
    }
}
