package vn.gov.portal.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A search of several sites looks back window by window (ArticleSearch.WINDOW_DAYS: the last 3
 * days, then back to 15, 75, 365 days, then the rest); windows wholly outside the visitor's dates
 * are skipped, with a day to spare at each edge.
 */
class SearchWindowsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void withoutDatesNoWindowIsSkipped() {
        for (int w = 0; w <= ArticleSearch.WINDOW_DAYS.length; w++) {
            assertThat(ArticleSearch.outside(NOW, w, null, null)).isFalse();
        }
    }

    @Test
    void windowsAfterTheLastDayOrBeforeTheFirstAreSkipped() {
        // Up to 2026-01-31: only the windows reaching back past 75 days hold such items.
        LocalDate to = LocalDate.of(2026, 1, 31);
        assertThat(ArticleSearch.outside(NOW, 0, null, to)).isTrue();
        assertThat(ArticleSearch.outside(NOW, 1, null, to)).isTrue();
        assertThat(ArticleSearch.outside(NOW, 2, null, to)).isTrue();
        assertThat(ArticleSearch.outside(NOW, 3, null, to)).isFalse();
        assertThat(ArticleSearch.outside(NOW, 4, null, to)).isFalse();
        // From 2026-11-10: the last 15 days only.
        LocalDate from = LocalDate.of(2026, 11, 10);
        assertThat(ArticleSearch.outside(NOW, 0, from, null)).isFalse();
        assertThat(ArticleSearch.outside(NOW, 1, from, null)).isFalse();
        assertThat(ArticleSearch.outside(NOW, 2, from, null)).isTrue();
        assertThat(ArticleSearch.outside(NOW, 3, from, null)).isTrue();
        assertThat(ArticleSearch.outside(NOW, 4, from, null)).isTrue();
    }

    @Test
    void aDayAtTheEdgeIsKept() {
        // The first window starts 3 days ago (2026-11-20 12:00): a search up to the 19th keeps it, a day to spare.
        assertThat(ArticleSearch.outside(NOW, 0, null, LocalDate.of(2026, 11, 19))).isFalse();
        assertThat(ArticleSearch.outside(NOW, 0, null, LocalDate.of(2026, 11, 18))).isTrue();
        // The window of 15 to 75 days ago ends on 2026-11-08 12:00: a search from the 9th keeps it.
        assertThat(ArticleSearch.outside(NOW, 2, LocalDate.of(2026, 11, 9), null)).isFalse();
        assertThat(ArticleSearch.outside(NOW, 2, LocalDate.of(2026, 11, 10), null)).isTrue();
    }
}
