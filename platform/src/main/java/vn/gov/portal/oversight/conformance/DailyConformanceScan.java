package vn.gov.portal.oversight.conformance;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.db.OneNodeJobs;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantStatus;

/**
 * The nightly scan of every province: every node schedules it, one runs it
 * ({@link OneNodeJobs}). A province scanned within the last 20 hours (on demand, or by a node
 * whose clock runs a little ahead) is left for the next night.
 */
@Singleton
public class DailyConformanceScan {
    private static final Logger LOG = LoggerFactory.getLogger(DailyConformanceScan.class);
    static final String JOB = "oversight.conformance.daily";
    private static final Duration FRESH = Duration.ofHours(20);
    private final ConformanceScan scan;
    private final ConformanceResults results;
    private final TenantDirectory directory;
    private final OneNodeJobs jobs;
    private final Clock clock;

    public DailyConformanceScan(ConformanceScan scan, ConformanceResults results, TenantDirectory directory,
                                OneNodeJobs jobs, Clock clock) {
        this.scan = scan;
        this.results = results;
        this.directory = directory;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** 02:30 Vietnam time by default: after the day's publishing, before the boards start work. */
    @Scheduled(cron = "${portal.conformance.cron:0 30 2 * * *}", zoneId = ProvinceTime.ZONE_NAME)
    void run() {
        jobs.tryRun(JOB, this::scanAll);
    }

    void scanAll() {
        for (Tenant province : directory.snapshot().provinces()) {
            if (province.status() != TenantStatus.ACTIVE) {
                continue;
            }
            OffsetDateTime last = results.lastScan(province);
            if (last != null && last.isAfter(OffsetDateTime.now(clock).minus(FRESH))) {
                continue;
            }
            try {
                // The same lock as a scan on demand: the two never write the same province at once.
                jobs.tryRun(ConformanceService.provinceJob(province), () -> {
                    var s = scan.scan(province);
                    LOG.info("Conformance scan of {}: {} sites, {} with failures", province.subdomain(), s.sites(),
                            s.failing());
                });
            } catch (RuntimeException e) {
                LOG.error("Conformance scan of {} failed", province.subdomain(), e);
            }
        }
    }
}
