package vn.gov.portal.infra.text;

import io.micronaut.core.annotation.Nullable;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text rules in one place. Everything is stored in Unicode NFC (TCVN 6909):
 * text typed on some systems arrives decomposed, and then neither matches nor sorts.
 */
public final class VietnameseText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private VietnameseText() {
    }

    /** NFC, trimmed; null stays null. Call on every write of user text. */
    public static @Nullable String nfc(@Nullable String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }

    /** Lower-case ASCII with marks removed and đ → d: "Phan Đình Phùng" → "phan dinh phung". */
    public static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
