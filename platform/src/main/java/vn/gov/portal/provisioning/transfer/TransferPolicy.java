package vn.gov.portal.provisioning.transfer;

import vn.gov.portal.media.MediaPolicy;

/**
 * The archive format and the limits of site transfer, in one place.
 *
 * <p>An archive is a ZIP: one JSON-lines file per table ({@code articles.jsonl}, one row per
 * line, as PostgreSQL's {@code to_jsonb} writes it), {@code media/<storage key>} for every file,
 * and {@code manifest.json} last, holding the SHA-256 and size of every other entry. It carries
 * account password hashes only when the exporter asks ({@code passwordHashes}): whoever holds
 * such an export can try to guess those passwords offline, so it is as sensitive as a database
 * backup. Without them, the import's new accounts set their password by a one-time link.
 *
 * <p>An archive is a file anyone could have edited and re-hashed: the limits below hold whatever
 * the manifest says, and the import takes nothing on the archive's word that it can check
 * (media types and sizes, URLs, which columns of the site's row it may set, quotas).
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

    /*
     * Absolute caps, whatever the archive's size (the expansion ratio alone let a 2 GB upload
     * unpack to 100 GB). Each is checked on the ZIP's own directory and on the manifest before a
     * byte is inflated, and again while reading.
     */
    /** Entries in one archive: a site of 20,000 images has about 100,000 files with their variants. */
    static final int MAX_ENTRIES = 200_000;
    /** One table's JSON lines unpacked: 300 articles with their revisions are a few MB. */
    static final long MAX_TABLE_ENTRY_BYTES = 1024L * 1024 * 1024;
    /** One media file: no upload is larger (MediaPolicy), and the import re-checks each file as an upload. */
    static final long MAX_MEDIA_ENTRY_BYTES = MediaPolicy.MAX_DOCUMENT_BYTES;
    /** Everything unpacked: a province's default storage quota (20 GB) and its tables, with room to spare. */
    static final long MAX_UNPACKED_BYTES = 25L * 1024 * 1024 * 1024;
    /**
     * One JSON line (one row), in characters: a page body may be 1,000,000 characters
     * (PageService.MAX_BODY) and a revision carries a body and its fields; a longer line is not a row
     * this platform wrote, and is refused before it is held in memory whole.
     */
    static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

    private TransferPolicy() {
    }
}
