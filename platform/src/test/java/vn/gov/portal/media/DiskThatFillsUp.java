package vn.gov.portal.media;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The media store on a disk with {@link #room} bytes left: writes go through until it is used up,
 * then fail part way through a file as the kernel reports it (ENOSPC). Only where a test asks
 * for it ({@code portal.test.full-disk}).
 */
@Singleton
@Replaces(FileMediaStore.class)
@Requires(property = "portal.test.full-disk", value = "true")
class DiskThatFillsUp extends FileMediaStore {
    final AtomicLong room = new AtomicLong(Long.MAX_VALUE);

    DiskThatFillsUp(@Value("${portal.media.dir:}") String mediaDir, @Value("${portal.data-dir:data}") String dataDir) {
        super(mediaDir, dataDir);
    }

    @Override
    protected int write(FileChannel out, ByteBuffer bytes) throws IOException {
        long left = room.get();
        if (left <= 0) {
            throw new IOException("No space left on device");
        }
        if (bytes.remaining() > left) {
            ByteBuffer part = bytes.slice(bytes.position(), (int) left);
            int n = out.write(part);
            bytes.position(bytes.position() + n);
            room.addAndGet(-n);
            return n;
        }
        int n = out.write(bytes);
        room.addAndGet(-n);
        return n;
    }
}
