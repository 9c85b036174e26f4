package vn.gov.portal.provisioning.transfer;

import io.micronaut.core.annotation.Nullable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.tika.Tika;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.media.MediaPolicy;
import vn.gov.portal.media.MediaTypes;

/**
 * What a media file of an archive is, read from its bytes as an upload is ({@code MediaService}):
 * the archive's rows say a type, a size and a hash, and none of it is taken on their word. The
 * media row gets the type, kind, size and SHA-256 found here; a file whose bytes are no type an
 * upload may be (an HTML page listed as {@code image/png}) refuses the whole import, since the
 * archive was altered and its other rows are no more trustworthy. Variants must be images.
 *
 * <p>What a file is comes from {@link MediaTypes}, the door every upload goes through too (a
 * picture too large to decode, a document that is no document, are refused alike).
 */
final class ArchivedMedia {
    /** Only to name, in a refusal, what a refused file is; the decision is {@link MediaTypes}'. */
    private static final Tika NAMES_ONLY = new Tika();
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
        MediaTypes.Detected found;
        try {
            found = MediaTypes.detect(bytes, key.substring(key.lastIndexOf('/') + 1));
        } catch (ProblemException refused) {
            // The upload's own refusal (a type we do not take, a document that is not what it
            // claims, a picture too large to decode), said in the import's words.
            String type = NAMES_ONLY.detect(bytes, key.substring(key.lastIndexOf('/') + 1));
            throw Archive.refuse("media-type", key + " is " + type + " (" + refused.detailKey() + ")", key, type);
        }
        if (variant && !found.image()) {
            throw Archive.refuse("media-type", key + " is " + found.contentType(), key, found.contentType());
        }
        long max = found.image() ? MediaPolicy.MAX_IMAGE_BYTES : MediaPolicy.MAX_DOCUMENT_BYTES;
        if (bytes.length == 0 || bytes.length > max) {
            throw Archive.refuse("media-too-large", key + " has " + bytes.length + " bytes", key, max / (1024 * 1024));
        }
        return new Detected(found.contentType(), found.kind(), bytes.length, sha256(bytes), found.width(),
                found.height());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
