package vn.gov.portal.provisioning.provinces;

import static vn.gov.portal.db.Tables.PRESET_DEADLINES;
import static vn.gov.portal.db.Tables.PRESET_MANDATORY_PAGES;
import static vn.gov.portal.db.Tables.PRESET_REPORT_FORMS;
import static vn.gov.portal.db.Tables.REGULATION_PRESETS;
import static vn.gov.portal.db.Tables.TENANTS;
import static vn.gov.portal.db.Tables.TENANT_HOSTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.oversight.rules.OversightRules;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.HostPurpose;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;

/**
 * A province's own copy of its regulation preset: what its board reads and edits
 * without touching any other province. Quotas and deadlines are changed through
 * {@link OversightRules}, dated from the month they apply (so a past month keeps the rules it was
 * judged by): the copy is the province's starting point, the dated rules its changes since, and
 * what this answers "in force" is the two together, as the dashboard judges by them.
 */
@Singleton
public class ProvincePreset {
    /** Languages a province may offer: Vietnamese and those the seeds name (TN Đ4.17b, VP Đ2.3). */
    static final Set<String> LANGUAGES = Set.of("vi", "en", "ko", "zh", "ja", "fr", "ru", "lo", "km");
    private final TenantDb db;
    private final TenantDirectory directory;
    private final OversightRules rules;
    private final AuditLog audit;
    private final Clock clock;

    public ProvincePreset(TenantDb db, TenantDirectory directory, OversightRules rules, AuditLog audit, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    public record Deadline(String contentType, @Nullable Integer amount, String unit, String countedFrom,
                           String direction, String legalBasis) {
    }

    @Serdeable
    public record MandatoryPage(String tenantKind, String pageKey, String slug, String title) {
    }

    @Serdeable
    public record ReportForm(String code, String name, List<String> periods) {
    }

    /**
     * The copy as it stands: where it came from, its schemes and languages, the deadlines and
     * report forms and mandatory pages it holds, and the quotas and deadlines in force this month.
     */
    @Serdeable
    public record View(long id, String basedOn, String name, String domainScheme, String languageScheme,
                       List<String> languages, List<Deadline> deadlines, List<MandatoryPage> mandatoryPages,
                       List<ReportForm> reportForms, OversightRules.InForce inForce) {
    }

    @Serdeable
    public record QuotaChange(@Nullable String tenantKind, @Nullable Integer minPerMonth, @Nullable String counted,
                              @Nullable String legalBasis) {
    }

    @Serdeable
    public record Change(@Nullable List<String> languages, @Nullable List<QuotaChange> quotas) {
    }

    public View view(Tenant province) {
        long presetId = province.presetId();
        return db.directory(ctx -> {
            var p = ctx.selectFrom(REGULATION_PRESETS).where(REGULATION_PRESETS.ID.eq(presetId)).fetchOne();
            List<Deadline> deadlines = ctx.selectFrom(PRESET_DEADLINES).where(PRESET_DEADLINES.PRESET_ID.eq(presetId))
                    .orderBy(PRESET_DEADLINES.CONTENT_TYPE).fetch(r -> new Deadline(r.getContentType(), r.getAmount(),
                            r.getUnit(), r.getCountedFrom(), r.getDirection(), r.getLegalBasis()));
            List<MandatoryPage> pages = ctx.selectFrom(PRESET_MANDATORY_PAGES)
                    .where(PRESET_MANDATORY_PAGES.PRESET_ID.eq(presetId))
                    .orderBy(PRESET_MANDATORY_PAGES.TENANT_KIND, PRESET_MANDATORY_PAGES.POSITION)
                    .fetch(r -> new MandatoryPage(r.getTenantKind(), r.getPageKey(), r.getSlug(), r.getTitle()));
            List<ReportForm> forms = ctx.selectFrom(PRESET_REPORT_FORMS).where(PRESET_REPORT_FORMS.PRESET_ID.eq(presetId))
                    .orderBy(PRESET_REPORT_FORMS.CODE)
                    .fetch(r -> new ReportForm(r.getCode(), r.getName(), List.of(r.getPeriods())));
            return new View(presetId, p.getBasedOn() == null ? p.getCode() : p.getBasedOn(), p.getName(),
                    p.getDomainScheme(), p.getLanguageScheme(), List.of(p.getLanguages()), deadlines, pages, forms,
                    rules.inForce(province, rules.thisMonth()));
        });
    }

    /** Applies a change by the province's board: languages in the copy, quotas as dated rules. */
    public View change(Tenant province, Change change, String actor) {
        if (change.languages() == null && change.quotas() == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.nothing-to-change", "empty");
        }
        List<String> languages = change.languages() == null ? null : languages(change.languages());
        List<QuotaChange> quotas = change.quotas() == null ? List.of() : change.quotas();
        for (QuotaChange q : quotas) {
            if (q.minPerMonth() == null || kind(q.tenantKind()) == TenantKind.PROVINCE) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-amount", "minPerMonth");
            }
        }
        if (languages != null) {
            setLanguages(province, languages, actor);
        }
        for (QuotaChange q : quotas) {
            rules.setQuota(province, kind(q.tenantKind()), q.minPerMonth(), q.counted(),
                    q.legalBasis() == null || q.legalBasis().isBlank() ? "Ban Biên tập tỉnh" : q.legalBasis(), actor);
        }
        return view(directory.snapshot().byId(province.id()));
    }

