package vn.gov.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.portal.schema.EmbeddedPostgres;
import vn.gov.portal.testing.NodeProcess;
import vn.gov.portal.testing.TestDatabase;

/**
 * The restore is tested, not assumed (VP Đ8): {@code ops/backup} and {@code ops/restore} run as an
 * operator runs them, on the application's own data directory with its embedded PostgreSQL (never
 * the test run's shared database, never DATABASE_URL), and what comes back is checked through the
 * application and the database.
 *
 * <p>Site A starts on a fresh data directory (the demo province), gets an uploaded image and a
 * published article with two revisions, and is backed up while it runs. Then the article is
 * deleted, the image's file removed, a head's password hash spoilt and an article added. A
 * corrupted copy of the backup is refused without touching anything, a restore while the
 * application runs and one into a non-empty database are refused, and {@code --force} brings
 * A's database and media back to the backup. The same backup restored into an empty data
 * directory (a new machine) is then served by a second application: the article, its
 * revisions, the image's bytes, the accounts, LEAKPROOF search, and the tenant walls
 * (portal_app with no tenant set sees no article).
 *
 * <p>The backup is encrypted (PORTAL_BACKUP_KEY) and every file of it readable by its owner only;
 * a restore without the key, or with another, is refused before anything is touched.
 *
 * <p>Logs: {@code platform/target/backup-restore/{a,b}/node.log}, the scripts' output in the
 * assertion messages.
 */
