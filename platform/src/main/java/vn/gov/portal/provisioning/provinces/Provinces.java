package vn.gov.portal.provisioning.provinces;

import static vn.gov.portal.db.Tables.AUDIT_EVENTS;
import static vn.gov.portal.db.Tables.MEDIA;
import static vn.gov.portal.db.Tables.MEDIA_VARIANTS;
import static vn.gov.portal.db.Tables.REGULATION_PRESETS;
import static vn.gov.portal.db.Tables.TENANTS;
import static vn.gov.portal.db.Tables.TENANT_HOSTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.text.Collator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.provisioning.SiteLifecycle;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.HostPurpose;
import vn.gov.portal.tenancy.PlatformHost;
import vn.gov.portal.tenancy.SubdomainRules;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * Provinces, by the platform operator: created with their domains, aliases and the
 * preset they start from (copied for them: {@link TenantProvisioning#createProvince}), their
 * board's head invited by a one-time link; listed with what the operator watches.
 */
@Singleton
public class Provinces {
    /** A host name as DNS allows it: labels of letters, digits and inner hyphens, at least two. */
    private static final Pattern HOST = Pattern.compile(
            "^(?=.{4,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");
    /** The operator reads times as the provinces live them. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final TenantDb db;
    private final TenantDirectory directory;
    private final TenantProvisioning provisioning;
    private final SiteLifecycle lifecycle;
    private final PlatformHost platform;
    private final AuditLog audit;
    private final TenantScopes scopes;

    public Provinces(TenantDb db, TenantDirectory directory, TenantProvisioning provisioning, SiteLifecycle lifecycle,
                     PlatformHost platform, AuditLog audit, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
        this.provisioning = provisioning;
        this.lifecycle = lifecycle;
        this.platform = platform;
        this.audit = audit;
    }

    @Serdeable
    public record Head(@Nullable String fullName, @Nullable String email) {
    }

    @Serdeable
    public record NewProvince(@Nullable String name, @Nullable String code, @Nullable List<String> domains,
                              @Nullable List<String> aliases, @Nullable String preset, @Nullable Head head) {
    }

    /** A created province: its id and address; with a head, their username, link and the mail carrying it. */
    @Serdeable
    public record Created(long id, String host, @Nullable String headUsername, @Nullable String signInLink,
                          @Nullable MailOutbox.Queued headMail) {
    }

    /** A province as the operator's console and {@code GET /api/v1/provinces} list it. */
    @Serdeable
    public record Row(long id, String name, @Nullable String code, String host, List<String> domains,
                      List<String> aliases, @Nullable String preset, int sites, long storageBytes,
                      @Nullable OffsetDateTime lastActivity, String status) {
    }

    @Serdeable
    public record Page(int total, int page, int size, List<Row> items) {
    }

    /** The presets a province may start from: the shipped ones, by code. */
    public List<String> presetCodes() {
        return db.directory(ctx -> ctx.select(REGULATION_PRESETS.CODE).from(REGULATION_PRESETS)
                .where(REGULATION_PRESETS.CODE.isNotNull()).orderBy(REGULATION_PRESETS.CODE)
                .fetch(REGULATION_PRESETS.CODE));
    }

    public Created create(NewProvince p, LinkOrigin links, String actor) {
        String name = p.name() == null ? "" : VietnameseText.nfc(p.name().strip());
        if (name.length() < 2 || name.length() > 200) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "province.name", "name");
        }
        String code = p.code() == null ? "" : p.code().strip();
        if (!code.matches("[0-9]{2}")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "province.code", "code");
        }
        List<String> domains = hosts(p.domains());
        List<String> aliases = hosts(p.aliases());
        if (domains.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "province.domain", "domain");
        }
        if (!presetCodes().contains(p.preset())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "province.preset", "preset");
        }
        Head head = p.head();
        boolean withHead = head != null && head.fullName() != null && !head.fullName().isBlank();
        if (withHead && (head.fullName().strip().length() < 2
                || head.email() == null || !EMAIL.matcher(head.email().strip()).matches())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.head-email", "email");
        }
        List<String> all = new ArrayList<>(domains);
        all.addAll(aliases);
        if (new LinkedHashSet<>(all).size() != all.size()) {
            throw new ProblemException(HttpStatus.CONFLICT, "province.domain-taken", "domain-taken");
        }
        DirectorySnapshot dir = directory.snapshot();
        for (String host : all) {
            if (!free(dir, host)) {
                throw new ProblemException(HttpStatus.CONFLICT, "province.domain-taken", "domain-taken");
            }
        }
        if (db.directory(ctx -> ctx.fetchExists(TENANTS, TENANTS.ADMIN_CODE.eq(code)))) {
            throw new ProblemException(HttpStatus.CONFLICT, "province.code-taken", "code-taken");
        }
        String label = domains.getFirst().substring(0, domains.getFirst().indexOf('.'));
        if (SubdomainRules.violation(label).isPresent()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "province.domain", "domain");
        }
        if (dir.provinces().stream().anyMatch(t -> t.subdomain().equals(label))) {
            throw new ProblemException(HttpStatus.CONFLICT, "province.domain-taken", "domain-taken");
        }
        List<String> languages = db.directory(ctx -> List.of(ctx.select(REGULATION_PRESETS.LANGUAGES)
                .from(REGULATION_PRESETS).where(REGULATION_PRESETS.CODE.eq(p.preset())).fetchOne(0, String[].class)));
        var branding = Tenant.Branding.footer(null, null, name, withHead ? head.fullName().strip() : null, null, null,
                withHead ? head.email().strip() : null);
        long id = provisioning.createProvince(new TenantProvisioning.NewProvince(label, name, code, domains,
                p.preset(), languages, branding), List.of(), actor);
        Tenant province = directory.snapshot().byId(id);
        String host = domains.getFirst();
        SiteLifecycle.SeatedHead[] seated = new SiteLifecycle.SeatedHead[1];
        db.provision((ctx, enter) -> {
            for (String alias : aliases) {
                ctx.insertInto(TENANT_HOSTS).set(TENANT_HOSTS.HOST, alias).set(TENANT_HOSTS.TENANT_ID, id)
                        .set(TENANT_HOSTS.PURPOSE, HostPurpose.ALIAS.name()).execute();
            }
            enter.accept(TenantScope.of(id));
            audit.recordWithDetail(ctx, id, actor, "province.created", "tenant:" + id, null,
                    "{\"preset\":\"" + p.preset() + "\",\"host\":\"" + host + "\"}");
            if (withHead) {
                seated[0] = lifecycle.seatHead(ctx, province, id, name, host, label, head.fullName().strip(),
                        head.email().strip(), links, actor);
            }
            return null;
        });
        directory.reload();
        return seated[0] == null ? new Created(id, host, null, null, null)
                : new Created(id, host, seated[0].username(), seated[0].link(), seated[0].mail());
    }

    /** Lower-cased, checked host names; a bad one is refused with rule {@code domain}. */
    static List<String> hosts(@Nullable List<String> given) {
        List<String> out = new ArrayList<>();
        for (String h : given == null ? List.<String>of() : given) {
            String host = h == null ? "" : h.strip().toLowerCase(Locale.ROOT);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (!HOST.matcher(host).matches() || host.startsWith("www.")) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "province.domain", "domain");
            }
            out.add(host);
        }
        return out;
    }

    /**
     * Whether a host is nobody's: not the platform host, not a host row (alias, language host,
     * former address), not a province's base domain, and neither under nor above one (a domain
     * inside another province's would make its sites' addresses ambiguous).
     */
    public boolean free(DirectorySnapshot dir, String host) {
        if (host.equals(platform.host()) || host.endsWith("." + platform.host()) || dir.extraHost(host) != null) {
            return false;
        }
        for (Tenant province : dir.provinces()) {
            for (String bd : province.baseDomains()) {
                if (host.equals(bd) || host.endsWith("." + bd) || bd.endsWith("." + host)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The provinces, filtered by name, code or domain, a page at a time: sites counted from the
     * directory in memory; storage and last activity in two grouped queries over the page's
     * provinces' sites only, so the list stays quick with 34 provinces and 3,500 sites.
     */
    public Page list(@Nullable String filter, int page, int size) {
        DirectorySnapshot dir = directory.snapshot();
        String f = filter == null ? "" : VietnameseText.fold(VietnameseText.nfc(filter.strip())).toLowerCase(Locale.ROOT);
        List<Tenant> matching = dir.provinces().stream()
                .filter(t -> f.isEmpty() || VietnameseText.fold(t.name()).toLowerCase(Locale.ROOT).contains(f)
                        || f.equals(t.adminCode()) || t.baseDomains().stream().anyMatch(d -> d.contains(f)))
                .sorted(Comparator.comparing(Tenant::name, Collator.getInstance(
                        Locale.forLanguageTag("vi"))))
                .toList();
        int safeSize = Math.max(1, Math.min(size, 100));
        int safePage = Math.max(1, page);
        List<Tenant> shown = matching.stream().skip((long) (safePage - 1) * safeSize).limit(safeSize).toList();
        Map<Long, Long> provinceOf = new HashMap<>();
        for (Tenant p : shown) {
            dir.subtreeIds(p).forEach(id -> provinceOf.put(id, p.id()));
        }
        Map<Long, Long> storage = new HashMap<>();
        Map<Long, OffsetDateTime> activity = new HashMap<>();
        Map<Long, String> presets = new HashMap<>();
        if (!shown.isEmpty()) {
            db.read(scopes.platformOverview(shown), ctx -> {
                var bytes = DSL.field("bytes", Long.class);
                ctx.select(DSL.field("tenant_id", Long.class), DSL.sum(bytes.cast(BigDecimal.class)))
                        .from(DSL.select(MEDIA.TENANT_ID.as("tenant_id"), MEDIA.SIZE_BYTES.as("bytes")).from(MEDIA)
                                .unionAll(DSL.select(MEDIA_VARIANTS.TENANT_ID, MEDIA_VARIANTS.SIZE_BYTES)
                                        .from(MEDIA_VARIANTS)).asTable("m"))
                        .groupBy(DSL.field("tenant_id")).fetch()
                        .forEach(r -> storage.merge(provinceOf.get(r.value1()), r.value2().longValue(), Long::sum));
                ctx.select(AUDIT_EVENTS.TENANT_ID, DSL.max(AUDIT_EVENTS.AT)).from(AUDIT_EVENTS)
                        .groupBy(AUDIT_EVENTS.TENANT_ID).fetch()
                        .forEach(r -> activity.merge(provinceOf.get(r.value1()),
                                r.value2().atZoneSameInstant(ProvinceTime.ZONE).toOffsetDateTime(), (a, b) -> a.isAfter(b) ? a : b));
                return null;
            });
            db.directory(ctx -> {
                ctx.select(REGULATION_PRESETS.PROVINCE_ID, REGULATION_PRESETS.BASED_ON).from(REGULATION_PRESETS)
                        .where(REGULATION_PRESETS.PROVINCE_ID.in(shown.stream().map(Tenant::id).toList()))
                        .fetch().forEach(r -> presets.put(r.value1(), r.value2()));
                return null;
            });
        }
        List<Row> rows = shown.stream().map(p -> new Row(p.id(), p.name(), p.adminCode(), p.baseDomains().getFirst(),
                p.baseDomains(), aliases(dir, p), presets.get(p.id()), dir.subtreeIds(p).size() - 1,
                storage.getOrDefault(p.id(), 0L), activity.get(p.id()), p.status().name())).toList();
        return new Page(matching.size(), safePage, safeSize, rows);
    }

    private static List<String> aliases(DirectorySnapshot dir, Tenant t) {
        return dir.hostsOf(t.id(), HostPurpose.ALIAS);
    }
}
