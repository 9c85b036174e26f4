package vn.gov.portal.interaction;

import static vn.gov.portal.db.Tables.RATINGS;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.Tenant;

/**
 * Visitors' satisfaction with a site on the four criteria of TN Đ12.1d and ND 224 Đ10.3b:
 * interface, content, quality of service, support. A rating is anonymous by construction: the
 * row holds the page, four numbers and the date, nothing else, and it is only ever read back
 * as averages, so no visitor's answer is shown per person.
 */
@Singleton
public class Ratings {
    private static final int MAX_PATH = 300;
    private final TenantDb db;

    public Ratings(TenantDb db) {
        this.db = db;
    }

    /** One visitor's four scores, each 1 (very dissatisfied) to 5 (very satisfied). */
    public record Scores(int design, int content, int quality, int support) {
        boolean valid() {
            return in(design) && in(content) && in(quality) && in(support);
        }

        private static boolean in(int n) {
            return n >= 1 && n <= 5;
        }
    }

    /** Averages over a set of ratings (a page, or the whole site). */
    @Serdeable
    public record Averages(String page, int count, BigDecimal design, BigDecimal content, BigDecimal quality,
                           BigDecimal support) {
    }

    /** What the board sees: the site as a whole, then each page, most rated first. */
    @Serdeable
    public record Summary(Averages site, List<Averages> pages) {
    }

    public void record(Tenant site, String page, Scores scores) {
        long tenantId = site.id();
        if (!scores.valid() || !validPath(page)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "rating.invalid");
        }
        db.write(TenantScope.of(tenantId), ctx -> ctx.insertInto(RATINGS)
                .set(RATINGS.TENANT_ID, tenantId).set(RATINGS.PAGE_PATH, page)
                .set(RATINGS.INTERFACE, (short) scores.design()).set(RATINGS.CONTENT, (short) scores.content())
                .set(RATINGS.QUALITY, (short) scores.quality()).set(RATINGS.SUPPORT, (short) scores.support())
                .execute());
    }

    /** A page of this site: an absolute path without query, of sane length. */
    static boolean validPath(String page) {
        return page != null && page.startsWith("/") && !page.startsWith("//") && page.length() <= MAX_PATH
                && page.indexOf('?') < 0 && page.chars().noneMatch(Character::isISOControl);
    }

    /** The board's view: anyone with a seat on this site's board, or the province's board above it. */
    public Summary summary(Tenant site, Actor actor) {
        long tenantId = site.id();
        actor.must(Permission.READ_RATINGS);
        return db.read(TenantScope.of(tenantId), ctx -> {
            Field<?>[] averages = {DSL.count(), avg(RATINGS.INTERFACE), avg(RATINGS.CONTENT), avg(RATINGS.QUALITY),
                    avg(RATINGS.SUPPORT)};
            var all = ctx.select(averages).from(RATINGS).where(RATINGS.TENANT_ID.eq(tenantId)).fetchOne();
            var pages = ctx.select(RATINGS.PAGE_PATH).select(averages).from(RATINGS)
                    .where(RATINGS.TENANT_ID.eq(tenantId)).groupBy(RATINGS.PAGE_PATH)
                    .orderBy(DSL.count().desc(), RATINGS.PAGE_PATH).limit(200)
                    .fetch(r -> new Averages(r.get(0, String.class), r.get(1, Integer.class), r.get(2, BigDecimal.class),
                            r.get(3, BigDecimal.class), r.get(4, BigDecimal.class), r.get(5, BigDecimal.class)));
            return new Summary(new Averages("*", all.get(0, Integer.class), all.get(1, BigDecimal.class),
                    all.get(2, BigDecimal.class), all.get(3, BigDecimal.class), all.get(4, BigDecimal.class)), pages);
        });
    }

    private static Field<BigDecimal> avg(Field<Short> f) {
        return DSL.round(DSL.avg(f), 2);
    }
}
