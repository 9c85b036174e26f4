package vn.gov.portal.infra.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import vn.gov.portal.schema.Migrator;

/**
 * Where the database is and who connects. Read from the environment: DATABASE_URL,
 * DATABASE_USER, DATABASE_PASSWORD (the schema owner, who migrates), DATABASE_APP_USER and
 * DATABASE_APP_PASSWORD (the role the application runs as), PORTAL_DATA_DIR.
 *
 * <p>With no DATABASE_URL the application starts an embedded PostgreSQL 17 whose data lives
 * in {@code <data dir>/pg}.
 */
@ConfigurationProperties("database")
public class DatabaseSettings {
    private @Nullable String url;
    private @Nullable String user;
    private @Nullable String password;
    private String appUser = Migrator.DEFAULT_APP_ROLE;
    private @Nullable String appPassword;
    private int poolSize = 16;
    /** Throw-away clusters (tests) run without fsync. */
    private boolean durable = true;

    public @Nullable String getUrl() {
        return url == null || url.isBlank() ? null : url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUser() {
        return user == null || user.isBlank() ? null : user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    public @Nullable String getPassword() {
        return password == null || password.isEmpty() ? null : password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public String getAppUser() {
        return appUser;
    }

    public void setAppUser(String appUser) {
        this.appUser = appUser;
    }

    public @Nullable String getAppPassword() {
        return appPassword == null || appPassword.isBlank() ? null : appPassword;
    }

    public void setAppPassword(@Nullable String appPassword) {
        this.appPassword = appPassword;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public boolean isDurable() {
        return durable;
    }

    public void setDurable(boolean durable) {
        this.durable = durable;
    }

    /** The directory under which embedded data and generated secrets live. */
    public static Path dataDir(@Nullable String configured) {
        return Path.of(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath();
    }
}