@Tag("nodes")
class RestoreBringsBackWhatTheBackupHeldTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SITE = "sotaichinh.thainguyen.localhost";
    private static final String PASSWORD = "Demo@2026";
    private static final HttpClient HTTP = HttpClient.newBuilder().build();
    private static final Map<String, String> KEY = Map.of("PORTAL_BACKUP_KEY", "khoa-sao-luu-thu-nghiem-2026");

    private record Run(int exit, String output) {
    }

    @Test
    void aBackupTakenWhileTheSiteRunsIsRestoredWholeAndADamagedOneIsRefused() throws Exception {
        Path dir = Path.of("target", "backup-restore").toAbsolutePath();
        TestDatabase.deleteTree(dir);
        Files.createDirectories(dir);
        Path dataA = dir.resolve("a").resolve("data");
        Path dataB = dir.resolve("b").resolve("data");
        // The nodes use their own embedded servers, whatever the test run was pointed at, and serve
        // the demo as ops/start does (the application alone creates none).
        Map<String, String> nodeEnv = Map.of("DATABASE_URL", "", "REDIS_URL", "", "PORTAL_DEMO", "true");

        byte[] image = png();
        long mediaId;
        long articleId;
        String slug;
        String title = "Báo cáo ngân sách quý III được sao lưu";
        Path backup;
        int revisionsAtBackup;
        String headHash;
        try (NodeProcess a = NodeProcess.start("a", dir.resolve("a"), nodeEnv).awaitUp(Duration.ofSeconds(180))) {
            String writer = a.token(SITE, "sotaichinh.bientap", PASSWORD);
            String head = a.token(SITE, "sotaichinh.truongban", PASSWORD);
            var uploaded = upload(a, writer, "bieu-do.png", image, "Biểu đồ thu chi");
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            mediaId = Long.parseLong(field(uploaded.body(), "id"));

            var created = a.api(SITE, writer, "POST", "/api/v1/articles", "{\"title\":\"" + title + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            articleId = Long.parseLong(field(created.body(), "id"));
            var saved = a.api(SITE, writer, "PUT", "/api/v1/articles/" + articleId, "{\"title\":\"" + title
                    + "\",\"bodyHtml\":\"<p>Thu ngân sách đạt 81% dự toán.</p><p><img src=\\\"/media/" + mediaId
                    + "/card\\\" alt=\\\"Biểu đồ thu chi\\\"></p>\"}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(a.api(SITE, writer, "POST", "/api/v1/articles/" + articleId + "/submit", null).statusCode())
                    .isEqualTo(200);
            var approved = a.api(SITE, head, "POST", "/api/v1/articles/" + articleId + "/approve", "{}");
            assertThat(field(approved.body(), "status")).as(approved.body()).isEqualTo("PUBLISHED");
            slug = field(approved.body(), "slug");
            revisionsAtBackup = revisions(a.api(SITE, writer, "GET", "/api/v1/articles/" + articleId + "/revisions",
                    null).body());
            assertThat(revisionsAtBackup).isGreaterThanOrEqualTo(2);

            // While the site runs.
            Run made = script(dataA, KEY, "backup", "--out", dir.resolve("backups").toString());
            assertThat(made.exit()).as(made.output()).isZero();
            var where = Pattern.compile("(?m)^Backup: (.+)$").matcher(made.output());
            assertThat(where.find()).as(made.output()).isTrue();
            backup = Path.of(where.group(1));
            String manifest = Files.readString(backup.resolve("manifest.txt"));
            assertThat(manifest).contains("format=portal-backup-1", "schema_version=", "app_role=portal_app",
                    "encryption=openssl-aes-256-cbc-pbkdf2-200000", "sha256.database.dump.enc=",
                    "sha256.media.tar.enc=", "count.media=1\n");
            assertThat(made.output()).contains("encrypted with PORTAL_BACKUP_KEY");
            try (var parts = Files.list(backup)) {
                assertThat(parts.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                        "manifest.txt", "database.dump.enc", "media.tar.enc");
            }
            for (String part : List.of("manifest.txt", "database.dump.enc", "media.tar.enc")) {
                assertThat(Files.getPosixFilePermissions(backup.resolve(part))).as(part)
                        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            byte[] head8 = java.util.Arrays.copyOf(Files.readAllBytes(backup.resolve("database.dump.enc")), 8);
            assertThat(new String(head8, StandardCharsets.US_ASCII)).as("openssl's header, not pg_dump's PGDMP")
                    .isEqualTo("Salted__");
            assertThat(manifest).containsPattern("count\\.articles=([1-9][0-9]*)")
                    .containsPattern("count\\.media_files=([2-9]|[1-9][0-9]+)\n"); // the image and its variants

            // Everything that happens after the backup.
            String mediaKey;
            try (Connection su = superuser(dataA); var st = su.createStatement()) {
                try (var rs = st.executeQuery("SELECT storage_key FROM media WHERE id = " + mediaId)) {
                    rs.next();
                    mediaKey = rs.getString(1);
                }
                try (var rs = st.executeQuery(
                        "SELECT password_hash FROM accounts WHERE username = 'sotaichinh.truongban'")) {
                    rs.next();
                    headHash = rs.getString(1);
                }
                st.execute("DELETE FROM article_revisions WHERE article_id = " + articleId);
                st.execute("DELETE FROM articles WHERE id = " + articleId);
                st.execute("UPDATE accounts SET password_hash = '$argon2id$spoilt'"
                        + " WHERE username = 'sotaichinh.truongban'");
            }
            Files.delete(dataA.resolve("media").resolve(mediaKey));
            var laterFile = upload(a, writer, "quyet-dinh.pdf", PDF, null);
            assertThat(laterFile.statusCode()).as(laterFile.body()).isEqualTo(201);
            var later = a.api(SITE, writer, "POST", "/api/v1/articles", "{\"title\":\"Viết sau khi sao lưu\"}");
            assertThat(later.statusCode()).isEqualTo(201);
            long laterId = Long.parseLong(field(later.body(), "id"));

            // A damaged backup is refused before anything is looked at or changed.
            Path damaged = dir.resolve("damaged");
            copyTree(backup, damaged);
            byte[] dump = Files.readAllBytes(damaged.resolve("database.dump.enc"));
            dump[dump.length / 2] ^= 0x20;
            Files.write(damaged.resolve("database.dump.enc"), dump);
            Run refused = script(dataA, KEY, "restore", damaged.toString(), "--force");
            assertThat(refused.exit()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("REFUSED", "database.dump.enc is damaged", "Nothing was changed");
            assertThat(rowCount(dataA, "SELECT count(*) FROM articles WHERE id = " + laterId)).isEqualTo(1);

            // Without its key, or with another, an encrypted backup is refused before anything is touched.
            Run keyless = script(dataA, Map.of(), "restore", backup.toString(), "--force");
            assertThat(keyless.exit()).as(keyless.output()).isNotZero();
            assertThat(keyless.output()).contains("REFUSED", "is encrypted: set PORTAL_BACKUP_KEY", "Nothing was changed");
            Run wrongKey = script(dataA, Map.of("PORTAL_BACKUP_KEY", "not-the-key"), "restore", backup.toString(),
                    "--force");
            assertThat(wrongKey.exit()).as(wrongKey.output()).isNotZero();
            assertThat(wrongKey.output()).contains("REFUSED", "cannot decrypt", "Nothing was changed");
            assertThat(rowCount(dataA, "SELECT count(*) FROM articles WHERE id = " + laterId)).isEqualTo(1);

            Run whileRunning = script(dataA, KEY, "restore", backup.toString(), "--force");
            assertThat(whileRunning.exit()).as(whileRunning.output()).isNotZero();
            assertThat(whileRunning.output()).contains("the application is connected", "stop it first");
        }

        Run notEmpty = script(dataA, KEY, "restore", backup.toString());
        assertThat(notEmpty.exit()).as(notEmpty.output()).isNotZero();
        assertThat(notEmpty.output()).contains("is not empty", "--force");

        Run forced = script(dataA, KEY, "restore", backup.toString(), "--force");
        assertThat(forced.exit()).as(forced.output()).isZero();
        // The document uploaded after the backup is named by no restored row: moved aside, not deleted.
        assertThat(forced.output()).contains("count.articles=", "count.media_files=", "Restore finished",
                "Moved 1 media files the backup does not have").doesNotContain("NOTE:");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataA.resolve("pg"), false);
             Connection su = pg.connect("portal"); var st = su.createStatement()) {
            assertThat(value(st, "SELECT title FROM articles WHERE id = " + articleId)).isEqualTo(title);
            assertThat(value(st, "SELECT count(*) FROM article_revisions WHERE article_id = " + articleId))
                    .isEqualTo(String.valueOf(revisionsAtBackup));
            assertThat(value(st, "SELECT count(*) FROM articles WHERE title = 'Viết sau khi sao lưu'")).isEqualTo("0");
            assertThat(value(st, "SELECT password_hash FROM accounts WHERE username = 'sotaichinh.truongban'"))
                    .isEqualTo(headHash);
            String key = value(st, "SELECT storage_key FROM media WHERE id = " + mediaId);
            assertThat(Files.readAllBytes(dataA.resolve("media").resolve(key))).isEqualTo(image);
        }

        // A new machine: an empty data directory, no cluster yet.
        Run fresh = script(dataB, KEY, "restore", backup.toString());
        assertThat(fresh.exit()).as(fresh.output()).isZero();
        try (NodeProcess b = NodeProcess.start("b", dir.resolve("b"), nodeEnv).awaitUp(Duration.ofSeconds(180))) {
            var page = b.get(SITE, "/tin-tuc/" + slug);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(title, "Thu ngân sách đạt 81% dự toán.");
            String writer = b.token(SITE, "sotaichinh.bientap", PASSWORD);
            b.token(SITE, "sotaichinh.truongban", PASSWORD);
            b.token("thainguyen.localhost", "platform.admin", PASSWORD);
            assertThat(revisions(b.api(SITE, writer, "GET", "/api/v1/articles/" + articleId + "/revisions", null)
                    .body())).isEqualTo(revisionsAtBackup);
            var bytes = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port() + "/media/"
                    + mediaId + "/original")).header("Host", SITE).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(bytes.statusCode()).isEqualTo(200);
            assertThat(bytes.body()).isEqualTo(image);

            try (Connection su = superuser(dataB); var st = su.createStatement()) {
                assertThat(value(st, "SELECT proleakproof FROM pg_proc WHERE oid = "
                        + "'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure")).isEqualTo("t");
                assertThat(Long.parseLong(value(st, "SELECT count(*) FROM articles"))).isGreaterThan(1);
            }
            // The walls: the application's role, with no tenant set, sees no article; with A's department, its own.
            Properties app = new Properties();
            app.setProperty("user", "portal_app");
            app.setProperty("password", Files.readString(dataB.resolve("secrets").resolve("db-app-password")).trim());
            try (Connection c = DriverManager.getConnection(url(dataB), app); var st = c.createStatement()) {
                assertThat(value(st, "SELECT count(*) FROM articles")).isEqualTo("0");
                assertThat(value(st, "SELECT count(*) FROM media")).isEqualTo("0");
                st.execute("SELECT set_config('app.tenants', '{' || (SELECT id FROM tenants WHERE subdomain = "
                        + "'sotaichinh') || '}', false)");
                assertThat(value(st, "SELECT count(*) FROM articles WHERE id = " + articleId)).isEqualTo("1");
                assertThat(value(st, "SELECT count(DISTINCT tenant_id) FROM articles")).isEqualTo("1");
            }
        }
    }

    // -------------------------------------------------------------------------------------------

    /** ops/&lt;name&gt; on {@code data}, as an operator runs it from the project, with the embedded server. */
    private static Run script(Path data, Map<String, String> env, String name, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve("ops").resolve(name).toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(data.getParent().getParent(), "ops-" + name + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        for (String v : List.of("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_APP_USER",
                "DATABASE_APP_PASSWORD", "PORTAL_MEDIA_DIR", "PORTAL_BACKUP_KEY")) {
            pb.environment().remove(v);
        }
        pb.environment().putAll(env);
        pb.environment().put("PORTAL_DATA_DIR", data.toString());
        Process p = pb.start();
        // The first run on a machine may fetch the PostgreSQL 17 client (ops/lib-pg.sh).
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        String out = Files.readString(log);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError("ops/" + name + " did not finish in 5 minutes:\n" + out);
        }
        System.out.println("ops/" + name + " " + String.join(" ", args) + " -> " + p.exitValue() + "\n" + out);
        return new Run(p.exitValue(), out);
    }

    /** The JDBC address of the embedded server running on {@code data} (its port is line 4 of postmaster.pid). */
    private static String url(Path data) throws IOException {
        String port = Files.readAllLines(data.resolve("pg").resolve("postmaster.pid")).get(3).trim();
        return "jdbc:postgresql://127.0.0.1:" + port + "/portal";
    }

    private static Connection superuser(Path data) throws IOException, SQLException {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedPostgres.SUPERUSER);
        p.setProperty("password", Files.readString(data.resolve(EmbeddedPostgres.PASSWORD_FILE)).trim());
        return DriverManager.getConnection(url(data), p);
    }

    private static long rowCount(Path data, String sql) throws IOException, SQLException {
        try (Connection c = superuser(data); var st = c.createStatement()) {
            return Long.parseLong(value(st, sql));
        }
    }

    private static String value(java.sql.Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row: " + sql);
            }
            return rs.getString(1);
        }
    }

    private static int revisions(String json) {
        return (int) Pattern.compile("\"revision\":").matcher(json).results().count();
    }

    private static String field(String json, String name) {
        var m = Pattern.compile("\"" + name + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[0-9]+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError(name + " not in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
            + "/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private static HttpResponse<String> upload(NodeProcess node, String token, String name, byte[] bytes, String alt)
            throws Exception {
        String boundary = "----portal" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        if (alt != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/v1/media"))
                .header("Host", SITE).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An image unlike any other upload (a gradient seeded by the clock), large enough for variants. */
    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color((int) (System.nanoTime() & 0xFFFFFF)), 900, 600, Color.WHITE));
        g.fillRect(0, 0, 900, 600);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

}
