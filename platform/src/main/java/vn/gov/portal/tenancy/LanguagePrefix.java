package vn.gov.portal.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * Foreign-language versions live under a two-letter path prefix on the site's own host
 * ({@code thainguyen.gov.vn/en}, TN Đ4.17b), unless the province's preset gives them a host of
 * their own ({@code english.vinhphuc.gov.vn}), which {@link HostResolver} handles.
 */
public final class LanguagePrefix {
    /** ISO 639-1 codes a province may offer; other two-letter first segments are ordinary paths. */
    private static final Set<String> LANGUAGES = Set.of("en", "ko", "zh", "ja", "fr", "ru", "de", "lo", "km", "th", "es");

    private LanguagePrefix() {
    }

    /** The first path segment when it has the shape of a language code ({@code /en}, {@code /en/…}), else null. */
    public static @Nullable String of(String path) {
        if (path.length() < 3 || path.charAt(0) != '/' || (path.length() > 3 && path.charAt(3) != '/')) {
            return null;
        }
        char a = path.charAt(1);
        char b = path.charAt(2);
        return a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' ? path.substring(1, 3) : null;
    }

    public static boolean isLanguage(String code) {
        return LANGUAGES.contains(code);
    }
}
