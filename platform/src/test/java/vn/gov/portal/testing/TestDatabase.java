package vn.gov.portal.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import vn.gov.portal.schema.EmbeddedPostgres;

/**
 * One real PostgreSQL for the whole test run. With DATABASE_URL set, a fresh database and
 * application role are made on that server for this run and dropped at the end; otherwise
 * an embedded PostgreSQL 17 runs from a temporary directory.
 */
public final class TestDatabase {
    private static TestDatabase instance;
    /** The demo province's base domains in tests: the second one stands for a production domain. */
    public static final String DEMO_DOMAINS = "thainguyen.localhost,thainguyen.gov.localhost";

    private final String ownerUrl;
    private final String appRole;
    private final String appPassword = "test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    private final Path dataDir;

    private TestDatabase(String ownerUrl, String appRole, Path dataDir) {
        this.ownerUrl = ownerUrl;
        this.appRole = appRole;
        this.dataDir = dataDir;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestDatabase start() {
        try {
            String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            Path dataDir = openTempDirectory("portal-test-");
            String external = System.getenv("DATABASE_URL");
            if (external == null || external.isBlank()) {
                EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir.resolve("pg"), false);
                pg.ensureDatabase("portal");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    pg.close();
                    deleteTree(dataDir);
                }));
                // Hex: nothing in it needs escaping in a URL.
                return new TestDatabase(pg.jdbcUrl("portal") + "?user=" + EmbeddedPostgres.SUPERUSER
                        + "&password=" + pg.superuserPassword(), "portal_app_t" + run, dataDir);
            }
            String db = "portal_t" + run;
            try (Connection c = DriverManager.getConnection(external); var st = c.createStatement()) {
                st.execute("CREATE DATABASE " + db + " ENCODING 'UTF8' TEMPLATE template0");
            }
            String url = withDatabase(external, db);
            String role = "portal_app_t" + run;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                dropExternal(external, db, role);
                deleteTree(dataDir);
            }));
            return new TestDatabase(url, role, dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stand up the test database", e);
        }
    }

    /**
     * A temporary directory others may enter: as root, the embedded server runs as nobody and
     * must reach its data below it (createTempDirectory alone makes it owner-only).
     */
    public static Path openTempDirectory(String prefix) throws java.io.IOException {
        return Files.createTempDirectory(prefix, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    /** Removes a temporary directory; a test run leaves no clusters behind. */
    public static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }

    /** jdbc:postgresql://host:port/olddb?params → same with {@code db}. */
    static String withDatabase(String url, String db) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + db + params;
    }

    /** The URL without its user and password parameters (they would override a connection's own). */
    static String withoutCredentials(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        String kept = java.util.Arrays.stream(url.substring(q + 1).split("&"))
                .filter(param -> !param.toLowerCase().matches("(user|password)=.*"))
                .collect(java.util.stream.Collectors.joining("&"));
        return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static void dropExternal(String adminUrl, String db, String role) {
        try (Connection c = DriverManager.getConnection(adminUrl); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            st.execute("DROP ROLE IF EXISTS " + role);
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + db + ": " + e.getMessage());
        }
    }

    /** The application's configuration for this database. */
    public Map<String, String> properties() {
        return Map.ofEntries(
                Map.entry(vn.gov.portal.infra.security.JwtSecret.PROPERTY,
                        "test-secret-" + appPassword + "-0123456789abcdef"),
                Map.entry("database.url", ownerUrl),
                Map.entry("database.app-user", appRole),
                Map.entry("database.app-password", appPassword),
                Map.entry("database.durable", "false"),
                Map.entry("database.pool-size", "6"),
                Map.entry("portal.data-dir", dataDir.toString()),
                // No test sends mail unless it starts its own SMTP server (GreenMail) and says so,
                // whatever the environment of the machine running the tests holds.
                Map.entry("portal.smtp.host", ""),
                // The application starts without the demo; the tests' fixture tenants are the demo
                // province, under two .localhost domains (a second one stands for the production domain).
                Map.entry("portal.demo.enabled", "true"),
                Map.entry("portal.demo.base-domains", DEMO_DOMAINS),
                // Tests stand in for the reverse proxy: they connect from loopback and say which
                // visitor address a request is from in X-Forwarded-For (rate limits per address).
                // ForwardedHeadersAreBelievedFromTrustedProxiesOnlyTest trusts nobody instead.
                Map.entry("portal.trusted-proxies", "127.0.0.1/32,::1/128"),
                // Anonymous forms' proof of work (infra.pow): 4 zero bits, a few hashes, for test speed.
                Map.entry("portal.pow.difficulty", "4"),
                Map.entry("micronaut.server.port", "-1"));
    }

    /**
     * The same configuration as environment variables, for an application started as a separate
     * process (a second node): the variables DatabaseFactory and JwtSecret read.
     */
    public Map<String, String> environment() {
        Map<String, String> p = properties();
        return Map.of(
                "DATABASE_URL", ownerUrl,
                "DATABASE_APP_USER", appRole,
                "DATABASE_APP_PASSWORD", appPassword,
                "JWT_SECRET", p.get(vn.gov.portal.infra.security.JwtSecret.PROPERTY),
                "PORTAL_DEMO", "true",
                "PORTAL_DEMO_DOMAINS", DEMO_DOMAINS,
                "PORTAL_SMTP_HOST", "");
    }

    /**
     * A database of its own on the test server whose schema owner is an ordinary role: LOGIN and
     * CREATEROLE, no superuser, no BYPASSRLS, as a managed PostgreSQL gives. Returns the application's
     * configuration for it ({@code database.user} is that owner, who migrates); the database is new
     * and empty, so the application migrates it as that owner on start.
     */
    public OrdinaryOwner ordinaryOwnerDatabase(String name) {
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String owner = name + "_owner_t" + run;
        String database = name + "_t" + run;
        String ownerPassword = "owner-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection c = owner(); var st = c.createStatement()) {
            st.execute("CREATE ROLE " + owner + " LOGIN CREATEROLE PASSWORD '" + ownerPassword + "'");
            st.execute("CREATE DATABASE " + database + " OWNER " + owner + " ENCODING 'UTF8' TEMPLATE template0");
            String external = System.getenv("DATABASE_URL");
            if (external != null && !external.isBlank()) {
                // An embedded server goes with its directory; an external one keeps what is not dropped.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    dropExternal(external, database, name + "_app_t" + run + "_jobs");
                    dropExternal(external, database, name + "_app_t" + run);
                    dropExternal(external, database, owner);
                }));
            }
            Path data = openTempDirectory("portal-" + name + "-");
            Map<String, String> p = new java.util.HashMap<>(properties());
            p.put("database.url", withoutCredentials(withDatabase(ownerUrl, database)));
            p.put("database.user", owner);
            p.put("database.password", ownerPassword);
            p.put("database.app-user", name + "_app_t" + run);
            p.put("portal.data-dir", data.toString());
            return new OrdinaryOwner(owner, withDatabase(ownerUrl, database), p);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Cannot make a database with an ordinary owner", e);
        }
    }

    /**
     * @param superuserUrl the same database as this server's superuser, for what only a superuser may
     *                     look at or break in a test
     */
    public record OrdinaryOwner(String role, String superuserUrl, Map<String, String> properties) {
    }

    /** A connection as the schema owner (bypasses nothing it should not: tests use it to set up and to compare). */
    public Connection owner() throws SQLException {
        return DriverManager.getConnection(ownerUrl);
    }

    /** A connection as the application role, outside any helper: what hand-written SQL would get. */
    public Connection app() throws SQLException {
        var props = new java.util.Properties();
        props.setProperty("user", appRole);
        props.setProperty("password", appPassword);
        return DriverManager.getConnection(withoutCredentials(ownerUrl), props);
    }

    public String appRole() {
        return appRole;
    }
}
