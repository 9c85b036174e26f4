package vn.gov.portal.demo;

import static vn.gov.portal.db.Tables.PAGES;
import static vn.gov.portal.db.Tables.PAGE_REVISIONS;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Query;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.text.Html;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.pages.MandatoryPageGaps;
import vn.gov.portal.publishing.HtmlPolicy;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * The demo's sites are live, so the demo writes their mandatory pages (ND 224 Đ9, Đ10.3) as a
 * board would: sample text that says it is one, in every page a site of that kind must have,
 * wherever a page is still a placeholder or missing (sites made before the pages existed, or added
 * by {@code ops/seed}), on the live sites of the demo province only. Written pages are never
 * touched, so a demo board's edits stay. One audit
 * entry per site ({@code page.seeded}), as the article seed does.
 *
 * <p>No page-cache eviction: this runs at start-up (or in {@code ops/seed}'s own process, which the
 * README says to follow with a restart), before anything is cached.
 */
@Singleton
public class DemoPages {
    static final String ACTOR = "system:demo";
    private static final String SAMPLE = "<p><em>Nội dung mẫu cho bản trình diễn.</em></p>";

    private final TenantDb db;
    private final MandatoryPageGaps gaps;
    private final AuditLog audit;
    private final Clock clock;
    private final TenantScopes scopes;

    public DemoPages(TenantDb db, MandatoryPageGaps gaps, AuditLog audit, Clock clock,
                     TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.gaps = gaps;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes every unwritten mandatory page of the province and its sites; returns how many. */
    public int ensure(Tenant province, DirectorySnapshot dir) {
        // Live sites only: a site the province made through the console since is not live yet, and its
        // pages are its board's to write (going live waits for them), not the demo's.
        List<Tenant> sites = dir.subtreeIds(province).stream().map(dir::byId).filter(Tenant::live).toList();
        Map<Long, List<MandatoryPageGaps.Gap>> unwritten = gaps.unwritten(sites);
        if (unwritten.isEmpty()) {
            return 0;
        }
        return db.write(scopes.sitesOfOneProvince(unwritten.keySet()), ctx -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Query> writes = new ArrayList<>();
            for (var entry : unwritten.entrySet()) {
                Tenant site = dir.byId(entry.getKey());
                for (MandatoryPageGaps.Gap gap : entry.getValue()) {
                    String body = HtmlPolicy.sanitise(VietnameseText.nfc(text(gap.key(), gap.title(), site)));
                    writes.add(gap.state() == MandatoryPageGaps.State.MISSING
                            ? ctx.insertInto(PAGES).set(PAGES.TENANT_ID, site.id()).set(PAGES.LANGUAGE, "vi")
                                    .set(PAGES.SLUG, gap.slug()).set(PAGES.TITLE, gap.title()).set(PAGES.BODY_HTML, body)
                                    .set(PAGES.MANDATORY_KEY, gap.key()).set(PAGES.PLACEHOLDER, false)
                                    .set(PAGES.UPDATED_AT, now).set(PAGES.REVIEWED_AT, now)
                            : ctx.update(PAGES).set(PAGES.BODY_HTML, body).set(PAGES.PLACEHOLDER, false)
                                    .set(PAGES.UPDATED_AT, now).set(PAGES.REVIEWED_AT, now)
                                    .where(PAGES.TENANT_ID.eq(site.id()), PAGES.LANGUAGE.eq("vi"),
                                            PAGES.MANDATORY_KEY.eq(gap.key()), PAGES.PLACEHOLDER.isTrue(),
                                            // a board's draft of it is the board's, not the demo's to replace
                                            PAGES.REVISION.eq(0)));
                }
                audit.record(ctx, site.id(), ACTOR, "page.seeded", "pages:" + entry.getValue().size(), null);
            }
            ctx.batch(writes).execute();
            // What the demo wrote is public as its approved revision 1 (written by the platform, as a
            // new site's introduction is), so the demo's pages have a history to compare a change with.
            ctx.insertInto(PAGE_REVISIONS, PAGE_REVISIONS.TENANT_ID, PAGE_REVISIONS.PAGE_ID, PAGE_REVISIONS.REVISION,
                            PAGE_REVISIONS.SAVED_AT, PAGE_REVISIONS.NOTE, PAGE_REVISIONS.TITLE, PAGE_REVISIONS.BODY_HTML)
                    .select(ctx.select(PAGES.TENANT_ID, PAGES.ID, DSL.inline(1), PAGES.UPDATED_AT,
                                    DSL.inline("demo sample"), PAGES.TITLE, PAGES.BODY_HTML).from(PAGES)
                            .where(PAGES.TENANT_ID.in(unwritten.keySet()), PAGES.REVISION.eq(0),
                                    PAGES.PLACEHOLDER.isFalse()))
                    .execute();
            ctx.update(PAGES).set(PAGES.REVISION, 1).set(PAGES.PUBLISHED_REVISION, 1).set(PAGES.STATUS, "PUBLISHED")
                    .where(PAGES.TENANT_ID.in(unwritten.keySet()), PAGES.REVISION.eq(0), PAGES.PLACEHOLDER.isFalse())
                    .execute();
            return writes.size();
        });
    }

