package vn.gov.portal.schema;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Build step: generates jOOQ classes from the real schema. Starts a throw-away embedded
 * PostgreSQL, applies the migrations, reads the catalogue. Skips all of it when the
 * scripts are unchanged since the last run (a stamp of their hash sits in the output).
 *
 * <p>Arguments: output directory, scratch directory for the cluster.
 */
public final class JooqCodegen {
    static final String PACKAGE = "vn.gov.portal.db";
    /** Flyway logs each step through java.util.logging here; the build wants only problems. Held
     * in a field: JUL keeps loggers weakly, and a collected logger forgets its level. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    public static void main(String[] args) throws Exception {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        Path out = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        String hash = migrationsHash();
        Path stamp = out.resolve(".migrations-hash");
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("[jooq] schema unchanged, classes up to date");
            return;
        }
        deleteTree(scratch);
        deleteTree(out);
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(scratch.resolve("data"), false)) {
            pg.ensureDatabase("codegen");
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(pg.jdbcUrl("codegen"));
            ds.setUser(EmbeddedPostgres.SUPERUSER);
            ds.setPassword(pg.superuserPassword());
            Migrator.migrate(ds, "codegen_app");
            try (Connection c = ds.getConnection()) {
                GenerationTool tool = new GenerationTool();
                tool.setConnection(c);
                tool.run(new Configuration().withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withExcludes("flyway_schema_history"))
                        .withGenerate(new Generate().withJavaTimeTypes(true).withRecords(true)
                                .withPojos(false).withDaos(false).withRoutines(false))
                        .withTarget(new Target().withPackageName(PACKAGE).withDirectory(out.toString()))));
            }
        }
        deleteTree(scratch);
        Files.writeString(stamp, hash);
        System.out.println("[jooq] generated into " + out);
    }

    /** SHA-256 over the names and contents of every script, in name order. */
    static String migrationsHash() throws IOException, URISyntaxException, NoSuchAlgorithmException {
        var url = JooqCodegen.class.getClassLoader().getResource("db/migration");
        if (url == null) {
            throw new IOException("db/migration is not on the class path");
        }
        URI uri = url.toURI();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                digest(fs.provider().getPath(uri), md);
            }
        } else {
            digest(Path.of(uri), md);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void digest(Path dir, MessageDigest md) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted(
                    (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        for (Path f : files) {
            md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
