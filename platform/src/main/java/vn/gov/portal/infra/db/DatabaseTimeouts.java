package vn.gov.portal.infra.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How long the application waits on its database, in one named place (environment variables in
 * README, "Configuration"). Each bound turns a stuck query, a held lock, a forgotten transaction
 * or a dead server into an error for one request instead of a pool that drains and a node that
 * hangs:
 *
 * <ul>
 *   <li>{@code statement} (statement_timeout): a query that runs longer is cancelled by the server;
 *   <li>{@code lock} (lock_timeout): waiting for a row or table lock gives up sooner still, since a
 *       waiting request holds its connection and maybe locks of its own;
 *   <li>{@code idle-in-transaction} (idle_in_transaction_session_timeout): the server ends a session
 *       whose transaction sits open with nothing running (a thread stuck between two queries);
 *   <li>{@code long-statement}, {@code long-lock}: for the few transactions that are slow by nature
 *       (a whole site imported or merged), set with SET LOCAL by {@link TenantDb#longRunning};
 *   <li>{@code socket} (JDBC socketTimeout): the client gives up reading from a server that stopped
 *       answering (a machine gone, a cable cut) where no error will ever arrive. It must exceed
 *       {@code long-statement}, or a long import would be cut by the client; TCP keep-alive is on too;
 *   <li>{@code pool-wait} (Hikari connectionTimeout): a request that finds every connection busy
 *       waits this long for one, then fails with 503, rather than queueing without end.
 * </ul>
 *
 * <p>Set per connection (the pool's start-up options), not with ALTER ROLE: it needs no privilege on
 * the role, travels with the application's configuration, and leaves other sessions of the role (an
 * operator's psql) alone.
 */
@ConfigurationProperties("database.timeouts")
public class DatabaseTimeouts {
    private Duration statement = Duration.ofSeconds(30);
    private Duration lock = Duration.ofSeconds(10);
    private Duration idleInTransaction = Duration.ofSeconds(60);
    private Duration longStatement = Duration.ofMinutes(10);
    private Duration longLock = Duration.ofMinutes(1);
    private Duration socket = Duration.ofSeconds(45);
    private Duration poolWait = Duration.ofSeconds(5);

    public Duration getStatement() {
        return statement;
    }

    public void setStatement(Duration statement) {
        this.statement = statement;
    }

    public Duration getLock() {
        return lock;
    }

    public void setLock(Duration lock) {
        this.lock = lock;
    }

    public Duration getIdleInTransaction() {
        return idleInTransaction;
    }

    public void setIdleInTransaction(Duration idleInTransaction) {
        this.idleInTransaction = idleInTransaction;
    }

    public Duration getLongStatement() {
        return longStatement;
    }

    public void setLongStatement(Duration longStatement) {
        this.longStatement = longStatement;
    }

    public Duration getLongLock() {
        return longLock;
    }

    public void setLongLock(Duration longLock) {
        this.longLock = longLock;
    }

    public Duration getSocket() {
        return socket;
    }

    public void setSocket(Duration socket) {
        this.socket = socket;
    }

    public Duration getPoolWait() {
        return poolWait;
    }

    public void setPoolWait(Duration poolWait) {
        this.poolWait = poolWait;
    }

    /**
     * The libpq start-up options that set the three server-side bounds for every session of the
     * pool (PgJDBC's {@code options} property: no extra round trip per connection).
     */
    String sessionOptions() {
        return "-c statement_timeout=" + statement.toMillis()
                + " -c lock_timeout=" + lock.toMillis()
                + " -c idle_in_transaction_session_timeout=" + idleInTransaction.toMillis();
    }

    /** PgJDBC reads socketTimeout in whole seconds; 0 would mean none, so at least one. */
    int socketSeconds() {
        return (int) Math.max(1, socket.toSeconds());
    }

    /** The client's read timeout while a long-running transaction's statements run. */
    Duration longSocket() {
        return longStatement.plus(socket);
    }

    /** A socket timeout shorter than a statement would drop connections whose queries the server still runs. */
    void requireCoherent() {
        if (socket.compareTo(statement) <= 0) {
            throw new IllegalStateException("DATABASE_SOCKET_TIMEOUT (" + socket + ") must be longer than "
                    + "DATABASE_STATEMENT_TIMEOUT (" + statement + "): the client would drop connections whose "
                    + "queries the server still runs");
        }
    }
}
