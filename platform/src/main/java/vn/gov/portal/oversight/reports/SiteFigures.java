package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.tenancy.Tenant;

/**
 * Mẫu 01's figures for one site, from the platform's own data: each preset field names its
 * {@code source}, and each source the platform can count has one method here, which also says on
 * what the figure rests. A source it cannot count (legal documents, procedures, statistics…: the
 * registries later features build) is {@link Figure#noData}, never a number.
 *
 * <p>Read in the site's own scope, so a figure can only ever count that site's rows.
 */
@Singleton
public class SiteFigures {
    /** The category every kind of site starts with (DefaultCategories), by its address. */
    static final String LAW_CATEGORY = "pho-bien-phap-luat";
    /** The pages the mandatory-pages feature names by these addresses (ND 224/2026 Đ9). */
    static final String FINANCIAL_REPORT_PAGE = "bao-cao-tai-chinh";
    static final String DISCLOSURE_LIST_PAGE = "danh-muc-thong-tin-cong-khai";
    static final String INTRODUCTION_PAGE = "gioi-thieu";
    static final String CHANNELS_PAGE = "kenh-thong-tin";
    /** How every introduction page starts until a board rewrites it (the text site creation puts there). */
    static final String INTRODUCTION_STUB = "<p>Trang giới thiệu ";
    private static final Pattern LINK = Pattern.compile("href=\"(https?://[^\"]+)\"");

    /** Why a column has no figure yet: the feature that will feed it. */
    private static final Map<String, String> NOT_YET = Map.of(
            "legal_documents", "Nền tảng chưa có sổ văn bản quy phạm pháp luật để đếm số đã đăng và tổng số.",
            "administrative_documents", "Nền tảng chưa có sổ văn bản quản lý hành chính để đếm số đã đăng và tổng số.",
            "procedures_integrated", "Nền tảng chưa kết nối Cổng Dịch vụ công để biết thủ tục hành chính được tích hợp.",
            "plans", "Nền tảng chưa có sổ chiến lược, chương trình, kế hoạch để đếm số đã đăng và tổng số.",
            "public_investment", "Nền tảng chưa có sổ dự án đầu tư công, mua sắm công để đếm số đã đăng và tổng số.",
            "statistics", "Nền tảng chưa có mục thông tin thống kê để biết có đăng hay không.",
            "science", "Nền tảng chưa có mục thông tin khoa học và công nghệ để biết có đăng hay không.",
            "epidemics", "Nền tảng chưa có mục thông tin dịch bệnh để biết có đăng hay không.");

    private final TenantDb db;

    public SiteFigures(TenantDb db) {
        this.db = db;
    }

    /** The figures and the extras of one site over [from, to). */
    public record Filled(Map<String, Figure> figures, List<Extra> extras) {
    }

    /** {@code presetId}: the province's, whose mandatory pages (V18) the site's kind must publish. */
    public Filled fill(Tenant site, long presetId, List<ReportField> fields, OffsetDateTime from, OffsetDateTime to) {
        return db.read(TenantScope.of(site.id()), ctx -> {
            Map<String, MandatoryPage> pages = mandatoryPages(ctx, site, presetId);
            Map<String, Figure> figures = new LinkedHashMap<>();
            for (ReportField f : fields) {
                if (f.answer() != ReportField.Answer.TEXT) {
                    figures.put(f.no(), figure(ctx, site, pages, f, from, to));
                }
            }
            return new Filled(figures, extras(ctx, site, from, to));
        });
    }

    private Figure figure(DSLContext ctx, Tenant site, Map<String, MandatoryPage> pages, ReportField f,
                          OffsetDateTime from, OffsetDateTime to) {
        String source = f.source() == null ? "" : f.source();
        Figure figure = switch (source) {
            case "law_dissemination_items" -> lawDissemination(ctx, site.id(), f.no(), from, to);
            case "organisation_info" -> organisationInfo(ctx, site.id(), pages, f.no());
            case "financial_report" -> pageOfItsOwn(ctx, site.id(), pages, f.no(), "financial_report",
                    FINANCIAL_REPORT_PAGE, "Báo cáo tài chính năm");
            case "disclosure_list" -> pageOfItsOwn(ctx, site.id(), pages, f.no(), "disclosure_list",
                    DISCLOSURE_LIST_PAGE, "Danh mục thông tin phải công khai");
            case "information_channels" -> channels(ctx, site, f.no());
            default -> Figure.noData(f.no(), NOT_YET.getOrDefault(source, "Nền tảng không có số liệu cho cột này."));
        };
        return fits(f, figure) ? figure : Figure.noData(f.no(), "Câu trả lời của nền tảng không khớp loại cột.");
    }

    /** A province may edit a field's answer; a figure of another kind is not shown in its place. */
    private static boolean fits(ReportField f, Figure figure) {
        if (figure.noData()) {
            return true;
        }
        return switch (f.answer()) {
            case COUNT -> figure.value() != null;
            case YES_NO -> figure.value() == null;
            default -> false;
        };
    }

