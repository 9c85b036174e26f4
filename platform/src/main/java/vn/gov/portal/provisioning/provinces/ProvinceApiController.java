package vn.gov.portal.provisioning.provinces;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.List;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.provisioning.BulkFile;
import vn.gov.portal.provisioning.BulkProvisioning;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The operator's provinces over the API, on the platform host only:
 * {@code POST /api/v1/provinces} creates one, {@code GET} lists them, and
 * {@code POST /api/v1/provinces/{id}/units} imports its units from the bulk CSV/XLSX file, all
 * rows or none, as the province's own bulk import does.
 */
@Controller("/api/v1/provinces")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProvinceApiController {
    private final Provinces provinces;
    private final BulkProvisioning bulk;
    private final TenantDirectory directory;
    private final Templates templates;

    public ProvinceApiController(Provinces provinces, BulkProvisioning bulk, TenantDirectory directory,
                                 Templates templates) {
        this.provinces = provinces;
        this.bulk = bulk;
        this.directory = directory;
        this.templates = templates;
    }

    @Needs(Permission.ADMINISTER_PLATFORM)
    @Post
    public HttpResponse<Provinces.Created> create(HttpRequest<?> request, Authentication auth,
                                                  @Body Provinces.NewProvince body) {
        PlatformAccess.check(request, auth);
        var created = provinces.create(body, links(request), PlatformAccess.actor(auth));
        return HttpResponse.created(created, URI.create("/api/v1/provinces/" + created.id()));
    }

    @Needs(Permission.ADMINISTER_PLATFORM)
    @Get
    public Provinces.Page list(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable String q,
                               @QueryValue(defaultValue = "1") int page, @QueryValue(defaultValue = "50") int size) {
        PlatformAccess.check(request, auth);
        return provinces.list(q, page, size);
    }

    @Needs(Permission.ADMINISTER_PLATFORM)
    @Post(value = "/{id}/units", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public HttpResponse<BulkProvisioning.Report> units(HttpRequest<?> request, Authentication auth,
                                                       @PathVariable long id,
                                                       @QueryValue(defaultValue = "true") boolean dryRun,
                                                       @Body byte[] file) {
        PlatformAccess.check(request, auth);
        Tenant province = directory.snapshot().byId(id);
        if (province == null || !province.isProvince()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "tenant.not-found");
        }
        List<BulkFile.Line> lines;
        try {
            lines = BulkFile.read(file);
        } catch (BulkFile.Unreadable e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), "file");
        }
        var report = dryRun ? bulk.dryRun(province, lines)
                : bulk.create(province, province.baseDomains().getFirst(), lines, links(request),
                        PlatformAccess.actor(auth));
        report = new BulkProvisioning.Report(report.dryRun(), report.rows(),
                report.problems().stream().map(p -> p.explained(templates)).toList(), report.created());
        HttpStatus status = !report.problems().isEmpty() && !dryRun ? HttpStatus.UNPROCESSABLE_ENTITY
                : !report.created().isEmpty() ? HttpStatus.CREATED : HttpStatus.OK;
        return HttpResponse.status(status).body(report);
    }

    /** Links to the new province's host are written with this request's scheme and port. */
    static LinkOrigin links(HttpRequest<?> request) {
        return LinkOrigin.of(request);
    }
}
