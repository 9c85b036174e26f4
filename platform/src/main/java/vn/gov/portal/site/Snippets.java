package vn.gov.portal.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.gov.portal.infra.text.VietnameseText;

/**
 * A short excerpt around the first place the query's words occur, with each occurrence marked,
 * matched without marks but shown as written. Folding one NFC character gives one character,
 * so positions in the folded text are positions in the original.
 *
 * <p>A search page makes 50 of these. Folding went through {@link VietnameseText#fold} (a
 * normalisation and a regular expression) for every character of every body, about 8 ms of CPU
 * a page; each character's folding is now looked up once and kept ({@link #fold(char)}).
 */
final class Snippets {
    static final int RADIUS = 90;
    private static final String[][] ENTITIES = {{"&nbsp;", " "}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}};
    /** What may follow an entity's {@code &} before its {@code ;}. */
    private static final Pattern ENTITY_START = Pattern.compile("&[#a-zA-Z0-9]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Each UTF-16 unit's folded form, filled in as met; 0 means not yet known. */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    private Snippets() {
    }

    /** A whole short text (a title) with the matches marked. */
    static String marked(String text, String query) {
        return render(VietnameseText.nfc(text), query, false);
    }

    /** HTML: escaped excerpt with {@code <mark>} around matches. */
    static String of(String html, String query) {
        return render(VietnameseText.nfc(text(withoutCutTail(html))), query, true);
    }

    /**
     * The text of sanitised HTML, in one pass: each tag read as a space, the entities the
     * sanitiser writes decoded, runs of white space made one space.
     */
    static String text(String html) {
        StringBuilder out = new StringBuilder(html.length());
        boolean space = true; // no leading space
        for (int i = 0, n = html.length(); i < n; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                i = end < 0 ? n : end;
                c = ' ';
            } else if (c == '&') {
                for (String[] entity : ENTITIES) {
                    if (html.startsWith(entity[0], i)) {
                        i += entity[0].length() - 1;
                        c = entity[1].charAt(0);
                        break;
                    }
                }
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
        int end = out.length();
        return space && end > 0 ? out.substring(0, end - 1) : out.toString();
    }

    private static String render(String text, String query, boolean excerpt) {
        String folded = foldEach(text);
        List<String> words = new ArrayList<>();
        for (String w : SPACES.split(foldEach(VietnameseText.nfc(query)))) {
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

    /** The text without a tag or an entity cut off by its end (search returns the start of each body). */
    static String withoutCutTail(String html) {
        int tag = html.lastIndexOf('<');
        String text = tag >= 0 && html.indexOf('>', tag) < 0 ? html.substring(0, tag) : html;
        int entity = text.lastIndexOf('&');
        return entity >= 0 && ENTITY_START.matcher(text).region(entity, text.length()).matches()
                ? text.substring(0, entity) : text;
    }

    /** Lower case, marks removed, one character for one character. */
    static String foldEach(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    /** As {@link VietnameseText#fold} for one character, or its lower case when that gives several. */
    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        char f = FOLDED[c];
        if (f == 0) {
            String folded = VietnameseText.fold(String.valueOf(c));
            f = folded.length() == 1 ? folded.charAt(0) : Character.toLowerCase(c);
            FOLDED[c] = f; // racing threads write the same value
        }
        return f;
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
