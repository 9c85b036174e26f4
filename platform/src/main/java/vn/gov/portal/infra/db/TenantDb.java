package vn.gov.portal.infra.db;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The one door to the database. Every transaction states which tenants it may see, and
 * PostgreSQL's row-level security holds it to that even for hand-written SQL: the policy
 * on every tenant-owned table reads the setting made here.
 *
 * <ul>
 *   <li>{@link #read} / {@link #write}: tenant-owned data, within a {@link TenantScope};
 *   <li>{@link #directory}: the platform tables (presets, tenants, hosts) that every
 *       request needs before it knows its tenant. Tenant-owned tables show no row there.
 * </ul>
 */
@Singleton
public class TenantDb {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Settings SETTINGS = new Settings().withExecuteLogging(false);
    private final javax.sql.DataSource dataSource;

    public TenantDb(DatabaseFactory.AppDataSource appDataSource) {
        this.dataSource = appDataSource.pool();
    }

    public <T> T read(TenantScope scope, Function<DSLContext, T> work) {
        return inTransaction(scope, true, work);
    }

    public <T> T write(TenantScope scope, Function<DSLContext, T> work) {
        return inTransaction(scope, false, work);
    }

    /** Platform tables only; no tenant is visible. */
    public <T> T directory(Function<DSLContext, T> work) {
        return inTransaction(null, false, work);
    }

    /**
     * Creating sites: the platform rows come first (no tenant visible), then {@code enter}
     * widens the transaction to the new sites so their own rows (pages, audit) can be written,
     * all or nothing.
     */
    public <T> T provision(BiFunction<DSLContext, Consumer<TenantScope>, T> work) {
        return inTransaction(null, false, ctx -> work.apply(ctx, scope ->
                ctx.select(DSL.field("set_config('app.tenants', {0}, true)", String.class, scope.asSetting()))
                        .fetch()));
    }

    /** For health checks and tests: a bare connection of the application role. */
    public Connection rawConnection() throws SQLException {
        return dataSource.getConnection();
    }

    private <T> T inTransaction(TenantScope scope, boolean readOnly, Function<DSLContext, T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                c.setReadOnly(readOnly);
                // is_local = true: the setting ends with the transaction, so a pooled
                // connection never carries one request's tenants into the next.
                try (var st = c.prepareStatement("SELECT set_config('app.tenants', ?, true)")) {
                    st.setString(1, scope == null ? "" : scope.asSetting());
                    st.execute();
                }
                T result = work.apply(DSL.using(c, SQLDialect.POSTGRES, SETTINGS));
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
    }

    /** A database failure, unchecked; the web layer answers it with a 500 that shows no detail. */
    public static final class DataAccessFailure extends RuntimeException {
        DataAccessFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
