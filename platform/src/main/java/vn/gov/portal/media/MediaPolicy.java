package vn.gov.portal.media;

import java.util.Map;

/**
 * What a site may upload, in one place. Types are decided from the bytes. DO NOT add
 * image/svg+xml or text/html: both can carry script that runs on the site's own origin.
 */
public final class MediaPolicy {
    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    public static final long MAX_DOCUMENT_BYTES = 25L * 1024 * 1024;

    /** Accepted images and the format their variants are written in. */
    public static final Map<String, String> IMAGES = Map.of(
            "image/jpeg", "jpg",
            "image/png", "png",
            "image/gif", "png");

    /** Accepted documents (open formats first, TT 39/2017) and their file endings. */
    public static final Map<String, String> DOCUMENTS = Map.of(
            "application/pdf", "pdf",
            "application/vnd.oasis.opendocument.text", "odt",
            "application/vnd.oasis.opendocument.spreadsheet", "ods",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    /** Widths of the image variants; an image narrower than a variant keeps its own width. */
    public static final Map<String, Integer> VARIANT_WIDTHS = Map.of("thumb", 320, "card", 640, "full", 1600);

    private MediaPolicy() {
    }
}
