package vn.gov.portal.site;

import java.util.ArrayList;
import java.util.List;
import vn.gov.portal.infra.text.VietnameseText;

/**
 * A short excerpt around the first place the query's words occur, with each occurrence marked,
 * matched without marks but shown as written. Folding one NFC character gives one character,
 * so positions in the folded text are positions in the original.
 */
final class Snippets {
    static final int RADIUS = 90;

    private Snippets() {
    }

    /** A whole short text (a title) with the matches marked. */
    static String marked(String text, String query) {
        return render(VietnameseText.nfc(text), query, false);
    }

    /** HTML: escaped excerpt with {@code <mark>} around matches. */
    static String of(String html, String query) {
        String text = VietnameseText.nfc(html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ")).strip();
        return render(text, query, true);
    }

    private static String render(String text, String query, boolean excerpt) {
        String folded = foldEach(text);
        List<String> words = new ArrayList<>();
        for (String w : foldEach(VietnameseText.nfc(query)).split("\\s+")) {
            if (!w.isBlank()) {
                words.add(w);
            }
        }
        int first = -1;
        for (String w : words) {
            int at = folded.indexOf(w);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        int start = !excerpt || first < 0 ? 0 : Math.max(0, first - RADIUS);
        int end = !excerpt ? text.length() : Math.min(text.length(), (first < 0 ? 0 : first) + RADIUS * 2);
        boolean[] marked = new boolean[text.length()];
        for (String w : words) {
            for (int at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + w.length())) {
                for (int i = at; i < at + w.length(); i++) {
                    marked[i] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder(start > 0 ? "… " : "");
        boolean open = false;
        for (int i = start; i < end; i++) {
            if (marked[i] != open) {
                out.append(marked[i] ? "<mark>" : "</mark>");
                open = marked[i];
            }
            out.append(escape(text.charAt(i)));
        }
        if (open) {
            out.append("</mark>");
        }
        return out.append(end < text.length() ? " …" : "").toString();
    }

    /** Lower case, marks removed, one character for one character. */
    private static String foldEach(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            String f = VietnameseText.fold(String.valueOf(s.charAt(i)));
            b.append(f.length() == 1 ? f.charAt(0) : Character.toLowerCase(s.charAt(i)));
        }
        return b.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            default -> String.valueOf(c);
        };
    }
}
