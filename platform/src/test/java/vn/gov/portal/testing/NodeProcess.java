package vn.gov.portal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The application as a separate JVM, as another machine would run it: {@code java -cp <the
 * test's classpath> vn.gov.portal.Application} with its own port, data directory and the
 * environment it is given. Small heap and quick start-up; its output goes to
 * {@code <dir>/node.log} for when a test fails.
 */
public final class NodeProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private NodeProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts it and returns at once; {@link #awaitUp} waits for it to serve. */
    public static NodeProcess start(String name, Path dir, Map<String, String> environment) {
        try {
            Files.createDirectories(dir);
            int port = TestRedis.freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Ddatabase.pool-size=4",
                    "-cp", System.getProperty("java.class.path"),
                    "vn.gov.portal.Application"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("node.log").toFile());
            pb.environment().putAll(environment);
            pb.environment().put("PORT", String.valueOf(port));
            pb.environment().put("PORTAL_DATA_DIR", dir.resolve("data").toString());
            NodeProcess node = new NodeProcess(name, port, dir.resolve("node.log"), pb.start());
            Runtime.getRuntime().addShutdownHook(new Thread(node::close));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /health} answers 200; fails with the end of the node's log otherwise. */
    public NodeProcess awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited (" + process.exitValue() + "):\n" + logTail());
            }
            try {
                if (get(null, "/health").statusCode() == 200) {
                    return this;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            TestRedis.sleep(100);
        }
        throw new IllegalStateException("node " + name + " did not come up in " + timeout + ":\n" + logTail());
    }

    /** Waits for it to exit by itself; its exit code, or fails with its log if it is still running. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("node " + name + " still runs after " + timeout + ":\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** Where it listens on 127.0.0.1, for requests the helpers here do not make (uploads). */
    public int port() {
        return port;
    }

    public HttpResponse<String> get(String host, String path) {
        return send(host, HttpRequest.newBuilder().GET(), path);
    }

    /** A bearer token of a demo account, from this node. */
    public String token(String host, String username, String password) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        var r = send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body)),
                "/api/v1/auth/token", "Content-Type", "application/json");
        var m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new AssertionError("sign-in of " + username + " on node " + name + ": " + r.statusCode() + " "
                    + r.body());
        }
        return m.group(1);
    }

    /** A JSON call with a bearer token. */
    public HttpResponse<String> api(String host, String token, String method, String path, String json) {
        return send(host, HttpRequest.newBuilder().method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)), path,
                "Authorization", "Bearer " + token, "Content-Type", "application/json", "Accept", "application/json");
    }

    private HttpResponse<String> send(String host, HttpRequest.Builder builder, String path, String... headers) {
        builder.uri(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (host != null) {
            builder.header("Host", host);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops it (as a service manager would: TERM, then KILL after a grace period). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
