package vn.gov.portal.provisioning.transfer;

/**
 * The archive format and the limits of site transfer, in one place.
 *
 * <p>An archive is a ZIP: one JSON-lines file per table ({@code articles.jsonl}, one row per
 * line, as PostgreSQL's {@code to_jsonb} writes it), {@code media/<storage key>} for every file,
 * and {@code manifest.json} last, holding the SHA-256 and size of every other entry. It carries
 * account password hashes: whoever holds an export can try to guess those passwords offline,
 * so it is as sensitive as a database backup.
 */
final class TransferPolicy {
    /** What {@code manifest.json} says it is. */
    static final String FORMAT = "portal-site-export";
    /** Raised when an older importer could no longer read the archive correctly. */
    static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String MEDIA_PREFIX = "media/";
    static final String ZIP = "application/zip";

    /** Rows sent to PostgreSQL per INSERT on import, or fewer when their text reaches BATCH_CHARS. */
    static final int BATCH_ROWS = 500;
    /** Long article bodies: a batch is held in memory twice (rows and their JSON), so keep it a few MB. */
    static final long BATCH_CHARS = 4L * 1024 * 1024;
    /** Rows fetched per round trip on export (the cursor streams; nothing is held whole). */
    static final int FETCH_ROWS = 500;
    /** The manifest is read whole; even a site with 100,000 files lists them in a few MB. */
    static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;
    /**
     * What an archive may unpack to, as a multiple of its own size: JSON compresses about 10:1
     * and media not at all, so 50 leaves room for a text-only site and still stops a ZIP bomb
     * before its bytes are read.
     */
    static final long MAX_EXPANSION = 50;

    private TransferPolicy() {
    }
}
