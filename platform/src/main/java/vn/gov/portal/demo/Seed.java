package vn.gov.portal.demo;

import io.micronaut.context.ApplicationContext;
import java.util.Locale;
import vn.gov.portal.infra.db.DatabaseSettings;
import vn.gov.portal.infra.db.EmbeddedServerInUse;
import vn.gov.portal.infra.security.JwtSecret;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * {@code ops/seed}: grows the demo province to load-test size, against the same database the
 * application uses (the embedded one under PORTAL_DATA_DIR, or DATABASE_URL), with the same
 * configuration. Creates the demo province first if the database has none.
 *
 * <pre>ops/seed [--sites N] [--articles N] [--threads N]</pre>
 */
public final class Seed {
    private Seed() {
    }

    public static void main(String[] args) {
        int sites = 200;
        int articles = 500;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--sites" -> sites = number(args, ++i, a);
                case "--articles" -> articles = number(args, ++i, a);
                case "--threads" -> threads = number(args, ++i, a);
                case "-h", "--help" -> {
                    System.out.println("usage: ops/seed [--sites N (200)] [--articles N per site (500)] "
                            + "[--threads N (cores)]");
                    return;
                }
                default -> fail("unknown argument " + a + " (try --help)");
            }
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        String dataDir = System.getenv().getOrDefault("PORTAL_DATA_DIR", "data");
        String url = System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) {
            EmbeddedServerInUse.refuse(DatabaseSettings.dataDir(dataDir).resolve("pg"), "ops/seed");
        }
        System.out.printf("Seeding the demo province to %d sites x %d articles (%d threads)...%n", sites, articles,
                threads);
        try (ApplicationContext ctx = ApplicationContext.builder()
                .properties(JwtSecret.properties(DatabaseSettings.dataDir(dataDir)))
                .start()) {
            Tenant province = ctx.getBean(TenantDirectory.class).snapshot().provinces().stream()
                    .filter(p -> p.subdomain().equals(DemoProvince.SUBDOMAIN)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No demo province '" + DemoProvince.SUBDOMAIN
                            + "' in this database (PORTAL_DEMO=false?)"));
            DemoSeed.Report r = ctx.getBean(DemoSeed.class).seed(province.id(), sites, articles, threads,
                    System.out::println);
            System.out.printf(Locale.ROOT, "Done in %.1f s: %d sites added, %,d articles added on %d sites; "
                            + "the province now has %d sites seeded to %d articles or more.%n",
                    r.took().toMillis() / 1000.0, r.sitesAdded(), r.articlesAdded(), r.sitesTopped(), r.sitesTotal(),
                    articles);
        }
        // Scheduler threads of the context are stopped by close(); exit anyway, plainly.
        System.exit(0);
    }

    private static int number(String[] args, int i, String name) {
        if (i >= args.length || !args[i].matches("[0-9]{1,7}")) {
            fail(name + " needs a number");
        }
        return Integer.parseInt(args[i]);
    }

    private static void fail(String message) {
        System.err.println("ops/seed: " + message);
        System.exit(2);
    }
}
