package vn.gov.portal.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for something the product does on its own time (a scheduler run, a reconnect, a mail
 * sent): asks again every few milliseconds until it holds or the deadline passes. Deadlines are
 * generous (they must hold on a busy two-core machine); a test asserts the answer, never a time.
 */
public final class Eventually {
    private static final long PAUSE_MILLIS = 50;

    private Eventually() {
    }

    /** Whether {@code check} held within {@code deadline} (asked once more at the end). */
    public static boolean within(Duration deadline, BooleanSupplier check) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (check.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return check.getAsBoolean();
    }

    /** {@link #within(Duration, BooleanSupplier)} in milliseconds. */
    public static boolean within(long millis, BooleanSupplier check) {
        return within(Duration.ofMillis(millis), check);
    }
}
