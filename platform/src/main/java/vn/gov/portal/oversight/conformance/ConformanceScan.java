package vn.gov.portal.oversight.conformance;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.pages.MandatoryPageGaps;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * Scans a province's serving sites against the national evaluation ({@link Check}) and stores
 * the results, replacing the previous scan's: what the ministry's checkers would find, found the
 * day before by the province. Reads the subtree's pages, gaps and publications in a few grouped
 * queries; fetches each site's home and newest article from this node; writes each site's rows
 * in that site's own scope.
 */
@Singleton
public class ConformanceScan {
    /**
     * A site with nothing new for this long is stale. The province's quotas are monthly (TN Đ9,
     * at least a few items a month for every component site), so a site silent for 30 days has
     * already missed a month's quota whatever its rule; a shorter period would flag a quiet week.
     */
    public static final int STALE_DAYS = 30;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TenantDb db;
    private final TenantDirectory directory;
    private final MandatoryPageGaps gaps;
    private final OwnPages pages;
    private final Clock clock;
    private final TenantScopes scopes;

    public ConformanceScan(TenantDb db, TenantDirectory directory, MandatoryPageGaps gaps, OwnPages pages,
                           Clock clock, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
        this.gaps = gaps;
        this.pages = pages;
        this.clock = clock;
    }

    /** What one scan did: sites scanned, sites with a failed check, when. */
    @Serdeable
    public record Summary(int sites, int failing, OffsetDateTime scannedAt) {
    }

    /**
     * Scans the province and its serving (ACTIVE) component sites now. Not inside another
     * transaction. A suspended site serves no pages and an archived one is frozen: neither is
     * judged, and their earlier results are dropped.
     */
    public Summary scan(Tenant province) {
        DirectorySnapshot dir = directory.snapshot();
        List<Tenant> all = dir.subtreeIds(province).stream().map(dir::byId).filter(t -> t != null).toList();
        List<Tenant> sites = all.stream().filter(t -> t.status() == TenantStatus.ACTIVE).toList();
        // A site no longer serving (suspended, archived) keeps no results that would look current.
        all.stream().filter(t -> t.status() != TenantStatus.ACTIVE).forEach(t -> db.write(TenantScope.of(t.id()),
                ctx -> ctx.execute("DELETE FROM conformance_results WHERE tenant_id = ?", t.id())));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (sites.isEmpty()) {
            return new Summary(0, 0, now);
        }
        List<Long> ids = sites.stream().map(Tenant::id).toList();
        // months = 0: every written mandatory page comes back with its review date, judged here by the clock.
        Map<Long, List<MandatoryPageGaps.Gap>> pageGaps = gaps.of(sites, 0);
        Map<Long, Publications> published = publications(ids);
        String baseDomain = province.baseDomains().getFirst();
        OwnPages.Fetched provinceHome = pages.get(dir.hostOf(province, baseDomain), "/");
        int failing = 0;
        for (Tenant site : sites) {
            String host = dir.hostOf(site, baseDomain);
            OwnPages.Fetched home = site.id() == province.id() ? provinceHome : pages.get(host, "/");
            Publications p = published.getOrDefault(site.id(), new Publications(null, null));
            OwnPages.Fetched article = p.newestSlug() == null ? null : pages.get(host, "/tin-tuc/" + p.newestSlug());
            List<CheckResult> results = new ArrayList<>();
            results.add(emcId(site, now));
            results.add(emcScript(site, home, article, now));
            results.add(dublinCore(home, article, now));
            List<MandatoryPageGaps.Gap> g = pageGaps.getOrDefault(site.id(), List.of());
            results.add(mandatoryPages(g, now));
            results.add(pagesReviewed(g, now));
            results.add(footer(site, now));
            results.add(provinceLink(site, province, host, provinceHome, now));
            results.add(recentPublication(site, p.last(), now));
            store(site, results, now);
            if (results.stream().anyMatch(CheckResult::failed)) {
                failing++;
            }
        }
        return new Summary(sites.size(), failing, now);
    }

    static CheckResult emcId(Tenant site, OffsetDateTime at) {
        return site.emcSiteId() != null ? pass(Check.EMC_ID, at) : fail(Check.EMC_ID, at,
                List.of("Thiếu mã EMC: đề nghị Cục Chuyển đổi số quốc gia cấp mã và nhập vào thông tin trang"));
    }

