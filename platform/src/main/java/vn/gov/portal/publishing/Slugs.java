package vn.gov.portal.publishing;

import vn.gov.portal.infra.text.VietnameseText;

/** Article addresses: the title folded to ASCII, "Thuế thu nhập cá nhân" → "thue-thu-nhap-ca-nhan". */
public final class Slugs {
    public static final int MAX = 100;

    private Slugs() {
    }

    public static String of(String title) {
        String s = VietnameseText.fold(title).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX) {
            s = s.substring(0, MAX).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "bai-viet" : s;
    }
}
