package vn.gov.portal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Vietnamese bundle is the base: a key missing from the English one falls back to it, so an
 * English page would show Vietnamese text without any "??" for the render test to catch. Every
 * key the Vietnamese bundle has, the English one has too.
 */
class EveryMessageHasItsEnglishTest {
    @Test
    void everyVietnameseKeyHasAnEnglishText() throws IOException {
        Set<String> missing = new TreeSet<>(load("/i18n/messages.properties").stringPropertyNames());
        missing.removeAll(load("/i18n/messages_en.properties").stringPropertyNames());
        assertThat(missing).as("keys in messages.properties with no English in messages_en.properties").isEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (var in = EveryMessageHasItsEnglishTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
