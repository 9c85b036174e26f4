package vn.gov.portal.media;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.web.ProblemException;

/**
 * Media under {@code <data dir>/media} (PORTAL_MEDIA_DIR to move it, e.g. to a shared volume).
 * Every file is written to a temporary file beside its final name, forced to the disk and renamed
 * into place: a reader, a crash or a full disk never sees half a file under a key.
 */
@Singleton
public class FileMediaStore implements MediaStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileMediaStore.class);
    private final Path root;

    public FileMediaStore(@Value("${portal.media.dir:}") String mediaDir, @Value("${portal.data-dir:data}") String dataDir) {
        this.root = (mediaDir == null || mediaDir.isBlank() ? Path.of(dataDir).resolve("media") : Path.of(mediaDir))
                .toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] bytes) {
        put(key, new ByteArrayInputStream(bytes));
    }

    @Override
    public void put(String key, InputStream in) {
        Path target = resolve(key);
        Staged staged = stage(target.getParent(), in, Long.MAX_VALUE);
        commit(staged, target);
    }

    @Override
    public Staged stage(String directory, InputStream in, long maxBytes) {
        return stage(resolve(directory), in, maxBytes);
    }

    /**
     * Writes {@code in} to a temporary file in {@code dir} (the same file system as its final
     * name, so the move that follows is a rename), hashing it on the way, and forces it to the
     * disk before answering: a file that is committed and then has its row is a file that is there.
     */
    private Staged stage(Path dir, InputStream in, long maxBytes) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".upload", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] chunk = new byte[64 * 1024];
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "media.too-large");
                    }
                    sha.update(chunk, 0, n);
                    ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
                    while (buffer.hasRemaining()) {
                        write(out, buffer);
                    }
                }
                out.force(true);
            }
            return new Staged(root.relativize(dir).toString().replace('\\', '/'), tmp, size,
                    HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw refusal(e, dir);
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(tmp);
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void commit(Staged staged, String key) {
        Path target = resolve(key);
        if (!staged.file().getParent().equals(target.getParent())) {
            throw new IllegalArgumentException("A staged file is committed in its own directory: " + key);
        }
        commit(staged, target);
    }

    private void commit(Staged staged, Path target) {
        try {
            Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
        } catch (IOException e) {
            deleteQuietly(staged.file());
            throw refusal(e, target);
        }
    }

    @Override
    public void discard(Staged staged) {
        deleteQuietly(staged.file());
    }

    /**
     * One write of the file's bytes to the disk. The seam where the disk answers: a test store
     * overrides it to fill up part way through a file, as a full disk does.
     */
    protected int write(FileChannel out, ByteBuffer bytes) throws IOException {
        return out.write(bytes);
    }

    /** A rename is durable once its directory is on the disk too (POSIX; a no-op where it cannot be opened). */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems (and other systems than Linux) do not open directories: the rename
            // still happened; only its durability across a power cut is what the system makes it.
        }
    }

    /**
     * A full disk (or a spent disk quota) is the operator's to fix and the writer's to hear about
     * plainly: 507, problem+json. Anything else is a failure of ours.
     */
    private static RuntimeException refusal(Exception e, Path where) {
        if (e instanceof RuntimeException r && !(e instanceof UncheckedIOException)) {
            return r;
        }
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        String message = String.valueOf(io.getMessage());
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            LOG.error("Media storage is full, writing {}: {}", where, message);
            return new ProblemException(HttpStatus.INSUFFICIENT_STORAGE, "media.disk-full");
        }
        return new UncheckedIOException("Cannot store under " + where, io);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Cannot remove the temporary file {}: {}", p, e.getMessage());
        }
    }

    /** Where the files are (tests look there for what a refusal must not leave behind). */
    Path root() {
        return root;
    }

    @Override
    public Optional<InputStream> open(String key) {
        Path p = resolve(key);
        try {
            return Files.exists(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path p = resolve(key);
        try {
            return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + key, e);
        }
    }

    /** Keys are made by MediaService, but a key must never climb out of the root all the same. */
    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("Bad media key " + key);
        }
        return p;
    }
}
