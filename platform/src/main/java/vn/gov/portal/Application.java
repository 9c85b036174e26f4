package vn.gov.portal;

import io.micronaut.runtime.Micronaut;
import vn.gov.portal.infra.db.DatabaseSettings;
import vn.gov.portal.infra.security.JwtSecret;

/** One process serves the province's portal and every component site. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        // jOOQ prints a banner and tips on first use; they are noise in a server log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // Nodes fetch their own pages with a site's Host header (maintenance copies, conformance
        // scan); the JDK's client refuses to set Host unless told before it first loads.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        String dataDir = System.getenv().getOrDefault("PORTAL_DATA_DIR", "data");
        Micronaut.build(args).banner(false).mainClass(Application.class)
                .properties(JwtSecret.properties(DatabaseSettings.dataDir(dataDir)))
                .start();
    }
}
