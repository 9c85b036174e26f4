package vn.gov.portal.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
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
    private volatile Instant now = Instant.now();

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
