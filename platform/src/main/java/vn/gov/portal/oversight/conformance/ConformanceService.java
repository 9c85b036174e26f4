package vn.gov.portal.oversight.conformance;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicReference;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.OneNodeJobs;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Tenant;

/** A scan on demand by the province's admins: one at a time per province, audited. */
@Singleton
public class ConformanceService {
    private final ConformanceScan scan;
    private final OneNodeJobs jobs;
    private final TenantDb db;
    private final AuditLog audit;

    public ConformanceService(ConformanceScan scan, OneNodeJobs jobs, TenantDb db, AuditLog audit) {
        this.scan = scan;
        this.jobs = jobs;
        this.db = db;
        this.audit = audit;
    }

    static String provinceJob(Tenant province) {
        return "oversight.conformance:" + province.id();
    }

    /** Scans now, or 409 if a scan of this province is already running (here or on another node). */
    public ConformanceScan.Summary scanNow(Tenant province, String actor) {
        AtomicReference<ConformanceScan.Summary> done = new AtomicReference<>();
        if (!jobs.tryRun(provinceJob(province), () -> done.set(scan.scan(province)))) {
            throw new ProblemException(HttpStatus.CONFLICT, "oversight.conformance-running");
        }
        var s = done.get();
        db.write(TenantScope.of(province.id()), ctx -> {
            audit.recordWithDetail(ctx, province.id(), actor, "oversight.conformance_scan", "conformance", null,
                    "{\"sites\":" + s.sites() + ",\"failing\":" + s.failing() + "}");
            return null;
        });
        return s;
    }
}
