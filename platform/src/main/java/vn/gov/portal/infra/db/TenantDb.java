package vn.gov.portal.infra.db;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
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
 *
 * <p>The transaction is Micronaut's, so Micronaut Data repositories called inside the work
 * join it and see exactly what the scope allows. A repository called outside any of these
 * transactions gets a connection with no scope and sees no tenant row: it fails closed.
 * Scopes do not nest: work inside a transaction may open another only for the same scope.
 */
@Singleton
public class TenantDb {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Settings SETTINGS = new Settings().withExecuteLogging(false);
    private static final String NO_TENANT = "";
    private static final TransactionDefinition SNAPSHOT = snapshot();
    private final TransactionOperations<Connection> tx;
    private final DatabaseTimeouts timeouts;

    public TenantDb(TransactionOperations<Connection> tx, DatabaseTimeouts timeouts) {
        this.tx = tx;
        this.timeouts = timeouts;
    }

    public <T> T read(TenantScope scope, Function<DSLContext, T> work) {
        return inTransaction(scope.asSetting(), true, work);
    }

    /**
     * {@link #read} for work whose every query an index answers in a few rows: one item by its
     * key, the newest few of a category. Under row-level security PostgreSQL misjudges those: the
     * policy's {@code tenant_id = ANY (app_visible_tenants())} beside the query's own
     * {@code tenant_id = ?} makes it expect 2 rows of a site's 500, and it prefers a bitmap scan
     * over all of them (a GIN index leads with tenant_id too) to the btree index that stops after a
     * few: 0.4–0.6 ms instead of 0.03 ms a query on an article page (ops/bench/RESULTS.md,
     * "Uncached render"). So, for this transaction only and set with the scope in the same round
     * trip: no bitmap scans, and generic plans (the plan of a key lookup is the same for every
     * key, so a prepared statement is planned once per connection, not on each execution). Not for
     * searches: GIN indexes are read by bitmap scans only, and their plans depend on the words.
     */
    public <T> T readByIndex(TenantScope scope, Function<DSLContext, T> work) {
        return inTransaction(scope.asSetting(), true, true, work);
    }

    public <T> T write(TenantScope scope, Function<DSLContext, T> work) {
        return inTransaction(scope.asSetting(), false, work);
    }

    /**
     * Reads many tables as of one moment (REPEATABLE READ): e.g. a site's export, whose revisions
     * must not name an article written after the articles were read.
     */
    public <T> T readSnapshot(TenantScope scope, Function<DSLContext, T> work) {
        return inTransaction(scope.asSetting(), SNAPSHOT, work);
    }

    /** Platform tables only; no tenant is visible. */
    public <T> T directory(Function<DSLContext, T> work) {
        return inTransaction(NO_TENANT, false, work);
    }

    /**
     * Creating sites: the platform rows come first (no tenant visible), then {@code enter}
     * widens the transaction to the new sites so their own rows (pages, audit) can be written,
     * all or nothing.
     */
    public <T> T provision(BiFunction<DSLContext, Consumer<TenantScope>, T> work) {
        return inTransaction(NO_TENANT, false, ctx -> work.apply(ctx, scope -> setScope(tx.getConnection(),
                scope.asSetting())));
    }

    /**
     * Work that must join the transaction already open on this thread, in whatever scope it
     * has (e.g. a SiteInitializer inside site creation). Refuses to run without one.
     */
    public <T> T joining(Function<DSLContext, T> work) {
        if (tx.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("No transaction to join");
        }
        return work.apply(DSL.using(tx.getConnection(), SQLDialect.POSTGRES, SETTINGS));
    }

    /**
     * Lifts the statement and lock timeouts for the rest of the open transaction (SET LOCAL: the
     * connection goes back to the pool with the usual ones), and the client's read timeout on its
     * connection (the pool restores it): for work that is slow by nature and rare, a whole site
     * imported or merged in one transaction. Returns {@code ctx}, so a caller can wrap it in place.
     * See {@link DatabaseTimeouts}.
     */
    public DSLContext longRunning(DSLContext ctx) {
        if (tx.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("longRunning works on the open transaction; there is none");
        }
        Connection c = tx.getConnection();
        try (var st = c.prepareStatement("SELECT set_config('statement_timeout', ?, true), "
                + "set_config('lock_timeout', ?, true)")) {
            st.setString(1, String.valueOf(timeouts.getLongStatement().toMillis()));
            st.setString(2, String.valueOf(timeouts.getLongLock().toMillis()));
            st.execute();
            c.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, timeouts.longSocket().toMillis()));
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
        return ctx;
    }

    private <T> T inTransaction(String scope, boolean readOnly, Function<DSLContext, T> work) {
        return inTransaction(scope, readOnly ? TransactionDefinition.READ_ONLY : TransactionDefinition.DEFAULT, false, work);
    }

    private <T> T inTransaction(String scope, TransactionDefinition definition, Function<DSLContext, T> work) {
        return inTransaction(scope, definition, false, work);
    }

    private <T> T inTransaction(String scope, boolean readOnly, boolean indexLookups, Function<DSLContext, T> work) {
        return inTransaction(scope, readOnly ? TransactionDefinition.READ_ONLY : TransactionDefinition.DEFAULT,
                indexLookups, work);
    }

    /** {@code indexLookups}: see {@link #readByIndex}; a joined transaction keeps its own plan settings. */
    private <T> T inTransaction(String scope, TransactionDefinition definition, boolean indexLookups,
                                Function<DSLContext, T> work) {
        if (tx.findTransactionStatus().isPresent()) {
            Connection joined = tx.getConnection();
            String active = currentScope(joined);
            if (!active.equals(scope)) {
                throw new IllegalStateException("A transaction scoped to '" + active + "' cannot open one scoped to '"
                        + scope + "': tenant scopes do not nest");
            }
            return work.apply(DSL.using(joined, SQLDialect.POSTGRES, SETTINGS));
        }
        return tx.execute(definition, status -> {
            Connection c = status.getConnection();
            if (indexLookups) {
                setScopeForIndexLookups(c, scope);
            } else {
                setScope(c, scope);
            }
            return work.apply(DSL.using(c, SQLDialect.POSTGRES, SETTINGS));
        });
    }

    private static TransactionDefinition snapshot() {
        var d = new DefaultTransactionDefinition();
        d.setReadOnly(true);
        d.setIsolationLevel(TransactionDefinition.Isolation.REPEATABLE_READ);
        return d;
    }

    /** is_local = true: the setting ends with the transaction, so a pooled connection never
     * carries one request's tenants into the next. */
    private static void setScope(Connection c, String scope) {
        try (var st = c.prepareStatement("SELECT set_config('app.tenants', ?, true)")) {
            st.setString(1, scope);
            st.execute();
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
    }

    private static void setScopeForIndexLookups(Connection c, String scope) {
        try (var st = c.prepareStatement(
                "SELECT set_config('app.tenants', ?, true), set_config('enable_bitmapscan', 'off', true), "
                        + "set_config('plan_cache_mode', 'force_generic_plan', true)")) {
            st.setString(1, scope);
            st.execute();
        } catch (SQLException e) {
            throw new DataAccessFailure(e);
        }
    }

    private static String currentScope(Connection c) {
        try (var st = c.prepareStatement("SELECT coalesce(current_setting('app.tenants', true), '')");
             var rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
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
