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
        @Nullable String shortName,
        @Nullable String adminCode,
        @Nullable Long emcSiteId,
        String theme,
        List<String> languages,
        List<String> baseDomains,
        @Nullable Long presetId,
        @Nullable Long mergedIntoId,
        Branding branding,
        OffsetDateTime updatedAt) {

    public boolean isProvince() {
        return kind == TenantKind.PROVINCE;
    }

    /** Logo, colour and the footer every public page must carry (TT 32/2017 Đ16). */
    public record Branding(
            @Nullable String logoUrl,
            @Nullable String primaryColor,
            @Nullable String footerAgency,
            @Nullable String footerResponsible,
            @Nullable String footerAddress,
            @Nullable String footerPhone,
            @Nullable String footerEmail) {
    }
}
