package vn.gov.portal.oversight.royalties;

import static vn.gov.portal.db.Tables.ROYALTY_RATES;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.jooq.DSLContext;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Tenant;

/**
 * A site's royalty rate table (nhuận bút, TN Đ21, TQ Đ17.4): points per kind of article, points
 * for a featured photo, and what one point is worth. Dated like the oversight rules: a change
 * applies from the month it is made, and earlier months keep the rates they were paid by.
 *
 * <p>The regulation presets carry no rates (the regulations leave them to the province's
 * decision and Decree 18/2014's frame), so until a site sets its own the platform's defaults
 * apply, and say so: {@link #DEFAULTS}.
 */
@Singleton
public class RoyaltyRates {
    private static final BigDecimal MAX_POINTS = new BigDecimal("1000");
    private static final long MAX_POINT_VALUE = 100_000_000L;

    /**
     * The platform's defaults, not any regulation's figures: a news item 2 points, event news 2,
     * law dissemination 3, an announcement 1, a featured photo 1 more; one point 234.000 đ (10% of
     * the 2.340.000 đ base salary, the unit Decree 18/2014 prices points by).
     */
    public static final Rates DEFAULTS = new Rates(points("2"), points("2"), points("3"), points("1"), points("1"),
            234_000L, null, null, true);

    private final TenantDb db;
    private final AuditLog audit;
    private final Clock clock;

    public RoyaltyRates(TenantDb db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Rates in force: points per kind and per photo, the value of a point in đồng, from which
     * month ({@code null} with {@code defaults} for the platform's defaults) and who set them.
     */
    @Serdeable
    public record Rates(BigDecimal newsPoints, BigDecimal eventPoints, BigDecimal lawPoints,
                        BigDecimal announcementPoints, BigDecimal photoPoints, @Nullable Long pointValue,
                        @Nullable LocalDate effectiveFrom, @Nullable String setBy, boolean defaults) {

        /** Points for an article of {@code kind} (NEWS, EVENT, LAW_DISSEMINATION, ANNOUNCEMENT). */
        public BigDecimal forKind(String kind) {
            return switch (kind) {
                case "EVENT" -> eventPoints;
                case "LAW_DISSEMINATION" -> lawPoints;
                case "ANNOUNCEMENT" -> announcementPoints;
                default -> newsPoints;
            };
        }

        /** In đồng, rounded to the nearest đồng. */
        public long amount(BigDecimal points) {
            return points.multiply(BigDecimal.valueOf(pointValue == null ? 0 : pointValue))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
        }

        /** The same rates without what a point is worth: for readers who may not see money. */
        Rates withoutMoney() {
            return new Rates(newsPoints, eventPoints, lawPoints, announcementPoints, photoPoints, null, effectiveFrom,
                    null, defaults);
        }
    }

    /** What a head or site admin sends: every figure required. */
    @Serdeable
    public record RatesInput(@Nullable BigDecimal newsPoints, @Nullable BigDecimal eventPoints,
                             @Nullable BigDecimal lawPoints, @Nullable BigDecimal announcementPoints,
                             @Nullable BigDecimal photoPoints, @Nullable Long pointValue) {
    }

    public YearMonth thisMonth() {
        return ProvinceTime.thisMonth(clock);
    }

    /** The rates a month of the site is paid by. */
    public Rates inForce(Tenant site, YearMonth month) {
        return db.read(TenantScope.of(site.id()), ctx -> inForce(ctx, site, month));
    }

    Rates inForce(DSLContext ctx, Tenant site, YearMonth month) {
        var r = ctx.selectFrom(ROYALTY_RATES)
                .where(ROYALTY_RATES.TENANT_ID.eq(site.id()), ROYALTY_RATES.EFFECTIVE_FROM.le(month.atDay(1)))
                .orderBy(ROYALTY_RATES.EFFECTIVE_FROM.desc()).limit(1).fetchOne();
        if (r == null) {
            return DEFAULTS;
        }
        return new Rates(r.getNewsPoints(), r.getEventPoints(), r.getLawPoints(), r.getAnnouncementPoints(),
                r.getPhotoPoints(), r.getPointValue(), r.getEffectiveFrom(), r.getSetBy(), false);
    }

    /** From this month on the site pays by these rates; earlier months keep theirs. */
    public Rates set(Tenant site, RatesInput in, String actor) {
        BigDecimal news = points(in.newsPoints(), "newsPoints");
        BigDecimal event = points(in.eventPoints(), "eventPoints");
        BigDecimal law = points(in.lawPoints(), "lawPoints");
        BigDecimal announcement = points(in.announcementPoints(), "announcementPoints");
        BigDecimal photo = points(in.photoPoints(), "photoPoints");
        if (in.pointValue() == null || in.pointValue() < 0 || in.pointValue() > MAX_POINT_VALUE) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "royalty.point-value", "pointValue");
        }
        YearMonth month = thisMonth();
        LocalDate from = month.atDay(1);
        db.write(TenantScope.of(site.id()), ctx -> {
            ctx.insertInto(ROYALTY_RATES).set(ROYALTY_RATES.TENANT_ID, site.id())
                    .set(ROYALTY_RATES.EFFECTIVE_FROM, from).set(ROYALTY_RATES.NEWS_POINTS, news)
                    .set(ROYALTY_RATES.EVENT_POINTS, event).set(ROYALTY_RATES.LAW_POINTS, law)
                    .set(ROYALTY_RATES.ANNOUNCEMENT_POINTS, announcement).set(ROYALTY_RATES.PHOTO_POINTS, photo)
                    .set(ROYALTY_RATES.POINT_VALUE, in.pointValue()).set(ROYALTY_RATES.SET_BY, actor)
                    .onConflict(ROYALTY_RATES.TENANT_ID, ROYALTY_RATES.EFFECTIVE_FROM).doUpdate()
                    .set(ROYALTY_RATES.NEWS_POINTS, news).set(ROYALTY_RATES.EVENT_POINTS, event)
                    .set(ROYALTY_RATES.LAW_POINTS, law).set(ROYALTY_RATES.ANNOUNCEMENT_POINTS, announcement)
                    .set(ROYALTY_RATES.PHOTO_POINTS, photo).set(ROYALTY_RATES.POINT_VALUE, in.pointValue())
                    .set(ROYALTY_RATES.SET_BY, actor).set(ROYALTY_RATES.SET_AT, OffsetDateTime.now(clock))
                    .execute();
            audit.recordWithDetail(ctx, site.id(), actor, "royalty.rates", "royalty_rates:" + from, null,
                    "{\"news\":" + news + ",\"event\":" + event + ",\"law\":" + law + ",\"announcement\":"
                            + announcement + ",\"photo\":" + photo + ",\"pointValue\":" + in.pointValue()
                            + ",\"from\":\"" + from + "\"}");
            return null;
        });
        return inForce(site, month);
    }

    private static BigDecimal points(@Nullable BigDecimal value, String field) {
        if (value == null || value.signum() < 0 || value.compareTo(MAX_POINTS) > 0 || value.scale() > 2
                && value.stripTrailingZeros().scale() > 2) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "royalty.points", field);
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal points(String text) {
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }
}
