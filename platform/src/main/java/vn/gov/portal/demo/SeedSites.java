package vn.gov.portal.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.gov.portal.tenancy.SubdomainRules;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;

/**
 * Extra component sites for a seeded demo: provincial agencies that are not among the 14
 * departments, then communes and wards named after units of Thái Nguyên and Bắc Kạn that the
 * 2025 reorganisation merged away. Plausible names for load and layout tests, not the real
 * list (that is demo/thainguyen_units.csv): they get no official code, and their footer says
 * "dữ liệu mẫu".
 */
final class SeedSites {
    private SeedSites() {
    }

    private static final List<String> AGENCIES = List.of(
            "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
            "Báo và Phát thanh, Truyền hình Thái Nguyên", "Trung tâm Phục vụ hành chính công tỉnh",
            "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Quỹ Đầu tư phát triển tỉnh", "Trường Chính trị tỉnh",
            "Bảo hiểm xã hội tỉnh", "Thuế tỉnh Thái Nguyên", "Kho bạc Nhà nước khu vực", "Liên minh Hợp tác xã tỉnh",
            "Trung tâm Xúc tiến đầu tư tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh", "Vườn Quốc gia Ba Bể",
            "Ban Quản lý Khu du lịch Hồ Núi Cốc");

    /** Short labels for the agencies whose folded names would be long. */
    private static final List<String> AGENCY_LABELS = List.of(
            "congan", "bchqs", "vpdbqhhdnd", "baoptth", "hanhchinhcong", "bqldaxd", "quydautu", "truongchinhtri",
            "bhxh", "thue", "khobac", "lienminhhtx", "xuctiendautu", "cdc", "vuonquocgiababe", "honuicoc");

    private static final List<String> WARDS = List.of(
            "Hoàng Văn Thụ", "Trưng Vương", "Quang Trung", "Đồng Quang", "Túc Duyên", "Tân Thịnh", "Thịnh Đán",
            "Tân Lập", "Quang Vinh", "Quán Triều", "Tân Long", "Cam Giá", "Hương Sơn", "Phú Xá", "Trung Thành",
            "Tân Thành", "Đồng Bẩm", "Chùa Hang", "Thịnh Đức", "Phúc Hà", "Ba Hàng", "Bãi Bông", "Bách Quang",
            "Cải Đan", "Lương Sơn", "Mỏ Chè", "Phố Cò", "Thắng Lợi", "Đồng Tiến", "Đức Xuân", "Nguyễn Thị Minh Khai");

    private static final List<String> COMMUNES = List.of(
            "Hùng Sơn", "Quân Chu", "Cù Vân", "Hà Thượng", "Tân Thái", "Phục Linh", "Bình Thuận", "Khôi Kỳ",
            "Mỹ Yên", "Lục Ba", "Vạn Thọ", "Tiên Hội", "Bản Ngoại", "Hoàng Nông", "Phú Xuyên", "Yên Lãng",
            "Minh Tiến", "Phú Cường", "Na Mao", "Phú Thịnh", "Ký Phú", "Cát Nê", "Yên Trạch", "Yên Ninh", "Yên Đổ",
            "Ôn Lương", "Phủ Lý", "Phấn Mễ", "Tức Tranh", "Cổ Lũng", "Động Đạt", "Bảo Cường", "Bảo Linh",
            "Tân Dương", "Điềm Mặc", "Sơn Phú", "Thanh Định", "Định Biên", "Lam Vỹ", "Quy Kỳ", "Linh Thông",
            "Trung Lương", "Đình Cả", "La Hiên", "Tràng Xá", "Phương Giao", "Bình Long", "Liên Minh", "Lâu Thượng",
            "Cúc Đường", "Thần Sa", "Nghinh Tường", "Vũ Chấn", "Hóa Thượng", "Hóa Trung", "Cây Thị", "Văn Hán",
            "Minh Lập", "Khe Mo", "Quang Sơn", "Tân Lợi", "Úc Kỳ", "Nhã Lộng", "Bảo Lý", "Xuân Phương", "Kha Sơn",
            "Thanh Ninh", "Dương Thành", "Lương Phú", "Tân Đức", "Tân Khánh", "Bàn Đạt", "Đào Xá", "Hà Châu",
            "Nga My", "Thượng Đình", "Hồng Tiến", "Đắc Sơn", "Nam Tiến", "Tân Hương", "Tiên Phong", "Thuận Thành",
            "Đông Cao", "Minh Đức", "Phúc Tân", "Phúc Thuận", "Thành Công", "Vạn Phái", "Bá Xuyên", "Bình Sơn",
            "Vinh Sơn", "Châu Sơn", "Tân Quang", "Quảng Khê", "Cao Thượng", "Khang Ninh", "Nam Mẫu", "Mỹ Phương",
            "Đồng Phúc", "Hà Hiệu", "Bành Trạch", "Phúc Lộc", "Chu Hương", "Yến Dương", "Địa Linh", "Cao Trĩ",
            "Xuân Lạc", "Bằng Lãng", "Nam Cường", "Quảng Bạch", "Đồng Lạc", "Ngọc Phái", "Lương Bằng", "Bình Trung");

    private static final Tenant.Branding DEMO = Tenant.Branding.footer(null, null, null, "Trưởng Ban Biên tập",
            "(dữ liệu mẫu)", "(dữ liệu mẫu)", null);

    /**
     * Up to {@code count} new sites whose labels are not in {@code taken}: agencies first, then
     * wards and communes interleaved, in a fixed order, so repeated runs add the same sites.
     */
    static List<TenantProvisioning.NewSite> next(int count, Set<String> taken) {
        Set<String> used = new HashSet<>(taken);
        List<TenantProvisioning.NewSite> out = new ArrayList<>();
        List<TenantProvisioning.NewSite> candidates = new ArrayList<>();
        for (int i = 0; i < AGENCIES.size(); i++) {
            candidates.add(site(TenantKind.DEPARTMENT, AGENCIES.get(i), AGENCY_LABELS.get(i)));
        }
        for (int i = 0; i < Math.max(WARDS.size(), COMMUNES.size()); i++) {
            if (i < WARDS.size()) {
                String name = "Phường " + WARDS.get(i);
                candidates.add(site(TenantKind.WARD, name, SubdomainRules.suggest(name)));
            }
            if (i < COMMUNES.size()) {
                String name = "Xã " + COMMUNES.get(i);
                candidates.add(site(TenantKind.COMMUNE, name, SubdomainRules.suggest(name)));
            }
        }
        for (TenantProvisioning.NewSite s : candidates) {
            if (out.size() == count) {
                break;
            }
            // A label that folds like an existing one (Văn Lăng / Văn Lang) is skipped, not suffixed.
            if (SubdomainRules.violation(s.subdomain()).isEmpty() && used.add(s.subdomain())) {
                out.add(s);
            }
        }
        return out;
    }

    /** How many sites {@link #next} can offer at most. */
    static int capacity() {
        return AGENCIES.size() + WARDS.size() + COMMUNES.size();
    }

    private static TenantProvisioning.NewSite site(TenantKind kind, String name, String label) {
        return new TenantProvisioning.NewSite(kind, label, name, null, null,
                Tenant.Branding.footer(DEMO.logoUrl(), DEMO.primaryColor(), name, DEMO.footerResponsible(),
                        DEMO.footerAddress(), DEMO.footerPhone(), DEMO.footerEmail()));
    }
}
