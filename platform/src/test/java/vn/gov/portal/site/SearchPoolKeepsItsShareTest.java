package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The search pool's duty cycle: under a queue of searches its thread rests after each, so a
 * flood cannot keep a core busy (ops/bench/RESULTS.md, "home-flood"), while a lone search's
 * answer is not held back by the rest.
 */
class SearchPoolKeepsItsShareTest {

    @Test
    void aQueuedSearchStartsOnlyAfterTheThreadRestedAsLongAsTheLastOneTook() throws Exception {
        SearchPool pool = new SearchPool(1, 4, Duration.ofSeconds(10), 0.5);
        try {
            long submitted = System.nanoTime();
            var first = pool.submit(() -> busyFor(300));
            var second = pool.submit(System::nanoTime);
            long firstDone = first.get(10, TimeUnit.SECONDS);
            // The answer came when the work ended, not after the rest.
            assertThat(TimeUnit.NANOSECONDS.toMillis(firstDone - submitted)).isLessThan(1_500);
            long secondStarted = second.get(10, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(secondStarted - firstDone))
                    .as("the rest after a 300 ms search at share 0.5").isGreaterThanOrEqualTo(250);
        } finally {
            pool.close();
        }
    }

    @Test
    void aShareOfOneNeverRestsAndANonsenseShareIsRefused() throws Exception {
        SearchPool pool = new SearchPool(1, 4, Duration.ofSeconds(10), 1.0);
        try {
            var first = pool.submit(() -> busyFor(300));
            var second = pool.submit(System::nanoTime);
            assertThat(TimeUnit.NANOSECONDS.toMillis(second.get(10, TimeUnit.SECONDS) - first.get()))
                    .isLessThan(250);
        } finally {
            pool.close();
        }
        assertThatThrownBy(() -> new SearchPool(1, 4, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Works for {@code millis}, then says when it ended. */
    private static long busyFor(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return System.nanoTime();
    }
}
