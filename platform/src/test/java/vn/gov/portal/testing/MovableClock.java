package vn.gov.portal.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import vn.gov.portal.infra.time.Clocks;

/**
 * The application's clock, set by the test: for behaviour that turns on the date (a window
 * seven working days ahead, a month's end). Only in contexts that ask for it
 * ({@code PortalTest.movesTheClock}, which sets {@code portal.test.movable-clock=true}); everywhere
 * else the clock is the system's.
 */
@Singleton
@Replaces(bean = Clock.class, factory = Clocks.class)
@Requires(property = "portal.test.movable-clock", value = "true")
public class MovableClock extends Clock {
    /** Where the clock was set, and when (in the JVM's monotonic time): it runs on from there. */
    private record Setting(Instant at, long nanos) {
    }

    private volatile Setting setting = new Setting(Instant.now(), System.nanoTime());

    /** The clock reads {@code instant} now, and runs on from it as time passes. */
    public void set(Instant instant) {
        setting = new Setting(instant, System.nanoTime());
    }

    /** Moves the clock on by {@code d}, as if that much time had passed. */
    public void advance(Duration d) {
        Setting s = setting;
        setting = new Setting(s.at().plus(d), s.nanos());
    }

    @Override
    public Instant instant() {
        Setting s = setting;
        return s.at().plusNanos(System.nanoTime() - s.nanos());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
