package vn.gov.portal.infra.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the command-line tools that start their own context on the application's data directory
 * ({@code ops/seed}, {@code ops/admin}): two processes must not run one embedded cluster, since
 * starting a second would stop the first (EmbeddedPostgres stops a server it finds left running
 * on its directory).
 */
public final class EmbeddedServerInUse {
    private EmbeddedServerInUse() {
    }

    /** Exits with status 2, naming {@code command}, when a live postgres holds {@code pgData}. */
    public static void refuse(Path pgData, String command) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            if (first.matches("[0-9]+")) {
                var handle = ProcessHandle.of(Long.parseLong(first));
                if (handle.isPresent() && handle.get().isAlive()
                        && handle.get().info().command().orElse("").endsWith("postgres")) {
                    fail(command, "The embedded PostgreSQL in " + pgData + " is running (pid " + first
                            + "), most likely under ops/start. Stop the application first, or point DATABASE_URL at a server.");
                }
            }
        } catch (IOException e) {
            fail(command, "Cannot read " + pidFile + ": " + e.getMessage());
        }
    }

    private static void fail(String command, String message) {
        System.err.println(command + ": " + message);
        System.exit(2);
    }
}