    /**
     * (5) Items of law dissemination published in the period: the board marks them by filing them in
     * the category "Phổ biến pháp luật" (or one under it) or by the item's kind LAW_DISSEMINATION
     * (API). Translations are the same item. With neither the category nor an item of that kind ever,
     * nothing tells them apart, so there is no figure.
     */
    private static Figure lawDissemination(DSLContext ctx, long site, String no, OffsetDateTime from,
                                           OffsetDateTime to) {
        var r = ctx.fetchOne("""
                WITH RECURSIVE law AS (
                  SELECT id FROM categories WHERE tenant_id = ? AND slug = ?
                  UNION ALL
                  SELECT c.id FROM categories c JOIN law ON c.parent_id = law.id WHERE c.tenant_id = ?)
                SELECT (SELECT count(*) FROM law) AS categories,
                       EXISTS (SELECT 1 FROM articles WHERE tenant_id = ? AND kind = 'LAW_DISSEMINATION') AS kinds,
                       (SELECT count(*) FROM articles a
                        WHERE a.tenant_id = ? AND a.status = 'PUBLISHED' AND a.original_id IS NULL
                          AND a.published_at >= ?::timestamptz AND a.published_at < ?::timestamptz
                          AND (a.kind = 'LAW_DISSEMINATION' OR a.category_id IN (SELECT id FROM law))) AS items""",
                site, LAW_CATEGORY, site, site, site, from, to);
        if (r.get("categories", Long.class) == 0 && !r.get("kinds", Boolean.class)) {
            return Figure.noData(no, "Trang không có chuyên mục \"Phổ biến pháp luật\" và chưa có tin bài nào "
                    + "được đánh dấu loại phổ biến pháp luật.");
        }
        return Figure.count(no, r.get("items", Long.class), "Tin bài đăng trong kỳ thuộc chuyên mục "
                + "\"Phổ biến pháp luật\" hoặc được đánh dấu loại phổ biến pháp luật (không kể bản dịch).");
    }

    /** A mandatory page of the site's kind (V18): its title, and whether the site has it written. */
    record MandatoryPage(String key, String title, State state) {
        enum State { MISSING, PLACEHOLDER, WRITTEN }
    }

    /** Mandatory pages that are not about the organisation: each has a column of its own, or none in the annex. */
    static final Set<String> NOT_ORGANISATION = Set.of("financial_report", "disclosure_list", "official_channels",
            "access_to_information");

    /** The mandatory pages the preset asks of the site's kind, by key, in the preset's order; empty if none. */
    private static Map<String, MandatoryPage> mandatoryPages(DSLContext ctx, Tenant site, long presetId) {
        Map<String, MandatoryPage> pages = new LinkedHashMap<>();
        ctx.fetch("""
                SELECT m.page_key, coalesce(p.title, m.title) AS title, p.id IS NULL AS missing,
                       coalesce(p.placeholder, false) AS placeholder, p.body_html
                FROM preset_mandatory_pages m
                LEFT JOIN pages p ON p.tenant_id = ? AND p.language = 'vi' AND p.mandatory_key = m.page_key
                WHERE m.preset_id = ? AND m.tenant_kind = ?
                ORDER BY m.position, m.page_key""", site.id(), presetId, site.kind().name())
                .forEach(r -> {
                    MandatoryPage.State state = r.get("missing", Boolean.class) ? MandatoryPage.State.MISSING
                            : r.get("placeholder", Boolean.class) || !written(r.get("body_html", String.class))
                            ? MandatoryPage.State.PLACEHOLDER : MandatoryPage.State.WRITTEN;
                    pages.put(r.get("page_key", String.class), new MandatoryPage(r.get("page_key", String.class),
                            r.get("title", String.class), state));
                });
        return pages;
    }

    /**
     * (8) Organisation information complete: every mandatory page of the site's kind about the
     * organisation (apparatus or organisation chart, functions, boundary map, nature, history,
     * culture, leaders: ND 224/2026 Đ9, what the annex's column lists) is written. A preset that
     * lists none falls back on the introduction page written by the board (not the sentence site
     * creation puts there). The one place to change what (8) means.
     */
    static Figure organisationInfo(DSLContext ctx, long site, Map<String, MandatoryPage> pages, String no) {
        List<MandatoryPage> about = pages.values().stream().filter(p -> !NOT_ORGANISATION.contains(p.key())).toList();
        if (!about.isEmpty()) {
            List<String> unwritten = about.stream().filter(p -> p.state() != MandatoryPage.State.WRITTEN)
                    .map(MandatoryPage::title).toList();
            String titles = String.join(", ", about.stream().map(MandatoryPage::title).toList());
            return unwritten.isEmpty() ? Figure.yesNo(no, true, "Các trang bắt buộc về tổ chức đều đã viết: " + titles + ".")
                    : Figure.yesNo(no, false, "Trang bắt buộc chưa viết: " + String.join(", ", unwritten) + ".");
        }
        String body = page(ctx, site, INTRODUCTION_PAGE);
        if (body == null) {
            return Figure.yesNo(no, false, "Trang không có trang Giới thiệu (/gioi-thieu).");
        }
        if (!written(body) || body.strip().startsWith(INTRODUCTION_STUB)) {
            return Figure.yesNo(no, false, "Trang Giới thiệu (/gioi-thieu) vẫn là nội dung tạo sẵn, Ban Biên tập chưa viết.");
        }
        return Figure.yesNo(no, true, "Trang Giới thiệu (/gioi-thieu) do Ban Biên tập viết.");
    }

