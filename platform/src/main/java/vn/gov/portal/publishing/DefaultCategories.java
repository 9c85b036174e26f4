package vn.gov.portal.publishing;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.tenancy.SiteInitializer;
import vn.gov.portal.tenancy.TenantKind;

/**
 * Every new site starts with the categories its kind publishes (REQUIREMENTS.md §2): the board
 * renames or adds to them later.
 */
@Singleton
public class DefaultCategories implements SiteInitializer {
    static final Map<TenantKind, List<String>> BY_KIND = Map.of(
            TenantKind.PROVINCE, List.of("Tin tức - Sự kiện", "Chỉ đạo điều hành", "Văn bản", "Thông báo",
                    "Phổ biến pháp luật", "Tin từ các đơn vị"),
            TenantKind.DEPARTMENT, List.of("Tin tức - Sự kiện", "Văn bản", "Thông báo", "Phổ biến pháp luật",
                    "Dự án - Đấu thầu", "Thống kê"),
            TenantKind.DISTRICT, List.of("Tin tức - Sự kiện", "Văn bản", "Thông báo", "Phổ biến pháp luật"),
            TenantKind.COMMUNE, List.of("Tin tức - Sự kiện", "Thông báo", "Văn bản", "Phổ biến pháp luật",
                    "Lịch tiếp công dân"),
            TenantKind.WARD, List.of("Tin tức - Sự kiện", "Thông báo", "Văn bản", "Phổ biến pháp luật",
                    "Lịch tiếp công dân"));

    private final TenantDb db;

    public DefaultCategories(TenantDb db) {
        this.db = db;
    }

    @Override
    public void initialise(CreatedSite site) {
        // Runs inside the creating transaction, whose scope already includes the new site.
        db.joining(ctx -> {
            List<String> names = BY_KIND.getOrDefault(site.kind(), List.of());
            for (int i = 0; i < names.size(); i++) {
                Categories.insert(ctx, site.id(), names.get(i), null, i);
            }
            return null;
        });
    }
}
