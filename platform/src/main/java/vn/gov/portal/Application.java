package vn.gov.portal;

import io.micronaut.runtime.Micronaut;

/** One process serves the province's portal and every component site. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        // jOOQ prints a banner and tips on first use; they are noise in a server log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
