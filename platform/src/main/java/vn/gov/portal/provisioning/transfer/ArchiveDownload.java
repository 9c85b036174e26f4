package vn.gov.portal.provisioning.transfer;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An exported site as a download, for the API and the console alike: the spooled file is sent
 * as an attachment and removed once sent (or once the client has gone); never kept by a cache.
 */
public final class ArchiveDownload {
    private ArchiveDownload() {
    }

    public static HttpResponse<StreamedFile> of(SiteExport.Exported exported) {
        InputStream in;
        try {
            in = new DeletedOnClose(exported.file());
        } catch (IOException e) {
            SiteExport.delete(exported.file());
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(new StreamedFile(in, MediaType.of(TransferPolicy.ZIP), exported.file().toFile().lastModified(),
                        exported.size()).attach(exported.filename()))
                .header("Cache-Control", "no-store");
    }

    /** A spooled archive that removes itself once sent (or once the client has gone). */
    private static final class DeletedOnClose extends FilterInputStream {
        private final Path file;

        DeletedOnClose(Path file) throws IOException {
            super(Files.newInputStream(file));
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                SiteExport.delete(file);
            }
        }
    }
}