    private static TenantKind kind(@Nullable String kind) {
        try {
            return TenantKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.kind-unknown", "tenantKind");
        }
    }

    static List<String> languages(List<String> given) {
        LinkedHashSet<String> out = new LinkedHashSet<>(List.of("vi"));
        for (String l : given) {
            String code = l == null ? "" : l.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(code)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "preset.language", "language");
            }
            out.add(code);
        }
        return List.copyOf(out);
    }

    /**
     * The province offers these languages on its portal and every site under it (the directory
     * reads them from the province). Where the scheme is HOST, each site's language hosts follow:
     * added for a new language, removed for one no longer offered.
     */
    private void setLanguages(Tenant province, List<String> languages, String actor) {
        DirectorySnapshot dir = directory.snapshot();
        String scheme = db.directory(ctx -> ctx.select(REGULATION_PRESETS.LANGUAGE_SCHEME).from(REGULATION_PRESETS)
                .where(REGULATION_PRESETS.ID.eq(province.presetId())).fetchOne(0, String.class));
        List<Long> subtree = dir.subtreeIds(province);
        db.provision((ctx, enter) -> {
            ctx.update(REGULATION_PRESETS).set(REGULATION_PRESETS.LANGUAGES, languages.toArray(String[]::new))
                    .set(REGULATION_PRESETS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(REGULATION_PRESETS.ID.eq(province.presetId())).execute();
            ctx.update(TENANTS).set(TENANTS.LANGUAGES, languages.toArray(String[]::new))
                    .set(TENANTS.UPDATED_AT, OffsetDateTime.now(clock)).where(TENANTS.ID.eq(province.id())).execute();
            if ("HOST".equals(scheme)) {
                ctx.deleteFrom(TENANT_HOSTS).where(TENANT_HOSTS.TENANT_ID.in(subtree))
                        .and(TENANT_HOSTS.PURPOSE.eq(HostPurpose.LANGUAGE.name())).and(TENANT_HOSTS.LANGUAGE.notIn(languages)).execute();
                for (long id : subtree) {
                    Tenant t = dir.byId(id);
                    String any = dir.hostOf(t, province.baseDomains().getFirst());
                    String relative = any.equals(province.baseDomains().getFirst()) ? ""
                            : any.substring(0, any.length() - province.baseDomains().getFirst().length() - 1);
                    TenantProvisioning.languageHosts(ctx, id, relative, province.baseDomains(), languages);
                }
            }
            enter.accept(TenantScope.of(province.id()));
            audit.recordWithDetail(ctx, province.id(), actor, "preset.languages", "preset:" + province.presetId(),
                    null, "{\"languages\":\"" + String.join(",", languages) + "\"}");
            return null;
        });
        directory.reload();
    }
}
