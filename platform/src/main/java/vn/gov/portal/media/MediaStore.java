package vn.gov.portal.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where media bytes live. Keys always start with the tenant ({@code t/<id>/…}). The file system
 * implementation serves one machine or a shared volume; an S3-compatible store can implement
 * the same three calls.
 */
public interface MediaStore {
    void put(String key, byte[] bytes);

    /**
     * An upload received into a temporary file beside where it will live ({@code directory}, a
     * key prefix), flushed to the disk, not yet visible under any key: it is then checked, and
     * either {@link #commit committed} under its key or {@link #discard discarded}.
     */
    record Staged(String directory, Path file, long size, String sha256) {
    }

    /**
     * Copies {@code in} into a new staged file under {@code directory}. More than {@code maxBytes}
     * is refused (413); a full disk is refused (507); either way nothing is left behind.
     */
    Staged stage(String directory, InputStream in, long maxBytes);

    /** Makes a staged file the file of {@code key} (in the same directory), at once and whole. */
    void commit(Staged staged, String key);

    /** Removes a staged file that will not be kept; nothing if it is gone already. */
    void discard(Staged staged);

    Optional<byte[]> get(String key);

    void delete(String key);

    /**
     * The bytes of {@code key} as a stream, for copying files that need not sit in memory whole
     * (site export). The caller closes it.
     */
    default Optional<InputStream> open(String key) {
        return get(key).map(ByteArrayInputStream::new);
    }

    /** Stores what {@code in} holds under {@code key} (site import); the caller closes {@code in}. */
    default void put(String key, InputStream in) {
        try {
            put(key, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key, e);
        }
    }
}
