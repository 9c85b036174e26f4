package vn.gov.portal.media;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.gov.portal.infra.web.ProblemException;

/**
 * Bounds how many pictures this node decodes at once (MediaPolicy.DECODES_AT_ONCE). Each decode
 * holds up to a few hundred megabytes for its pixels and a core for its time; without a bound, a
 * few dozen uploads at once exhaust the heap and every site on the node fails with them. An upload
 * that finds every permit taken waits briefly, then gets 503 with Retry-After (MediaController).
 */
@Singleton
public class ImageDecodes {
    private final Semaphore permits = new Semaphore(MediaPolicy.DECODES_AT_ONCE, true);

    /** Runs {@code work} (a decode and what is made of its pixels) under one permit. */
    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(MediaPolicy.DECODE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "media.busy");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** The permits themselves, for tests that occupy every one. */
    Semaphore permits() {
        return permits;
    }
}
