package vn.gov.portal.identity;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where password hashes are computed: a small pool, about one thread per core, with a short
 * queue. Argon2id takes 19 MiB and a core's worth of time per hash ({@link Passwords}); run
 * on every request thread (32) it let anonymous sign-ins fill the 512 MB heap. Past the pool
 * and its queue a hash is refused at once ({@link Busy}), and the caller answers 503 with
 * Retry-After rather than making the visitor wait for a queue that would only grow.
 *
 * <p>Sign-ins take exactly one hash each, whether or not the account exists (a decoy for an
 * unknown name): the pool is asked once, so a full pool refuses both alike and timing tells
 * nothing either way.
 */
@Singleton
public class PasswordHashing {
    /** Hashes that may wait for a thread, per thread: a short burst of real sign-ins. */
    static final int QUEUE_PER_THREAD = 4;
    /** What a refused caller is told to wait, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final ThreadPoolExecutor pool;

    public PasswordHashing(@Value("${portal.sign-in.hashing-threads:0}") int threads) {
        int size = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(size * QUEUE_PER_THREAD), r -> {
                    Thread t = new Thread(r, "password-hashing-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The pool and its queue are full: nothing was hashed. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("password hashing is at capacity", null, false, false);
        }
    }

    /** Whether {@code plain} is the password of {@code storedHash}. */
    public boolean matches(String plain, String storedHash) throws Busy {
        return run(() -> Passwords.matches(plain, storedHash));
    }

    /** The same work as {@link #matches}, answering false: for a name no account has. */
    public boolean decoyCheck(String plain) throws Busy {
        return run(() -> Passwords.decoyCheck(plain));
    }

    /** A new hash of {@code plain}. */
    public String hash(String plain) throws Busy {
        return run(() -> Passwords.hash(plain));
    }

    private <T> T run(Callable<T> work) {
        var future = submit(work);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the hash is under way; its answer is still wanted
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T> Future<T> submit(Callable<T> work) {
        try {
            return pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
