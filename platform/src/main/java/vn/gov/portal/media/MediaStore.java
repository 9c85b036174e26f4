package vn.gov.portal.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where media bytes live. Keys always start with the tenant ({@code t/<id>/…}). The file system
 * implementation serves one machine or a shared volume; an S3-compatible store can implement
 * the same three calls.
 */
public interface MediaStore {
    void put(String key, byte[] bytes);

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
