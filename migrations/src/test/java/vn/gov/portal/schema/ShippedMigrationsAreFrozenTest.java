package vn.gov.portal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.junit.jupiter.api.Test;

/**
 * A migration, once shipped, never changes: a database that applied it keeps its checksum in
 * flyway_schema_history and Flyway refuses to start on a script that differs (README, "Decisions":
 * the first release's baseline). db/migration.checksums holds one line per shipped migration;
 * this test fails when a listed script is edited, renamed or deleted, and when a script is not
 * listed yet, printing the line to append. No database: the checksum is Flyway's own
 * calculation over the file, the one it stores when it applies the script.
 */
class ShippedMigrationsAreFrozenTest {
    private static final Path SCRIPTS = Path.of("src/main/resources/db/migration");
    private static final Path LIST = Path.of("src/main/resources/db/migration.checksums");
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__\\w+\\.sql");

    @Test
    void everyShippedMigrationIsListedWithTheChecksumItShippedWith() throws IOException {
        Map<String, String> listed = listed();
        Map<String, String> present = present();
        List<String> problems = new ArrayList<>();
        listed.forEach((file, line) -> {
            if (!present.containsKey(file)) {
                problems.add(file + " is gone (deleted or renamed). A shipped migration stays as it"
                        + " shipped: restore it, and undo what it did in a new migration if needed.");
            } else if (!present.get(file).equals(line)) {
                problems.add(file + " was edited: listed as \"" + line + "\", now \"" + present.get(file)
                        + "\". A shipped migration stays as it shipped: revert the edit and put the change"
                        + " in a new migration.");
            }
        });
        int last = listed.values().stream().mapToInt(ShippedMigrationsAreFrozenTest::version).max().orElse(0);
        present.forEach((file, line) -> {
            if (listed.containsKey(file)) {
                return;
            }
            if (version(line) <= last) {
                problems.add(file + " is new but numbered at or below V" + last + ", the last shipped migration:"
                        + " order is strict (Migrator), so a database that has V" + last + " would refuse it."
                        + " Number it above V" + last + ".");
            } else {
                problems.add(file + " is new: append this line to " + LIST + " (new lines go at the end,"
                        + " existing lines never change):\n" + line);
            }
        });
        assertThat(problems).as("shipped migrations against " + LIST).isEmpty();
    }

    /** Versions only grow: a new migration numbered below a shipped one would be refused (no outOfOrder). */
    @Test
    void theListIsInVersionOrderAndNewLinesGoAtTheEnd() throws IOException {
        List<Integer> versions = listed().values().stream().map(ShippedMigrationsAreFrozenTest::version).toList();
        assertThat(versions).as("versions in " + LIST).isSorted().doesNotHaveDuplicates();
        assertThat(versions).as("the first release's baseline and what followed").contains(1, 43);
    }

    private static int version(String line) {
        return Integer.parseInt(line.substring(0, line.indexOf(' ')));
    }

    /** file name → its line as listed, in the list's order. */
    private static Map<String, String> listed() throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            assertThat(parts).as("line \"" + line + "\": version, file name, checksum").hasSize(3);
            lines.put(parts[1], String.join(" ", parts));
        }
        return lines;
    }

    /** file name → the line it should have, for every script in the folder. */
    private static Map<String, String> present() throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher m = SCRIPT.matcher(name);
                assertThat(m.matches()).as(name + ": only versioned migrations V<n>__<words>.sql live here").isTrue();
                lines.put(name, Integer.parseInt(m.group(1)) + " " + name + " " + checksum(file));
            }
        }
        return lines;
    }

    /** Flyway's checksum of the script (CRC32 of its lines), as flyway_schema_history stores it. */
    static int checksum(Path file) {
        return ChecksumCalculator.calculate(new LoadableResource() {
            @Override
            public Reader read() {
                try {
                    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String getAbsolutePath() {
                return file.toAbsolutePath().toString();
            }

            @Override
            public String getAbsolutePathOnDisk() {
                return getAbsolutePath();
            }

            @Override
            public String getFilename() {
                return file.getFileName().toString();
            }

            @Override
            public String getRelativePath() {
                return getFilename();
            }
        });
    }
}
