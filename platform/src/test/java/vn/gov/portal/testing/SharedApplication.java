package vn.gov.portal.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the one application (context and server) every such class
 * of this test run shares, instead of starting its own: a start-up costs seconds and the suite
 * has a hundred classes. Its {@code @Inject} fields are filled from that application.
 *
 * <p>Use it for a class that needs no properties of its own; such a class owns its province
 * ({@link Fixtures}), so that what other classes leave in the shared application (pages in
 * the cache, rate-limit buckets, all per host or tenant) cannot reach it. A class that moves
 * the clock, talks to Redis or sets any property keeps {@code @MicronautTest(transactional = false)}
 * and its own application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SharedApplicationExtension.class)
public @interface SharedApplication {
}
