package vn.gov.portal.provisioning;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.identity.ProvinceAdmins;

/**
 * {@code POST /api/v1/tenants/bulk}: the file is the body (CSV or XLSX). {@code dryRun=true}
 * (the default: a mistake costs nothing) reports every bad row; {@code dryRun=false} creates
 * all rows, answering 201, or none, answering 422 with the same report.
 */
@Controller("/api/v1/tenants/bulk")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BulkProvisioningController {
    private final BulkProvisioning bulk;
    private final TenantDirectory directory;
    private final Templates templates;

    public BulkProvisioningController(BulkProvisioning bulk, TenantDirectory directory, Templates templates) {
        this.bulk = bulk;
        this.directory = directory;
        this.templates = templates;
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public HttpResponse<BulkProvisioning.Report> upload(HttpRequest<?> request, Authentication auth,
                                                       @QueryValue(defaultValue = "true") boolean dryRun,
                                                       @Body byte[] file) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        List<BulkFile.Line> lines;
        try {
            lines = BulkFile.read(file);
        } catch (BulkFile.Unreadable e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), "file");
        }
        var report = dryRun ? bulk.dryRun(province, lines)
                : bulk.create(province, CurrentSite.of(request).baseDomain(), lines, LinkOrigin.of(request),
                        ProvinceAdmins.actor(auth));
        report = new BulkProvisioning.Report(report.dryRun(), report.rows(),
                report.problems().stream().map(p -> p.explained(templates)).toList(), report.created());
        HttpStatus status = !report.problems().isEmpty() && !dryRun ? HttpStatus.UNPROCESSABLE_ENTITY
                : !report.created().isEmpty() ? HttpStatus.CREATED : HttpStatus.OK;
        return HttpResponse.status(status).body(report);
    }
}
