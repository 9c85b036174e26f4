package vn.gov.portal.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.OffsetDateTime;

/**
 * A static page of a site (Giới thiệu, its mandatory pages, Liên hệ, …): the aggregate behind
 * {@link PageRepository}, read by the public site. The board writes pages through
 * {@code pages.PageService}.
 *
 * @param mandatoryKey the preset's key when the page is one the site must have (ND 224 Đ9)
 * @param placeholder  not yet written: never shown to visitors
 * @param reviewedAt   when a board member last confirmed it; null while a placeholder
 */
@MappedEntity("pages")
public record Page(
        @Id @GeneratedValue @Nullable Long id,
        long tenantId,
        String language,
        String slug,
        String title,
        String bodyHtml,
        @DateUpdated @Nullable OffsetDateTime updatedAt,
        @Nullable OffsetDateTime reviewedAt,
        @Nullable String mandatoryKey,
        boolean placeholder) {
}
