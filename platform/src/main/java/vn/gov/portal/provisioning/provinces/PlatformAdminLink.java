package vn.gov.portal.provisioning.provinces;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import vn.gov.portal.infra.db.DatabaseSettings;
import vn.gov.portal.infra.db.EmbeddedServerInUse;
import vn.gov.portal.infra.security.JwtSecret;

/**
 * {@code ops/admin}: prints a new one-time link on the platform host that sets up a platform
 * administrator, against the database the application uses.
 */
public final class PlatformAdminLink {
    private PlatformAdminLink() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        String dataDir = System.getenv().getOrDefault("PORTAL_DATA_DIR", "data");
        String url = System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) {
            EmbeddedServerInUse.refuse(DatabaseSettings.dataDir(dataDir).resolve("pg"), "ops/admin");
        }
        try (ApplicationContext ctx = ApplicationContext.builder()
                .properties(JwtSecret.properties(DatabaseSettings.dataDir(dataDir)))
                .properties(Map.of("portal.demo.enabled", "false",
                        // This command prints its own link; the server's start-up notice would be a second one.
                        "portal.platform-setup.log-at-start", "false"))
                .start()) {
            String link = ctx.getBean(PlatformSetupLinks.class).issue();
            System.out.println("One-time link to set up a platform administrator (valid "
                    + PlatformSetupLinks.LIFETIME.toHours() + " h):");
            System.out.println("  " + link);
        }
        System.exit(0);
    }
}
