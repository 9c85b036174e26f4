package vn.gov.portal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Layout" section is the map the next engineer reads first: every feature
 * package of the application and every script of ops/ is on it, and nothing on it is gone.
 */
class ReadmeLayoutMatchesTheTreeTest {
    private static final Path ROOT = Path.of("..");
    private static final Path FEATURES = ROOT.resolve("platform/src/main/java/vn/gov/portal");

    private static String layout() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int from = readme.indexOf("## Layout");
        return readme.substring(from, readme.indexOf("\n## ", from + 1));
    }

    private static List<String> names(Path dir, boolean directories) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isDirectory(p) == directories).map(p -> p.getFileName().toString())
                    .sorted().toList();
        }
    }

    @Test
    void everyFeaturePackageIsOnTheMap() throws IOException {
        String layout = layout();
        assertThat(names(FEATURES, true)).isNotEmpty()
                .allSatisfy(feature -> assertThat(layout).contains(" " + feature + "/ "));
    }

    @Test
    void everyFeatureOnTheMapExists() throws IOException {
        String layout = layout();
        var listed = Pattern.compile("(?m)^ {19}([a-z]+)/ ").matcher(layout).results()
                .map(m -> m.group(1)).toList();
        assertThat(listed).isNotEmpty().allSatisfy(f -> assertThat(FEATURES.resolve(f)).isDirectory());
    }

    @Test
    void everyOpsScriptIsOnTheMap() throws IOException {
        String ops = layout().substring(layout().indexOf("\nops/"));
        assertThat(names(ROOT.resolve("ops"), false)).isNotEmpty()
                .allSatisfy(script -> assertThat(ops).contains(script.replaceFirst("\\.sh$", "")));
    }
}
