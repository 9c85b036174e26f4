package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** The menu every government site must carry, and the HTML site map it links to. */
@SharedApplication
class SiteMapPageTest extends PortalTest {

    @Test
    void everyPageHasTheRequiredMenuItems() {
        for (String host : new String[] {PROVINCE, DEPARTMENT, COMMUNE}) {
            assertThat(get(host, "/").body()).as(host).contains(">Trang chủ<", ">Giới thiệu<",
                    ">Dịch vụ công trực tuyến<", "<a href=\"/so-do-cong\">Sơ đồ cổng</a>");
        }
    }

    @Test
    void theSiteMapListsCategoriesAndOnTheProvinceEveryComponentSite() {
        var dept = get(DEPARTMENT, "/so-do-cong");
        assertThat(dept.statusCode()).isEqualTo(200);
        assertThat(dept.body()).contains("Dự án - Đấu thầu").doesNotContain("Phường Phan Đình Phùng");
        assertThat(get(PROVINCE, "/so-do-cong").body()).contains("//sotaichinh.thainguyen.localhost/",
                "Phường Phan Đình Phùng", "Xã Văn Lăng");
    }
}
