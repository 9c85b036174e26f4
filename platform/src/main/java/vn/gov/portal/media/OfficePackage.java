package vn.gov.portal.media;

import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import vn.gov.portal.infra.web.ProblemException;

/**
 * An office document's ZIP checked beyond its signature: the entries its format requires, no
 * macros, and bounded in entries and in the bytes it inflates to (MediaPolicy). Any ZIP renamed
 * .docx passes the signature check; this is what tells it from a document.
 */
final class OfficePackage {
    /** OOXML (ECMA-376): the folder of the main part and the content type [Content_Types].xml names for it. */
    private record Ooxml(String folder, String mainPart) {
    }

    private static final Map<String, Ooxml> OOXML = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            new Ooxml("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            new Ooxml("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            new Ooxml("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"));

    /** ODF (ISO/IEC 26300): its first entry, "mimetype", holds exactly the document's type. */
    private static final Set<String> ODF = Set.of(
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");

    /** [Content_Types].xml lists every part; real ones are a few kilobytes. */
    private static final int MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

    private OfficePackage() {
    }

    static boolean isOne(String contentType) {
        return OOXML.containsKey(contentType) || ODF.contains(contentType);
    }

    /** Refuses (415, media.document-invalid) a file that is not a sound document of {@code contentType}. */
    static void check(Path file, String contentType) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MediaPolicy.MAX_ARCHIVE_ENTRIES) {
                throw invalid();
            }
            Set<String> names = new HashSet<>();
            String first = null;
            long inflated = 0;
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (first == null) {
                    first = e.getName();
                }
                names.add(e.getName());
                // Word and Excel refuse macros in a .docx/.xlsx; so do we (a renamed .docm carries them).
                if (e.getName().endsWith("vbaProject.bin")) {
                    throw invalid();
                }
                inflated += inflate(zip, e, MediaPolicy.MAX_ARCHIVE_INFLATED_BYTES - inflated);
            }
            Ooxml ooxml = OOXML.get(contentType);
            if (ooxml != null) {
                boolean hasMain = names.stream().anyMatch(n -> n.startsWith(ooxml.folder()));
                if (!hasMain || !names.contains("_rels/.rels") || !names.contains("[Content_Types].xml")
                        || !text(zip, "[Content_Types].xml", MAX_CONTENT_TYPES_BYTES).contains(ooxml.mainPart())) {
                    throw invalid();
                }
            } else if (!"mimetype".equals(first) || !names.contains("content.xml")
                    || !names.contains("META-INF/manifest.xml")
                    || !contentType.equals(text(zip, "mimetype", 200).strip())) {
                throw invalid();
            }
        } catch (ZipException | IllegalArgumentException e) {
            // Not a ZIP at all, or entry names that are not even text.
            throw invalid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inflates one entry, counting the bytes it really gives; refuses past {@code allowance}. */
    private static long inflate(ZipFile zip, ZipEntry entry, long allowance) throws IOException {
        long n = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int r; (r = in.read(buffer)) > 0; ) {
                n += r;
                if (n > allowance) {
                    throw invalid();
                }
            }
        }
        return n;
    }

    private static String text(ZipFile zip, String name, int max) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            return "";
        }
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readNBytes(max), StandardCharsets.UTF_8);
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.document-invalid");
    }
}
