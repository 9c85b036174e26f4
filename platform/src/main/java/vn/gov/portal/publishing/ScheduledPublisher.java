package vn.gov.portal.publishing;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.db.OneNodeJobs;
import vn.gov.portal.infra.db.TenantDb;

/**
 * Publishes scheduled articles when their time comes, whether or not anyone visits (no
 * traffic-driven cron). Every node schedules it, but a run goes ahead on one node at a time
 * ({@link OneNodeJobs}); the conditional update in {@link ArticleService#publishDue} still
 * makes sure each item is published once, even by hand alongside.
 */
@Singleton
public class ScheduledPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublisher.class);
    static final String JOB = "publishing.scheduled";
    private final TenantDb db;
    private final ArticleService articles;
    private final OneNodeJobs jobs;

    public ScheduledPublisher(TenantDb db, ArticleService articles, OneNodeJobs jobs) {
        this.db = db;
        this.articles = articles;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelay = "${portal.publishing.scheduler-interval:500ms}", initialDelay = "2s")
    void run() {
        jobs.tryRun(JOB, this::publishDue);
    }

    private void publishDue() {
        // due_scheduled_articles is the one SQL door that sees every tenant's schedule; it
        // answers ids only (of sites that serve: not suspended, archived or merged, V38), and
        // each item is then published in its own tenant's scope.
        var due = db.directory(ctx -> ctx.fetch("SELECT tenant_id, article_id FROM due_scheduled_articles(100)"));
        for (var row : due) {
            long tenant = row.get(0, Long.class);
            long id = row.get(1, Long.class);
            // One item that fails (a row another change broke, a listener that throws) is logged and
            // left for the next run; it must not keep the items after it from going out.
            try {
                if (articles.publishDue(tenant, id)) {
                    LOG.info("Published article {} of tenant {} on schedule", id, tenant);
                }
            } catch (RuntimeException e) {
                LOG.error("Could not publish article {} of tenant {} on schedule; the others go on", id, tenant, e);
            }
        }
    }
}
