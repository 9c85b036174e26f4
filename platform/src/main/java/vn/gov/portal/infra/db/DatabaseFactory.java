package vn.gov.portal.infra.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.schema.EmbeddedPostgres;
import vn.gov.portal.schema.Migrator;

/**
 * Stands the database up before anything uses it: the embedded server when no
 * DATABASE_URL is given, the migrations as the schema owner, then a pool that logs in as
 * the application role, which owns no table, so row-level security applies to every query.
 */
@Factory
public class DatabaseFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    public AppDataSource appDataSource(DatabaseSettings settings, DatabaseTimeouts timeouts,
                                       @Value("${portal.data-dir:data}") String dataDir) {
        timeouts.requireCoherent();
        Path data = DatabaseSettings.dataDir(dataDir);
        EmbeddedPostgres embedded = null;
        String ownerUrl = settings.getUrl();
        String ownerUser = settings.getUser();
        if (ownerUrl == null) {
            embedded = EmbeddedPostgres.start(data.resolve("pg"), settings.isDurable());
            embedded.ensureDatabase("portal");
            ownerUrl = embedded.jdbcUrl("portal");
            ownerUser = EmbeddedPostgres.SUPERUSER;
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(ownerUrl);
        if (ownerUser != null) {
            owner.setUser(ownerUser);
        }
        if (embedded != null) {
            owner.setPassword(embedded.superuserPassword());
        } else if (settings.getPassword() != null) {
            owner.setPassword(settings.getPassword());
        }
        var result = Migrator.migrate(owner, settings.getAppUser());
        LOG.info("Schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
                result.migrationsExecuted);
        JobRoleCheck.require(owner, Migrator.jobsRole(settings.getAppUser()));
        String appPassword = appPassword(settings, data);
        enableAppLogin(owner, settings.getAppUser(), appPassword, settings.getAppPassword() != null);

        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("portal-app");
        cfg.setJdbcUrl(withoutCredentials(ownerUrl));
        cfg.setUsername(settings.getAppUser());
        cfg.setPassword(appPassword);
        cfg.setMaximumPoolSize(settings.getPoolSize());
        cfg.addDataSourceProperty("ApplicationName", "portal");
        // DatabaseTimeouts says why each bound exists.
        cfg.addDataSourceProperty("options", timeouts.sessionOptions());
        cfg.addDataSourceProperty("socketTimeout", timeouts.socketSeconds());
        cfg.addDataSourceProperty("tcpKeepAlive", true);
        cfg.setConnectionTimeout(timeouts.getPoolWait().toMillis());
        return new AppDataSource(new HikariDataSource(cfg), embedded);
    }

    /**
     * The pool as the DataSource Micronaut Data and its transaction manager use. Only
     * {@link TenantDb} opens transactions on it.
     */
    @Singleton
    @Primary
    @Named("default")
    public DataSource dataSource(AppDataSource app) {
        return app.pool();
    }

    /**
     * A configured password wins; otherwise one is made on first start and kept in the data
     * directory, so every process on this machine agrees. Several machines must share one:
     * set DATABASE_APP_PASSWORD.
     */
    private static String appPassword(DatabaseSettings settings, Path data) {
        if (settings.getAppPassword() != null) {
            return settings.getAppPassword();
        }
        Path file = data.resolve("secrets").resolve("db-app-password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String pw = HexFormat.of().formatHex(bytes);
            Files.writeString(file, pw, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return pw;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the database password in " + file, e);
        }
    }

    private static void enableAppLogin(DataSource owner, String role, String password, boolean configured) {
        try (Connection c = owner.getConnection(); var st = c.createStatement()) {
            // Role and password cannot be bind parameters here; both are checked above or generated.
            st.execute("ALTER ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            if (!configured) {
                throw new IllegalStateException("Cannot let the application role " + role + " log in; "
                        + "give the DATABASE_USER CREATEROLE or set DATABASE_APP_PASSWORD for a role made by hand", e);
            }
            LOG.warn("Could not set the password of {} ({}); assuming it was set by hand", role, e.getMessage());
        }
    }

    /** The application logs in as its own role: user and password in the URL would override that. */
    static String withoutCredentials(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder();
        for (String param : url.substring(q + 1).split("&")) {
            String name = param.split("=", 2)[0].toLowerCase();
            if (!name.equals("user") && !name.equals("password")) {
                kept.append(kept.isEmpty() ? "" : "&").append(param);
            }
        }
        return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
    }

    /** The pool, and the embedded server behind it if this process started one. */
    public record AppDataSource(HikariDataSource pool, @Nullable EmbeddedPostgres embedded) implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
