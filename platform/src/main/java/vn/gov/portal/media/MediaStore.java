package vn.gov.portal.media;

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
}
