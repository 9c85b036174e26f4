package vn.gov.portal.site;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads searches that read the database run on: at most {@code portal.search.threads} at
 * once (default: half the cores, at least one), at most {@code portal.search.queue} waiting
 * (default 8); a search beyond that, or one that waited longer than {@code
 * portal.search.max-wait} for its turn, is refused ({@link Busy}: 503 with Retry-After).
 *
 * <p>WHY a pool of its own: a search costs tens of milliseconds of database and CPU when its
 * results are not cached, a page view one. On the shared blocking executor (32 threads) a flood
 * of searches took every thread and both cores, and every other page that was not a cache hit
 * queued behind them (ops/bench/RESULTS.md, "Search under load"). Here a flood waits in a short
 * queue of its own and is then turned away, while the rest of the site keeps its threads and the
 * cores the pool does not use: a search keeps about one core busy (its thread, then its
 * PostgreSQL backend), so half the cores leaves the other half to every other page. Waiting
 * requests hold no thread: the controller hands the search over and returns a future. The
 * queue is short because a miss costs tens of milliseconds: eight of them wait well under a
 * second, and a longer queue only makes visitors wait to be refused.
 *
 * <p>WHY a duty cycle ({@code portal.search.share}, default 0.5): under a flood the one search
 * thread never rests, and with its PostgreSQL backend it still took a whole core of two, which
 * tripled the home page's p99 (ops/bench/RESULTS.md, "home-flood"). After each search its thread
 * rests as long as the search took, times (1/share − 1), before taking the next: a lone visitor's
 * answer is not delayed (it is sent before the rest), only a queue of searches is drained more
 * slowly, and searches keep at most that share of their threads' time.
 */
@Singleton
public class SearchPool {
    /** The pool is full: the visitor should come back in {@link #RETRY_AFTER}. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("search pool full", null, false, false);
        }
    }

    /** What a refused visitor is told to wait (Retry-After): as long as the longest wait in the queue. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ThreadPoolExecutor executor;
    private final long maxWaitNanos;
    /** Rest after a search, per nanosecond it took: 1/share − 1 (0 when share is 1). */
    private final double restPerWork;

    public SearchPool(@Value("${portal.search.threads:0}") int threads, @Value("${portal.search.queue:8}") int queue,
                      @Value("${portal.search.max-wait:5s}") Duration maxWait,
                      @Value("${portal.search.share:0.5}") double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("portal.search.share must be in (0, 1]: " + share);
        }
        this.restPerWork = 1 / share - 1;
        int size = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        // A queue of 0 hands a search over only to an idle thread (tests use it to fill the pool).
        BlockingQueue<Runnable> waiting = queue > 0 ? new ArrayBlockingQueue<>(queue) : new SynchronousQueue<>();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, waiting, r -> {
            Thread t = new Thread(r, "search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.executor.prestartAllCoreThreads();
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * Runs {@code work} on the pool. Throws {@link Busy} at once when every thread is taken and
     * the queue is full; the future fails with {@link Busy} when the search waited too long (its
     * visitor has probably given up, and answering it would only lengthen the queue).
     */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        long queued = System.nanoTime();
        try {
            executor.execute(() -> {
                if (System.nanoTime() - queued > maxWaitNanos) {
                    result.completeExceptionally(new Busy());
                    return;
                }
                long started = System.nanoTime();
                try {
                    result.complete(work.get());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
                rest((long) ((System.nanoTime() - started) * restPerWork));
            });
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
        return result;
    }

    /** The thread's rest after a search (the visitor already has the answer). */
    private static void rest(long nanos) {
        if (nanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(nanos, TimeUnit.SECONDS.toNanos(2)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
