package vn.gov.portal.provisioning.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A ZIP's own count of entries and the size of its central directory, read from its last bytes
 * before {@link java.util.zip.ZipFile} opens it: ZipFile reads the whole central directory into
 * memory on opening, so a 2 GB upload that is nearly all directory (millions of empty entries)
 * would cost gigabytes of heap before any other check could refuse it.
 *
 * <p>Reads the end-of-central-directory record (and its ZIP64 form when the counts overflow).
 * What it cannot find is left to ZipFile, which refuses a damaged file itself.
 */
final class ZipDirectory {
    private static final int END = 0x06054b50;
    private static final int END64_LOCATOR = 0x07064b50;
    private static final int END64 = 0x06064b50;
    private static final int END_SIZE = 22;
    /** The end record may carry a comment of up to 64 KB. */
    private static final int MAX_COMMENT = 0xFFFF;
    /** A central directory entry is 46 bytes and its name: room for the longest name allowed. */
    static final long MAX_DIRECTORY_BYTES = TransferPolicy.MAX_ENTRIES * (46L + 2 * 512);

    private ZipDirectory() {
    }

    /** Refuses (too-many-entries) a ZIP whose directory says it holds more than the archive may. */
    static void check(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, END_SIZE + MAX_COMMENT);
            ByteBuffer buf = read(ch, size - tail, tail);
            for (int at = tail - END_SIZE; at >= 0; at--) {
                // The real record ends the file, its comment last (as ZipFile finds it): a signature
                // inside a comment is not it.
                if (buf.getInt(at) != END || at + END_SIZE + Short.toUnsignedInt(buf.getShort(at + 20)) != tail) {
                    continue;
                }
                long entries = Short.toUnsignedLong(buf.getShort(at + 10));
                long directory = Integer.toUnsignedLong(buf.getInt(at + 12));
                long endAt = size - tail + at;
                if ((entries == 0xFFFF || directory == 0xFFFFFFFFL) && endAt >= 20) {
                    ByteBuffer locator = read(ch, endAt - 20, 20);
                    if (locator.getInt(0) == END64_LOCATOR) {
                        long end64At = locator.getLong(8);
                        if (end64At >= 0 && end64At + 56 <= size) {
                            ByteBuffer end64 = read(ch, end64At, 56);
                            if (end64.getInt(0) == END64) {
                                entries = end64.getLong(32);
                                directory = end64.getLong(40);
                            }
                        }
                    }
                }
                if (entries < 0 || entries > TransferPolicy.MAX_ENTRIES || directory < 0
                        || directory > MAX_DIRECTORY_BYTES) {
                    throw Archive.refuse("too-many-entries", "the ZIP lists " + entries + " entries in "
                            + directory + " bytes of directory", TransferPolicy.MAX_ENTRIES);
                }
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining() && ch.read(buf, at + buf.position()) > 0) {
            // reads until full or at the end of the file
        }
        return buf.flip();
    }
}
