package vn.gov.portal.site;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import vn.gov.portal.infra.text.Html;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.tenancy.SiteInitializer;

/** Every site starts with its introduction page (ND 224 Đ9), for its board to complete. */
@Singleton
public class IntroductionPage implements SiteInitializer {
    public static final String SLUG = "gioi-thieu";
    private final PageRepository pages;

    public IntroductionPage(PageRepository pages) {
        this.pages = pages;
    }

    @Override
    public void initialise(CreatedSite site) {
        String name = Html.escape(VietnameseText.nfc(site.name()));
        pages.save(new Page(null, site.id(), "vi", SLUG, "Giới thiệu",
                "<p>Trang giới thiệu " + name + ". Ban Biên tập cập nhật chức năng, nhiệm vụ, cơ cấu tổ chức "
                        + "và thông tin liên hệ.</p>", null, OffsetDateTime.now()));
    }
}
