package vn.gov.portal.provisioning.transfer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * Export, import and deletion of a component site (TB Đ10.3), beside the province's other site
 * endpoints under {@code /api/v1/tenants} and guarded the same way ({@link ProvinceAdmins}): the
 * platform admin, or the province board's head or site admin on the province's host. A site of
 * another province, or the province itself, is 404.
 */
@Controller("/api/v1/tenants")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TenantTransferController {
    private final TenantDirectory directory;
    private final SiteExport export;
    private final SiteImport importer;
    private final SiteDeletion deletion;
    private final long maxArchiveBytes;

    public TenantTransferController(TenantDirectory directory, SiteExport export, SiteImport importer,
                                    SiteDeletion deletion, HttpServerConfiguration server) {
        this.directory = directory;
        this.export = export;
        this.importer = importer;
        this.deletion = deletion;
        this.maxArchiveBytes = server.getMaxRequestSize();
    }

    /**
     * The site's archive, as a download; the spooled file is removed once it has been sent. Password
     * hashes only with {@code passwordHashes=true}.
     */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get(value = "/{id}/export", produces = TransferPolicy.ZIP)
    public HttpResponse<StreamedFile> export(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                             @Nullable @QueryValue Boolean passwordHashes) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = ProvinceAdmins.componentSite(dir, province, id);
        return ArchiveDownload.of(export.export(site, dir.hostOf(site, CurrentSite.of(request).baseDomain()),
                ProvinceAdmins.actor(auth), Boolean.TRUE.equals(passwordHashes)));
    }

    /**
     * A site from an archive (the request body), as a new site of this province under
     * {@code subdomain} (and {@code parent}, a site of the province, when given). Its quotas are this
     * platform's (the kind's defaults), not the archive's, unless the caller sets them here.
     */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/import", consumes = {TransferPolicy.ZIP, MediaType.APPLICATION_OCTET_STREAM})
    public HttpResponse<SiteImport.Imported> importSite(HttpRequest<?> request, Authentication auth,
                                                        @Nullable @QueryValue String subdomain,
                                                        @Nullable @QueryValue String parent,
                                                        @Nullable @QueryValue Long storageQuotaBytes,
                                                        @Nullable @QueryValue Integer memberQuota,
                                                        @Body InputStream body) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        // The label and quotas are checked before the upload is read: a refusal need not wait for gigabytes.
        importer.parentFor(province, parent, subdomain);
        var quotas = ImportQuotas.of(storageQuotaBytes, memberQuota);
        Path file = SiteExport.tempFile();
        try {
            spool(body, file);
            var imported = importer.importArchive(province, parent, subdomain, CurrentSite.of(request).baseDomain(),
                    file, quotas, LinkOrigin.of(request), ProvinceAdmins.actor(auth));
            return HttpResponse.created(imported, URI.create("/api/v1/tenants/" + imported.id()));
        } finally {
            SiteExport.delete(file);
        }
    }

    /** Deletes an archived or suspended site for good; {@code confirm} repeats its label. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Delete("/{id}")
    public SiteDeletion.Deleted delete(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                       @Nullable @QueryValue String confirm) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        Tenant site = ProvinceAdmins.componentSite(dir, province, id);
        return deletion.delete(province, site, confirm, ProvinceAdmins.actor(auth));
    }

    /** Copies the upload to disk, refusing it once it passes the limit (the server's own limit too). */
    private void spool(InputStream body, Path file) {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > maxArchiveBytes) {
                    throw Refusals.archive("too-large");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
