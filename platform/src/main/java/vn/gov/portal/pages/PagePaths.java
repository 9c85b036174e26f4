package vn.gov.portal.pages;

import java.util.Set;

/**
 * Public addresses of a site's pages. The introduction, contact and official-channels pages
 * have their own top-level addresses (the mandatory menu and the site map link them); every other
 * page lives under the introduction section, {@code /gioi-thieu/<slug>}.
 */
public final class PagePaths {
    /** The introduction section's own page (ND 224 Đ9): the site's overview and the list of its pages. */
    public static final String INTRODUCTION = "gioi-thieu";
    public static final String CONTACT = "lien-he";
    public static final String CHANNELS = "kenh-thong-tin";
    private static final Set<String> TOP_LEVEL = Set.of(INTRODUCTION, CONTACT, CHANNELS);

    private PagePaths() {
    }

    public static String of(String slug) {
        return TOP_LEVEL.contains(slug) ? "/" + slug : "/" + INTRODUCTION + "/" + slug;
    }

    /** Whether the page has its own address rather than one under /gioi-thieu. */
    public static boolean topLevel(String slug) {
        return TOP_LEVEL.contains(slug);
    }
}
