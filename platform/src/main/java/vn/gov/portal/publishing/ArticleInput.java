package vn.gov.portal.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What a writer sends for an article; every field is checked and normalised before storing. */
@Serdeable
public record ArticleInput(
        @Nullable String title,
        @Nullable String summary,
        @Nullable String bodyHtml,
        @Nullable String kind,
        @Nullable Long categoryId,
        @Nullable List<String> tags,
        @Nullable String featuredImage,
        @Nullable String featuredAlt,
        @Nullable String sourceName,
        @Nullable String sourceAuthor,
        @Nullable LocalDate sourceDate,
        @Nullable OffsetDateTime eventAt,
        @Nullable String language,
        @Nullable Long originalId) {
}
