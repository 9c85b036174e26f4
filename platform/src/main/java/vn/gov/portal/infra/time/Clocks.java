package vn.gov.portal.infra.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock of features whose behaviour turns on the date (maintenance windows, months of
 * quotas): injected, so a test can move it to the day it needs instead of waiting for it.
 */
@Factory
public class Clocks {
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
