package vn.gov.portal.provisioning.transfer;

import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.apache.tika.Tika;
import vn.gov.portal.media.MediaPolicy;

/**
 * What a media file of an archive is, read from its bytes as an upload is ({@code MediaService}):
 * the archive's rows say a type, a size and a hash, and none of it is taken on their word. The
 * media row gets the type, kind, size and SHA-256 found here; a file whose bytes are no type an
 * upload may be (an HTML page listed as {@code image/png}) refuses the whole import, since the
 * archive was altered and its other rows are no more trustworthy. Variants must be images.
 *
 * <p>The one place the import asks what a file is: when uploads get a shared detection method
 * (hardening of uploads), this class is what changes.
 */
final class ArchivedMedia {
    private static final Tika TIKA = new Tika();

    /** What the bytes are. Width and height only for images, read from the header (nothing is decoded). */
    record Detected(String contentType, String kind, long size, String sha256, @Nullable Integer width,
                    @Nullable Integer height) {
    }

    private ArchivedMedia() {
    }

    /**
     * Detects {@code bytes} (named {@code key}, whose ending helps tell the office formats apart,
     * which are ZIPs underneath); refuses a type or a size an upload would not get.
     */
    static Detected detect(String key, byte[] bytes, boolean variant) {
        String type = TIKA.detect(bytes, key.substring(key.lastIndexOf('/') + 1));
        boolean image = MediaPolicy.IMAGES.containsKey(type);
        if (!image && (variant || !MediaPolicy.DOCUMENTS.containsKey(type))) {
            throw Archive.refuse("media-type", key + " is " + type, key, type);
        }
        long max = image ? MediaPolicy.MAX_IMAGE_BYTES : MediaPolicy.MAX_DOCUMENT_BYTES;
        if (bytes.length == 0 || bytes.length > max) {
            throw Archive.refuse("media-too-large", key + " has " + bytes.length + " bytes", key, max / (1024 * 1024));
        }
        Integer width = null;
        Integer height = null;
        if (image) {
            int[] size = dimensions(key, type, bytes);
            width = size[0];
            height = size[1];
        }
        return new Detected(type, image ? "IMAGE" : "DOCUMENT", bytes.length, sha256(bytes), width, height);
    }

    /** The image's size from its header; an image no reader can open is no image. */
    private static int[] dimensions(String key, String type, byte[] bytes) {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw Archive.refuse("media-type", key + " is no readable image", key, type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof vn.gov.portal.infra.web.ProblemException p) {
                throw p;
            }
            throw Archive.refuse("media-type", key + " is no readable image: " + e.getMessage(), key, type);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
