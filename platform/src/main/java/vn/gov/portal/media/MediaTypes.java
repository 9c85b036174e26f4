package vn.gov.portal.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;
import vn.gov.portal.infra.web.ProblemException;

/**
 * What a file is, decided from its bytes, and whether the site may keep it: the one door every
 * file coming into a media library goes through (an upload here, a site archive's media in the
 * import). {@link #detect(Path, String)} answers an accepted file's type, kind, ending and, for a
 * picture, its size as its header declares it; anything else is refused with the
 * {@link ProblemException} a client reads (415 for a type we do not take or a document that is
 * not what it claims, 413 for a picture too large to decode). It reads headers and tables of
 * contents only: no picture is decoded here.
 */
public final class MediaTypes {
    private static final Tika TIKA = new Tika();

    private MediaTypes() {
    }

    /** An accepted file: its type, IMAGE or DOCUMENT, the ending it is stored under, a picture's size. */
    public record Detected(String contentType, String kind, String extension, @Nullable Integer width,
                           @Nullable Integer height) {
        public boolean image() {
            return "IMAGE".equals(kind);
        }
    }

    /** The type of the file at {@code file}, which the uploader called {@code name}. */
    public static Detected detect(Path file, @Nullable String name) {
        String type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = TIKA.detect(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (MediaPolicy.IMAGES.containsKey(type)) {
            int[] size = declaredSize(file);
            long pixels = (long) size[0] * size[1];
            if (size[0] > MediaPolicy.MAX_IMAGE_SIDE || size[1] > MediaPolicy.MAX_IMAGE_SIDE
                    || pixels > MediaPolicy.MAX_IMAGE_PIXELS) {
                // The message names the limits, not the file's size: the back office's forms show
                // messages without arguments.
                throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "media.image-too-large");
            }
            return new Detected(type, "IMAGE", MediaPolicy.IMAGES.get(type), size[0], size[1]);
        }
        if (!MediaPolicy.DOCUMENTS.containsKey(type)) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.type-refused");
        }
        if (OfficePackage.isOne(type)) {
            // Tika names a ZIP by its ending when the bytes say no more than "a ZIP": the archive
            // itself must show it is that document, and the ending must not claim another.
            String byName = name == null ? type : TIKA.detect(name);
            if (!type.equals(byName)) {
                throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.document-invalid");
            }
            OfficePackage.check(file, type);
        }
        return new Detected(type, "DOCUMENT", MediaPolicy.DOCUMENTS.get(type), null, null);
    }

    /** The same for bytes in memory (they go through a temporary file: a ZIP is read from its end). */
    public static Detected detect(byte[] bytes, @Nullable String name) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("portal-detect", ".bin");
            Files.write(tmp, bytes);
            return detect(tmp, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A temporary file left behind is the system's to clear; the answer stands.
                }
            }
        }
    }

    /**
     * Width and height as the header declares them (PNG IHDR, JPEG SOF, GIF descriptor), read by
     * the format's ImageReader without decoding a pixel.
     */
    private static int[] declaredSize(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.type-refused");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            // A header the reader cannot make sense of: not a picture we can take.
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.type-refused");
        }
    }
}