    /**
     * (9), (13): the mandatory page that holds it. Written: Có; made but not written (a
     * placeholder): Không. A site without it (a preset that does not ask for it) may publish it
     * elsewhere, an article or a file: then the page at its usual address decides, and without one
     * there is no figure.
     */
    private static Figure pageOfItsOwn(DSLContext ctx, long site, Map<String, MandatoryPage> pages, String no,
                                       String key, String slug, String title) {
        MandatoryPage mandatory = pages.get(key);
        if (mandatory != null && mandatory.state() != MandatoryPage.State.MISSING) {
            return mandatory.state() == MandatoryPage.State.WRITTEN
                    ? Figure.yesNo(no, true, "Trang \"" + mandatory.title() + "\" đã có nội dung.")
                    : Figure.yesNo(no, false, "Trang bắt buộc \"" + mandatory.title() + "\" chưa viết.");
        }
        String body = page(ctx, site, slug);
        if (body == null) {
            return Figure.noData(no, "Trang chưa có trang \"" + title + "\" (/gioi-thieu/" + slug
                    + ") để biết đã công khai hay chưa.");
        }
        return written(body) ? Figure.yesNo(no, true, "Trang \"" + title + "\" đã có nội dung.")
                : Figure.yesNo(no, false, "Trang \"" + title + "\" chưa có nội dung.");
    }

    /**
     * (14) Information channels published on the site: what its page "Kênh thông tin" shows for
     * every site (its own address, RSS, the open-data API, its e-mail when the footer has one) and
     * each distinct link the board lists there (social networks, Zalo…). The portals above it are
     * other agencies' channels and are not counted.
     */
    private static Figure channels(DSLContext ctx, Tenant site, String no) {
        List<String> named = new ArrayList<>(List.of("địa chỉ trang", "RSS", "API dữ liệu mở"));
        if (site.branding().footerEmail() != null && !site.branding().footerEmail().isBlank()) {
            named.add("thư điện tử " + site.branding().footerEmail());
        }
        String body = page(ctx, site.id(), CHANNELS_PAGE);
        Set<String> links = new LinkedHashSet<>();
        if (body != null) {
            Matcher m = LINK.matcher(body);
            while (m.find()) {
                links.add(m.group(1).replace("&amp;", "&").replaceAll("/+$", ""));
            }
        }
        named.addAll(links);
        return Figure.count(no, named.size(), "Trang Kênh thông tin (/kenh-thong-tin): " + String.join("; ", named)
                + ".");
    }

    private static List<Extra> extras(DSLContext ctx, Tenant site, OffsetDateTime from, OffsetDateTime to) {
        List<Extra> extras = new ArrayList<>();
        extras.add(new Extra("Tin bài đăng trong kỳ (mọi chuyên mục, không kể bản dịch)", ctx.fetchOne("""
                SELECT count(*) FROM articles WHERE tenant_id = ? AND status = 'PUBLISHED' AND original_id IS NULL
                  AND published_at >= ?::timestamptz AND published_at < ?::timestamptz""", site.id(), from, to).get(0, Long.class)));
        if (site.parentId() != null) {
            extras.add(new Extra("Tin bài cung cấp cho Cổng cấp trên được chấp nhận trong kỳ", ctx.fetchOne("""
                    SELECT count(*) FROM proposals WHERE tenant_id = ? AND status = 'ACCEPTED'
                      AND decided_at >= ?::timestamptz AND decided_at < ?::timestamptz""", site.id(), from, to).get(0, Long.class)));
        }
        return extras;
    }

    /** The Vietnamese page at {@code slug}'s body, or null when the site has no such page. */
    private static @Nullable String page(DSLContext ctx, long site, String slug) {
        var r = ctx.fetchOne("SELECT body_html FROM pages WHERE tenant_id = ? AND language = 'vi' AND slug = ?", site,
                slug);
        return r == null ? null : r.get(0, String.class);
    }

    /** Some text once the markup is taken away. */
    private static boolean written(@Nullable String html) {
        return html != null && !html.replaceAll("<[^>]*>", "").replace("&nbsp;", " ").isBlank();
    }
}
