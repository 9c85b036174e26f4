package vn.gov.portal.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article as the API answers it; {@code url} is its public address once published. Its
 * content is the public version; {@code pendingRevision} (with who and when) names a change
 * waiting for review, readable at {@code /api/v1/articles/{id}/pending}.
 */
@Serdeable
public record ArticleView(
        long id,
        String status,
        String kind,
        String language,
        String title,
        String slug,
        @Nullable String url,
        String summary,
        String bodyHtml,
        @Nullable Long categoryId,
        List<String> tags,
        @Nullable String featuredImage,
        @Nullable String featuredAlt,
        @Nullable String sourceName,
        @Nullable String sourceAuthor,
        @Nullable LocalDate sourceDate,
        @Nullable OffsetDateTime eventAt,
        @Nullable OffsetDateTime publishAt,
        @Nullable OffsetDateTime publishedAt,
        @Nullable String reviewReason,
        int revision,
        @Nullable Integer pendingRevision,
        @Nullable Long pendingBy,
        @Nullable OffsetDateTime pendingAt) {
}
