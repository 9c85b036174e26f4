package vn.gov.portal.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.gov.portal.publishing.ArticleUrls;
import vn.gov.portal.publishing.PublishedArticles;
import vn.gov.portal.tenancy.Resolution;

/**
 * The same page in the other languages the province offers: {@code <link rel="alternate"
 * hreflang>} for search engines and the language switcher for people. Vietnamese lives at
 * the bare path, every other language under its prefix.
 */
public final class Alternates {
    /** One language version: its code, its name in that language, and its address. */
    public record Alternate(String language, String label, String href, boolean current) {
    }

    /** Each language named in itself, so a reader finds their own whatever page they are on. */
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("vi", "Tiếng Việt"),
            Map.entry("en", "English"), Map.entry("ko", "한국어"), Map.entry("zh", "中文"), Map.entry("ja", "日本語"),
            Map.entry("fr", "Français"), Map.entry("ru", "Русский"), Map.entry("de", "Deutsch"),
            Map.entry("lo", "ລາວ"), Map.entry("km", "ខ្មែរ"), Map.entry("th", "ไทย"), Map.entry("es", "Español"));

    private Alternates() {
    }

    /**
     * Versions of a page whose address is the same in every language ({@code path} without the
     * prefix). A site on a language host of its own has no prefixed versions to offer.
     */
    static List<Alternate> forPath(String origin, Resolution.Found found, List<String> offered, String path) {
        if (found.prefix().isEmpty() && !found.language().equals("vi")) {
            return List.of();
        }
        List<Alternate> out = new ArrayList<>();
        for (String language : offered) {
            out.add(new Alternate(language, name(language), origin + prefix(language) + path,
                    language.equals(found.language())));
        }
        return out.size() > 1 ? out : List.of();
    }

    /** Versions of an article: only the languages it has been translated into. */
    static List<Alternate> forArticle(String origin, Resolution.Found found,
                                      List<PublishedArticles.Version> versions) {
        if (found.prefix().isEmpty() && !found.language().equals("vi")) {
            return List.of();
        }
        List<Alternate> out = new ArrayList<>();
        for (var v : versions) {
            out.add(new Alternate(v.language(), name(v.language()),
                    origin + prefix(v.language()) + ArticleUrls.path(v.slug()),
                    v.language().equals(found.language())));
        }
        return out.size() > 1 ? out : List.of();
    }

    static String prefix(String language) {
        return language.equals("vi") ? "" : "/" + language;
    }

    public static String name(String language) {
        return NAMES.getOrDefault(language, language);
    }
}
