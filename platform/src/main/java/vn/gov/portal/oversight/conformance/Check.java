package vn.gov.portal.oversight.conformance;

/**
 * What the ministry's evaluation looks at on every site (REQUIREMENTS.md §7), as the scan checks
 * it. The codes are stable: they are stored with each result, filtered on and named in the API.
 */
public enum Check {
    EMC_ID("Có mã EMC của trang", "TT 22/2023/TT-BTTTT"),
    EMC_SCRIPT("Trang hiển thị mã theo dõi EMC", "TT 22/2023/TT-BTTTT"),
    DUBLIN_CORE("Siêu dữ liệu Dublin Core đủ sáu yếu tố bắt buộc", "TT 24/2011/TT-BTTTT"),
    MANDATORY_PAGES("Đủ các trang giới thiệu bắt buộc, đã viết", "NĐ 224/2026/NĐ-CP Điều 9, Điều 10.3"),
    PAGES_REVIEWED("Trang bắt buộc được rà soát trong 12 tháng", "NĐ 224/2026/NĐ-CP Điều 9"),
    FOOTER("Chân trang đủ thông tin", "TT 32/2017/TT-BTTTT Điều 16; TT 22/2023/TT-BTTTT"),
    PROVINCE_LINK("Trang chủ Cổng tỉnh liên kết tới trang", "NĐ 224/2026/NĐ-CP Điều 11.1; TT 32/2017/TT-BTTTT Điều 16"),
    RECENT_PUBLICATION("Có tin mới trong " + ConformanceScan.STALE_DAYS + " ngày", "NĐ 224/2026/NĐ-CP Điều 9");

    private final String title;
    private final String legalBasis;

    Check(String title, String legalBasis) {
        this.title = title;
        this.legalBasis = legalBasis;
    }

    public String title() {
        return title;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** The check of a stored or asked-for code, or null. */
    public static Check of(String code) {
        for (Check c : values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return null;
    }
}
