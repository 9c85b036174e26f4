package vn.gov.portal.media;

import java.time.Duration;
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

    /**
     * The largest picture we decode, read from the file's header before any pixel is: a PNG of a
     * few kilobytes can declare 50 000 × 50 000 points, which would take 10 GB of memory to decode.
     * 12 000 points a side covers every camera and scanner a board uses; 40 megapixels (a 50 MP
     * phone's binned output is 12.5) keeps one decode near 160 MB at 4 bytes a point.
     */
    public static final int MAX_IMAGE_SIDE = 12_000;
    public static final long MAX_IMAGE_PIXELS = 40_000_000L;

    /**
     * How many pictures are decoded at once on one node: one per core. Decoding is CPU and memory
     * bound; more at once only divides the cores and multiplies the memory. An upload that finds
     * them all busy waits this long, then is told to come back (503 with Retry-After).
     */
    public static final int DECODES_AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors());
    public static final Duration DECODE_WAIT = Duration.ofSeconds(5);
    public static final Duration DECODE_RETRY_AFTER = Duration.ofSeconds(10);

    /**
     * An office document (OOXML, ODF) is a ZIP: beyond its signature we read its table of contents.
     * Real documents hold tens to a few hundred entries and inflate to a few times their size; a
     * "zip bomb" inflates a few kilobytes to gigabytes for whoever opens it next (the search
     * indexer, a visitor's office suite). The limits are counted on the bytes actually inflated,
     * not on the sizes the archive declares, which it may lie about.
     */
    public static final int MAX_ARCHIVE_ENTRIES = 5_000;
    public static final long MAX_ARCHIVE_INFLATED_BYTES = 256L * 1024 * 1024;

    /** Widths of the image variants; an image narrower than a variant keeps its own width. */
    public static final Map<String, Integer> VARIANT_WIDTHS = Map.of("thumb", 320, "card", 640, "full", 1600);

    private MediaPolicy() {
    }
}
