package vn.gov.portal.oversight.conformance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * The latest scan's results as the dashboard, the back office and the API read them: one query
 * for a province's whole subtree. Checks no rights: the callers have.
 */
@Singleton
public class ConformanceResults {
    private final TenantDb db;
    private final TenantDirectory directory;
    private final TranslationMinimums translationMinimums;
    private final TenantScopes scopes;

    public ConformanceResults(TenantDb db, TenantDirectory directory, TranslationMinimums translationMinimums, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
        this.translationMinimums = translationMinimums;
    }

    /**
     * A site with its checks at the latest scan; {@code scannedAt} null when never scanned.
     * {@code translationMinimum}: the minimum content its preset asks in another language (VP Đ4.15),
     * read live; only in one site's answer, empty in the province's list and where nothing is asked.
     */
    @Serdeable
    public record SiteConformance(long tenantId, String host, String name, String kind,
                                  @Nullable OffsetDateTime scannedAt, int failed, List<CheckResult> checks,
                                  List<TranslationMinimums.Item> translationMinimum) {
        public List<CheckResult> failures() {
            return checks.stream().filter(CheckResult::failed).toList();
        }
    }

    /** Every site of the province (itself first, then the directory's order), scanned or not. */
    public List<SiteConformance> province(Tenant province, String baseDomain) {
        DirectorySnapshot dir = directory.snapshot();
        List<Tenant> sites = dir.subtreeIds(province).stream().map(dir::byId).filter(t -> t != null).toList();
        Map<Long, List<CheckResult>> rows = read(sites.stream().map(Tenant::id).toList());
        List<SiteConformance> out = new ArrayList<>();
        for (Tenant t : sites) {
            if (rows.containsKey(t.id())) {
                out.add(view(t, dir.hostOf(t, baseDomain), rows.get(t.id()), List.of()));
            }
        }
        return out;
    }

    /** One site's results (its checks in the check list's order), or a row with no checks if never scanned. */
    public SiteConformance site(Tenant site, String baseDomain) {
        DirectorySnapshot dir = directory.snapshot();
        return view(site, dir.hostOf(site, baseDomain), read(List.of(site.id())).getOrDefault(site.id(), List.of()),
                translationMinimums.of(site));
    }

    /** Failed checks per site of the province, for the dashboard's column; absent sites were never scanned. */
    public Map<Long, Integer> failureCounts(Tenant province) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        db.read(scopes.provinceBoard(province), ctx -> ctx.fetch("""
                SELECT tenant_id, count(*) FILTER (WHERE outcome = 'FAIL') FROM conformance_results GROUP BY tenant_id"""))
                .forEach(r -> counts.put(r.get(0, Long.class), r.get(1, Integer.class)));
        return counts;
    }

    /** When the province was last scanned (its own site's rows), or null. */
    public @Nullable OffsetDateTime lastScan(Tenant province) {
        return db.read(TenantScope.of(province.id()), ctx -> ctx.fetchOptional(
                "SELECT max(scanned_at) FROM conformance_results WHERE tenant_id = ?", province.id())
                .map(r -> r.get(0, OffsetDateTime.class)).orElse(null));
    }

    private static SiteConformance view(Tenant t, String host, List<CheckResult> checks,
                                        List<TranslationMinimums.Item> translationMinimum) {
        List<CheckResult> ordered = checks.stream()
                .sorted(Comparator.comparingInt(c -> {
                    Check k = Check.of(c.code());
                    return k == null ? Integer.MAX_VALUE : k.ordinal();
                })).toList();
        return new SiteConformance(t.id(), host, t.name(), t.kind().name(),
                ordered.stream().map(CheckResult::scannedAt).max(OffsetDateTime::compareTo).orElse(null),
                (int) ordered.stream().filter(CheckResult::failed).count(), ordered, translationMinimum);
    }

    private Map<Long, List<CheckResult>> read(Collection<Long> ids) {
        Map<Long, List<CheckResult>> rows = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        db.read(scopes.sitesOfOneProvince(ids), ctx -> ctx.fetch(
                "SELECT tenant_id, check_code, outcome, findings, scanned_at FROM conformance_results"))
                .forEach(r -> {
                    String code = r.get(1, String.class);
                    Check check = Check.of(code);
                    String[] findings = r.get(3, String[].class);
                    rows.computeIfAbsent(r.get(0, Long.class), k -> new ArrayList<>()).add(new CheckResult(code,
                            check == null ? code : check.title(), check == null ? "" : check.legalBasis(),
                            Outcome.valueOf(r.get(2, String.class)),
                            findings == null ? List.of() : Arrays.asList(findings), r.get(4, OffsetDateTime.class)));
                });
        return rows;
    }
}
