package vn.gov.portal.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.List;

/** A site as the rest of the platform sees it: an immutable row of the tenant directory. */
public record Tenant(
        long id,
        @Nullable Long parentId,
        TenantKind kind,
        TenantStatus status,
        String subdomain,
        String name,
        @Nullable String englishName,
        @Nullable String shortName,
        @Nullable String adminCode,
        @Nullable Long emcSiteId,
        String theme,
        List<String> languages,
        List<String> baseDomains,
        @Nullable Long presetId,
        @Nullable Long mergedIntoId,
        Branding branding,
        boolean live,
        OffsetDateTime updatedAt) {

    public boolean isProvince() {
        return kind == TenantKind.PROVINCE;
    }

    /** The agency's name as a page in {@code language} shows it: Vietnamese unless the board gave a translation. */
    public String nameIn(String language) {
        return "vi".equals(language) || englishName == null ? name : englishName;
    }

    /**
     * What the board sets without code (site settings): logo, banner, colour, extra menu entries, the
     * home page's blocks in order, the footer every public page must carry (TT 32/2017 Đ16), and the
     * languages the site offers ({@code null}: all its province's).
     */
    public record Branding(
            @Nullable String logoUrl,
            @Nullable String bannerUrl,
            @Nullable String primaryColor,
            @Nullable String footerAgency,
            @Nullable String footerResponsible,
            @Nullable String footerAddress,
            @Nullable String footerPhone,
            @Nullable String footerEmail,
            List<MenuLink> menu,
            List<String> homeBlocks,
            @Nullable String footerFax,
            @Nullable String footerLicence,
            @Nullable List<String> offeredLanguages) {

        /** Branding without the fax, licence and language choice (V32): what provisioning starts a site with. */
        public Branding(@Nullable String logoUrl, @Nullable String bannerUrl, @Nullable String primaryColor,
                        @Nullable String footerAgency, @Nullable String footerResponsible,
                        @Nullable String footerAddress, @Nullable String footerPhone, @Nullable String footerEmail,
                        List<MenuLink> menu, List<String> homeBlocks) {
            this(logoUrl, bannerUrl, primaryColor, footerAgency, footerResponsible, footerAddress, footerPhone,
                    footerEmail, menu, homeBlocks, null, null, null);
        }

        /** The blocks a home page shows when the board has not chosen. */
        public static final List<String> DEFAULT_HOME_BLOCKS = List.of("featured", "latest", "categories", "pages");

        /** Branding with only the footer set, as provisioning starts a site. */
        public static Branding footer(@Nullable String logoUrl, @Nullable String primaryColor,
                                      @Nullable String agency, @Nullable String responsible,
                                      @Nullable String address, @Nullable String phone, @Nullable String email) {
            return new Branding(logoUrl, null, primaryColor, agency, responsible, address, phone, email, List.of(),
                    DEFAULT_HOME_BLOCKS);
        }

        public boolean shows(String block) {
            return homeBlocks.contains(block);
        }
    }

    /** An extra entry of a site's menu, after the mandatory ones. */
    public record MenuLink(String label, String url) {
    }
}