    /** A sample page: what such a page holds, naming the site, and saying it is sample text. */
    static String text(String key, String title, Tenant site) {
        String name = Html.escape(site.name());
        String email = site.branding().footerEmail() == null ? "" : " Thư điện tử: "
                + Html.escape(site.branding().footerEmail()) + ".";
        String body = switch (key) {
            case "org_chart" -> "<p>Cơ cấu tổ chức của " + name + ":</p><ul><li>Lãnh đạo: người đứng đầu và các cấp "
                    + "phó.</li><li>Văn phòng, Thanh tra và các phòng chuyên môn, nghiệp vụ.</li>"
                    + "<li>Các đơn vị sự nghiệp trực thuộc.</li></ul>";
            case "unit_functions" -> "<p>" + name + " tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về lĩnh vực "
                    + "được giao.</p><h2>Văn phòng</h2><p>Tổng hợp, hành chính, tổ chức cán bộ.</p>"
                    + "<h2>Các phòng chuyên môn</h2><p>Tham mưu từng lĩnh vực theo quyết định phân công.</p>";
            case "history" -> "<p>Những mốc hình thành và phát triển của " + name + ": thành lập, các lần sắp xếp, "
                    + "hợp nhất theo chủ trương của Trung ương và của tỉnh, và tổ chức hiện nay từ năm 2025.</p>";
            case "leaders" -> "<p>Lãnh đạo " + name + ":</p><table><thead><tr><th>Họ và tên</th><th>Chức vụ</th>"
                    + "<th>Nhiệm vụ được phân công</th></tr></thead><tbody><tr><td>(dữ liệu mẫu)</td>"
                    + "<td>Người đứng đầu</td><td>Phụ trách chung</td></tr><tr><td>(dữ liệu mẫu)</td><td>Cấp phó</td>"
                    + "<td>Phụ trách các lĩnh vực được phân công</td></tr></tbody></table>";
            case "apparatus" -> "<p>Tổ chức bộ máy chính quyền địa phương của " + name + ": Hội đồng nhân dân, "
                    + "Ủy ban nhân dân và các cơ quan chuyên môn, đơn vị trực thuộc.</p>";
            case "boundary_map" -> "<p>Bản đồ địa giới hành chính của " + name + ", diện tích tự nhiên, các đơn vị "
                    + "hành chính trực thuộc và các địa phương giáp ranh.</p>";
            case "nature" -> "<p>Vị trí địa lý, địa hình, khí hậu và tài nguyên thiên nhiên của " + name + ".</p>";
            case "culture" -> "<p>Di tích, lễ hội truyền thống và danh thắng của " + name + ".</p>";
            case "financial_report" -> "<p>Báo cáo tài chính năm 2025 của " + name + " theo Luật Kế toán.</p>";
            case "disclosure_list" -> "<p>Danh mục thông tin " + name + " phải công khai:</p><ul><li>Văn bản quy phạm "
                    + "pháp luật, văn bản chỉ đạo điều hành.</li><li>Thủ tục hành chính.</li><li>Báo cáo tài chính "
                    + "năm.</li><li>Kế hoạch, chương trình, dự án.</li></ul>";
            case "access_to_information" -> "<p>Công dân yêu cầu cung cấp thông tin gửi phiếu yêu cầu đến Văn phòng "
                    + name + ", trực tiếp hoặc qua thư điện tử." + email + "</p>";
            case "official_channels" -> "<p>Ngoài trang thông tin điện tử này, " + name + " không có kênh mạng xã hội "
                    + "chính thức nào khác.</p>";
            default -> "<p>" + Html.escape(title) + " — " + name + ".</p>";
        };
        return body + SAMPLE;
    }
}