    static CheckResult emcScript(Tenant site, OwnPages.Fetched home, OwnPages.Fetched article, OffsetDateTime at) {
        if (site.emcSiteId() == null) {
            return fail(Check.EMC_SCRIPT, at, List.of("Trang không có mã theo dõi EMC vì chưa có mã EMC"));
        }
        List<String> findings = new ArrayList<>();
        for (var page : rendered(home, article)) {
            if (!page.fetched().ok()) {
                findings.add("Không tải được " + page.label() + " (HTTP " + page.fetched().status() + ")");
            } else if (!PageMeta.parse(page.fetched().body()).hasEmcScript(site.emcSiteId())) {
                findings.add("Mã theo dõi EMC (setSiteId " + site.emcSiteId() + ") không có trên " + page.label());
            }
        }
        return result(Check.EMC_SCRIPT, findings, at);
    }

    static CheckResult dublinCore(OwnPages.Fetched home, OwnPages.Fetched article, OffsetDateTime at) {
        List<String> findings = new ArrayList<>();
        for (var page : rendered(home, article)) {
            if (!page.fetched().ok()) {
                findings.add("Không tải được " + page.label() + " (HTTP " + page.fetched().status() + ")");
                continue;
            }
            findings.addAll(dublinCoreFindings(page.fetched().body(), page.label()));
        }
        return result(Check.DUBLIN_CORE, findings, at);
    }

    /** "DC.description trống trên trang chủ", "Thiếu DC.creator trên …": one per element. */
    public static List<String> dublinCoreFindings(String html, String label) {
        PageMeta meta = PageMeta.parse(html);
        List<String> findings = new ArrayList<>();
        meta.missingDublinCore().forEach(n -> findings.add("Thiếu " + n + " trên " + label));
        meta.emptyDublinCore().forEach(n -> findings.add(n + " trống trên " + label));
        return findings;
    }

    static CheckResult mandatoryPages(List<MandatoryPageGaps.Gap> gaps, OffsetDateTime at) {
        List<String> findings = new ArrayList<>();
        for (var g : gaps) {
            switch (g.state()) {
                case MISSING -> findings.add("Thiếu trang '" + g.title() + "'");
                case PLACEHOLDER -> findings.add("Trang '" + g.title() + "' chưa viết");
                case NOT_REVIEWED -> { }
            }
        }
        return result(Check.MANDATORY_PAGES, findings, at);
    }

    static CheckResult pagesReviewed(List<MandatoryPageGaps.Gap> gaps, OffsetDateTime at) {
        OffsetDateTime limit = at.minusMonths(MandatoryPageGaps.REVIEW_MONTHS);
        List<String> findings = new ArrayList<>();
        for (var g : gaps) {
            if (g.state() == MandatoryPageGaps.State.NOT_REVIEWED
                    && (g.lastReviewed() == null || g.lastReviewed().isBefore(limit))) {
                findings.add("Trang '" + g.title() + "' chưa được rà soát từ "
                        + (g.lastReviewed() == null ? "khi tạo" : DATE.format(g.lastReviewed().atZoneSameInstant(ProvinceTime.ZONE)))
                        + " (quá " + MandatoryPageGaps.REVIEW_MONTHS + " tháng)");
            }
        }
        return result(Check.PAGES_REVIEWED, findings, at);
    }

    static CheckResult footer(Tenant site, OffsetDateTime at) {
        Tenant.Branding b = site.branding();
        List<String> findings = new ArrayList<>();
        if (blank(b.footerAgency())) {
            findings.add("Thiếu tên cơ quan chủ quản ở chân trang");
        }
        if (blank(b.footerResponsible())) {
            findings.add("Thiếu người chịu trách nhiệm ở chân trang");
        }
        if (blank(b.footerAddress())) {
            findings.add("Thiếu địa chỉ ở chân trang");
        }
        if (blank(b.footerPhone())) {
            findings.add("Thiếu số điện thoại ở chân trang");
        }
        if (blank(b.footerEmail())) {
            findings.add("Thiếu thư điện tử ở chân trang");
        }
        return result(Check.FOOTER, findings, at);
    }

