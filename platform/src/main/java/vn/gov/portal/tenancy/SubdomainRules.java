package vn.gov.portal.tenancy;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.gov.portal.infra.text.VietnameseText;

/**
 * What a site's label may be (ND 224/2026 Đ11.4: the name without diacritics, đ → d).
 * Each refusal names its rule, so a form or a problem+json can say which.
 */
public final class SubdomainRules {
    /** Labels that belong to the platform or would mislead visitors; never a site's. */
    public static final Set<String> RESERVED = Set.of("www", "admin", "api", "mail", "smtp", "imap", "pop", "ftp",
            "english", "en", "ko", "zh", "ja", "static", "assets", "cdn", "media", "portal", "cong", "dichvucong",
            "ns1", "ns2", "localhost", "test", "demo", "emc");
    public static final int MAX_LENGTH = 63;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern UNIT_PREFIX = Pattern.compile(
            "^(tinh|thanh pho|phuong|xa|dac khu|thi tran|huyen|quan|thi xa)\\s+");

    private SubdomainRules() {
    }

    /** The rule a label breaks, if any: one of length, shape, reserved. */
    public static Optional<String> violation(String label) {
        if (label == null || label.isEmpty() || label.length() > MAX_LENGTH) {
            return Optional.of("length");
        }
        if (!SHAPE.matcher(label).matches()) {
            return Optional.of("shape");
        }
        if (RESERVED.contains(label)) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    /**
     * A label suggested from a unit's name, as the province's own list derives them: the
     * administrative prefix of a place goes ("Phường Phan Đình Phùng" → "phandinhphung"), an
     * agency's stays ("Sở Tài chính" → "sotaichinh").
     */
    public static String suggest(String name) {
        String folded = VietnameseText.fold(VietnameseText.nfc(name));
        folded = UNIT_PREFIX.matcher(folded).replaceFirst("");
        return folded.replaceAll("[^a-z0-9]", "");
    }
}
