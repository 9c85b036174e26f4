package vn.gov.portal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.tenancy.TenantStatus;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/**
 * Two merges of the same two sites at once, in opposite directions (two province admins, two
 * tabs): one goes through, the other is refused as already merged, and the sites are not each
 * merged into the other. Both pass the checks made on the directory snapshot; only the rows
 * locked in the merge's own transaction tell them apart.
 */
@SharedApplication
class ConcurrentMergesOfTheSameSitesTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    SiteLifecycle lifecycle;

    @Test
    void oppositeMergesAtOnceLeaveExactlyOneMerged() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String domain = Fixtures.flatProvince(provisioning, "hopnhat");
                Tenant so = site(domain, "so");
                Tenant xa = site(domain, "xa");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<SiteMerge.Moved>> merges = new ArrayList<>();
                merges.add(pool.submit(() -> {
                    together.await();
                    return lifecycle.merge(so, xa, "test");
                }));
                merges.add(pool.submit(() -> {
                    together.await();
                    return lifecycle.merge(xa, so, "test");
                }));
                int done = 0;
                int refused = 0;
                for (var merge : merges) {
                    try {
                        merge.get();
                        done++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).as("round %d", round).isInstanceOf(ProblemException.class);
                        assertThat(((ProblemException) e.getCause()).status().getCode()).isEqualTo(409);
                        refused++;
                    }
                }
                assertThat(done).as("round %d", round).isEqualTo(1);
                assertThat(refused).isEqualTo(1);
                long merged = List.of(site(domain, "so"), site(domain, "xa")).stream()
                        .filter(t -> t.status() == TenantStatus.MERGED).count();
                assertThat(merged).as("round %d: sites merged", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Tenant site(String domain, String subdomain) {
        var snapshot = directory.snapshot();
        var province = snapshot.provinces().stream().filter(p -> p.baseDomains().contains(domain)).findFirst()
                .orElseThrow();
        return snapshot.child(province.id(), subdomain);
    }
}
