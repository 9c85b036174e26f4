package vn.gov.portal.pages;

/**
 * One page a kind of site must publish about itself (ND 224/2026 Đ9, Đ10.3), as its province's
 * regulation preset lists it ({@code preset_mandatory_pages}).
 *
 * @param key        the stable name other features use ({@code org_chart}, {@code financial_report}…)
 * @param slug       the page's address: {@code /gioi-thieu/<slug>}, see {@link PagePaths}
 * @param title      the Vietnamese title it starts with
 * @param guidance   what the page must hold, for the board writing it
 * @param legalBasis the article it comes from
 */
public record MandatoryPage(String key, String slug, String title, String guidance, int position,
                            String legalBasis) {

    /** Where visitors find it. */
    public String path() {
        return PagePaths.of(slug);
    }
}