    static CheckResult provinceLink(Tenant site, Tenant province, String host, OwnPages.Fetched provinceHome,
                                    OffsetDateTime at) {
        if (site.id() == province.id()) {
            return na(Check.PROVINCE_LINK, at, "Cổng tỉnh: không áp dụng");
        }
        if (!site.live()) {
            return na(Check.PROVINCE_LINK, at, "Trang chưa vận hành chính thức; Cổng tỉnh liên kết khi trang vận hành");
        }
        if (!provinceHome.ok()) {
            return fail(Check.PROVINCE_LINK, at,
                    List.of("Không tải được trang chủ Cổng tỉnh (HTTP " + provinceHome.status() + ")"));
        }
        Pattern link = Pattern.compile("href=\"(?:https?:)?//" + Pattern.quote(host) + "[:/\"]");
        return link.matcher(provinceHome.body()).find() ? pass(Check.PROVINCE_LINK, at)
                : fail(Check.PROVINCE_LINK, at, List.of("Trang chủ Cổng tỉnh chưa có liên kết tới trang này"));
    }

    static CheckResult recentPublication(Tenant site, OffsetDateTime last, OffsetDateTime at) {
        if (!site.live()) {
            return na(Check.RECENT_PUBLICATION, at, "Trang chưa vận hành chính thức");
        }
        if (last == null) {
            return fail(Check.RECENT_PUBLICATION, at, List.of("Trang chưa đăng tin nào"));
        }
        long days = Duration.between(last, at).toDays();
        return days <= STALE_DAYS ? pass(Check.RECENT_PUBLICATION, at) : fail(Check.RECENT_PUBLICATION, at,
                List.of("Không có tin mới trong " + days + " ngày (tin gần nhất đăng ngày "
                        + DATE.format(last.atZoneSameInstant(ProvinceTime.ZONE)) + ")"));
    }

    private record Publications(OffsetDateTime last, String newestSlug) {
    }

    /** Each site's last publication and its newest Vietnamese article, in one query over the subtree. */
    private Map<Long, Publications> publications(List<Long> ids) {
        Map<Long, Publications> out = new HashMap<>();
        db.read(scopes.sitesOfOneProvince(ids), ctx -> ctx.fetch("""
                SELECT DISTINCT ON (tenant_id) tenant_id, published_at, slug FROM articles
                WHERE status = 'PUBLISHED' AND language = 'vi' AND published_at IS NOT NULL
                ORDER BY tenant_id, published_at DESC"""))
                .forEach(r -> out.put(r.get(0, Long.class), new Publications(r.get(1, OffsetDateTime.class),
                        r.get(2, String.class))));
        return out;
    }

    private void store(Tenant site, List<CheckResult> results, OffsetDateTime at) {
        db.write(TenantScope.of(site.id()), ctx -> {
            ctx.execute("DELETE FROM conformance_results WHERE tenant_id = ?", site.id());
            for (CheckResult r : results) {
                ctx.execute("INSERT INTO conformance_results (tenant_id, check_code, outcome, findings, scanned_at) "
                                + "VALUES (?, ?, ?, ?::text[], ?::timestamptz)", site.id(), r.code(), r.outcome().name(),
                        DSL.val(r.findings().toArray(String[]::new), SQLDataType.CLOB.array()),
                        DSL.val(at, SQLDataType.TIMESTAMPWITHTIMEZONE));
            }
            return null;
        });
    }

    private record Rendered(String label, OwnPages.Fetched fetched) {
    }

    private static List<Rendered> rendered(OwnPages.Fetched home, OwnPages.Fetched article) {
        List<Rendered> list = new ArrayList<>();
        list.add(new Rendered("trang chủ", home));
        if (article != null) {
            list.add(new Rendered("trang bài viết", article));
        }
        return list;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static CheckResult result(Check check, List<String> findings, OffsetDateTime at) {
        return findings.isEmpty() ? pass(check, at) : fail(check, at, findings);
    }

    private static CheckResult pass(Check check, OffsetDateTime at) {
        return CheckResult.of(check, Outcome.PASS, List.of(), at);
    }

    private static CheckResult fail(Check check, OffsetDateTime at, List<String> findings) {
        return CheckResult.of(check, Outcome.FAIL, findings, at);
    }

    private static CheckResult na(Check check, OffsetDateTime at, String why) {
        return CheckResult.of(check, Outcome.NOT_APPLICABLE, List.of(why), at);
    }
}
