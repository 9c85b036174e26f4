package vn.gov.portal.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.OffsetDateTime;

/** A static page of a site (Giới thiệu, Liên hệ, …): the aggregate behind {@link PageRepository}. */
@MappedEntity("pages")
public record Page(
        @Id @GeneratedValue @Nullable Long id,
        long tenantId,
        String language,
        String slug,
        String title,
        String bodyHtml,
        @DateUpdated @Nullable OffsetDateTime updatedAt,
        OffsetDateTime reviewedAt) {
}
