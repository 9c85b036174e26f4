package vn.gov.portal.oversight.royalties;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.ROYALTY_LINES;
import static vn.gov.portal.db.Tables.ROYALTY_STATEMENTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.Tenant;

/**
 * A site's monthly royalty statement: each original article published in the
 * month (translations are not paid again), its author, kind, photo, points and amount by the
 * rates in force that month, and the totals per person. The schema records one author per
 * article ({@code articles.author_id}) and no other contributors, so the author takes the line.
 *
 * <p>Who reads what: the site's head and site administrator see the whole statement with money;
 * any other member of the board sees only their own lines, with points and without money. The
 * head approves a month once it has ended: its lines and rates are then kept as they were, and
 * later changes of rates or articles leave it alone.
 */
@Singleton
public class RoyaltyStatements {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private final TenantDb db;
    private final RoyaltyRates rates;
    private final AuditLog audit;
    private final JsonMapper json;

    public RoyaltyStatements(TenantDb db, RoyaltyRates rates, AuditLog audit, JsonMapper json) {
        this.db = db;
        this.rates = rates;
        this.audit = audit;
        this.json = json;
    }

    /** One person's share of one article. {@code amount} is null for readers who may not see money. */
    @Serdeable
    public record Line(long articleId, String title, String kind, boolean photo, String publishedAt, long accountId,
                       String person, BigDecimal points, @Nullable Long amount) {
    }

    @Serdeable
    public record PersonTotal(long accountId, String person, int items, BigDecimal points, @Nullable Long amount) {
    }

    /**
     * {@code full}: the whole statement with money (head, site admin); otherwise the reader's own
     * lines. {@code approvedBy}/{@code approvedAt} are set once the head has approved it.
     */
    @Serdeable
    public record Statement(String month, String site, boolean full, boolean approved, @Nullable String approvedBy,
                            @Nullable String approvedAt, RoyaltyRates.Rates rates, List<Line> lines,
                            List<PersonTotal> totals, BigDecimal totalPoints, @Nullable Long totalAmount) {
    }

    /** Whether this reader sees the whole statement and its money. */
    public static boolean seesMoney(Actor actor) {
        return actor.may(Permission.READ_ROYALTY_AMOUNTS);
    }

    /** Members of the site's board; anyone else is refused. */
    static void mustBeMember(Actor actor) {
        actor.must(Permission.READ_ROYALTIES);
    }

    public Statement statement(Tenant site, Actor reader, YearMonth month) {
        mustBeMember(reader);
        Statement whole = db.read(TenantScope.of(site.id()), ctx -> whole(ctx, site, month));
        return seesMoney(reader) ? whole : ownLines(whole, reader.accountId());
    }

    /** Approves an ended month: its lines and rates are kept as they are now. Only the head. */
    public Statement approve(Tenant site, Actor head, YearMonth month) {
        head.must(Permission.APPROVE_ROYALTIES);
        if (!month.isBefore(rates.thisMonth())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "royalty.month-open", "month");
        }
        return db.write(TenantScope.of(site.id()), ctx -> {
            Statement s = whole(ctx, site, month);
            if (s.approved()) {
                throw new ProblemException(HttpStatus.CONFLICT, "royalty.already-approved", "month");
            }
            ctx.insertInto(ROYALTY_STATEMENTS).set(ROYALTY_STATEMENTS.TENANT_ID, site.id())
                    .set(ROYALTY_STATEMENTS.MONTH, month.atDay(1)).set(ROYALTY_STATEMENTS.RATES, rates(s.rates()))
                    .set(ROYALTY_STATEMENTS.TOTAL_POINTS, s.totalPoints())
                    .set(ROYALTY_STATEMENTS.TOTAL_AMOUNT, s.totalAmount())
                    .set(ROYALTY_STATEMENTS.APPROVED_BY, head.label()).execute();
            for (Line l : s.lines()) {
                ctx.insertInto(ROYALTY_LINES).set(ROYALTY_LINES.TENANT_ID, site.id())
                        .set(ROYALTY_LINES.MONTH, month.atDay(1)).set(ROYALTY_LINES.ARTICLE_ID, l.articleId())
                        .set(ROYALTY_LINES.ACCOUNT_ID, l.accountId()).set(ROYALTY_LINES.PERSON, l.person())
                        .set(ROYALTY_LINES.TITLE, l.title()).set(ROYALTY_LINES.KIND, l.kind())
                        .set(ROYALTY_LINES.PHOTO, l.photo())
                        .set(ROYALTY_LINES.PUBLISHED_AT, OffsetDateTime.parse(l.publishedAt()))
                        .set(ROYALTY_LINES.POINTS, l.points()).set(ROYALTY_LINES.AMOUNT, l.amount()).execute();
            }
            audit.recordWithDetail(ctx, site.id(), head.label(), "royalty.statement_approved",
                    "royalty_statement:" + month, null, "{\"lines\":" + s.lines().size() + ",\"totalAmount\":"
                            + s.totalAmount() + "}");
            return whole(ctx, site, month);
        });
    }

    /** The approved statement as it was kept, or the month computed from the articles now. */
    private Statement whole(DSLContext ctx, Tenant site, YearMonth month) {
        var kept = ctx.selectFrom(ROYALTY_STATEMENTS)
                .where(ROYALTY_STATEMENTS.TENANT_ID.eq(site.id()), ROYALTY_STATEMENTS.MONTH.eq(month.atDay(1)))
                .fetchOne();
        if (kept != null) {
            List<Line> lines = ctx.selectFrom(ROYALTY_LINES)
                    .where(ROYALTY_LINES.TENANT_ID.eq(site.id()), ROYALTY_LINES.MONTH.eq(month.atDay(1)))
                    .orderBy(ROYALTY_LINES.PUBLISHED_AT, ROYALTY_LINES.ARTICLE_ID).fetch(r -> new Line(
                            r.getArticleId(), r.getTitle(), r.getKind(), r.getPhoto(), r.getPublishedAt().toString(),
                            r.getAccountId(), r.getPerson(), r.getPoints(), r.getAmount()));
            return assemble(site, month, true, kept.getApprovedBy(),
                    WHEN.format(kept.getApprovedAt().atZoneSameInstant(ProvinceTime.ZONE)),
                    rates(kept.getRates()), lines);
        }
        RoyaltyRates.Rates r = rates.inForce(ctx, site, month);
        OffsetDateTime from = month.atDay(1).atStartOfDay(ProvinceTime.ZONE).toOffsetDateTime();
        OffsetDateTime until = month.plusMonths(1).atDay(1).atStartOfDay(ProvinceTime.ZONE).toOffsetDateTime();
        List<Line> lines = ctx.select(ARTICLES.ID, ARTICLES.TITLE, ARTICLES.KIND, ARTICLES.FEATURED_IMAGE,
                        ARTICLES.PUBLISHED_AT, ARTICLES.AUTHOR_ID, ACCOUNTS.FULL_NAME)
                .from(ARTICLES).join(ACCOUNTS).on(ACCOUNTS.ID.eq(ARTICLES.AUTHOR_ID))
                .where(ARTICLES.TENANT_ID.eq(site.id()), ARTICLES.ORIGINAL_ID.isNull(),
                        ARTICLES.STATUS.in("PUBLISHED", "ARCHIVED"), ARTICLES.PUBLISHED_AT.ge(from),
                        ARTICLES.PUBLISHED_AT.lt(until))
                .orderBy(ARTICLES.PUBLISHED_AT, ARTICLES.ID).fetch(a -> {
                    boolean photo = a.value4() != null && !a.value4().isBlank();
                    BigDecimal points = r.forKind(a.value3()).add(photo ? r.photoPoints() : BigDecimal.ZERO);
                    return new Line(a.value1(), a.value2(), a.value3(), photo, a.value5().toString(), a.value6(),
                            a.value7(), points, r.amount(points));
                });
        return assemble(site, month, false, null, null, r, lines);
    }

    private static Statement assemble(Tenant site, YearMonth month, boolean approved, @Nullable String approvedBy,
                                      @Nullable String approvedAt, RoyaltyRates.Rates r, List<Line> lines) {
        Map<Long, PersonTotal> totals = new LinkedHashMap<>();
        BigDecimal points = BigDecimal.ZERO.setScale(2);
        long amount = 0;
        for (Line l : lines) {
            totals.merge(l.accountId(), new PersonTotal(l.accountId(), l.person(), 1, l.points(), l.amount()),
                    (a, b) -> new PersonTotal(a.accountId(), a.person(), a.items() + 1, a.points().add(b.points()),
                            a.amount() + b.amount()));
            points = points.add(l.points());
            amount += l.amount();
        }
        List<PersonTotal> people = new ArrayList<>(totals.values());
        people.sort((a, b) -> b.points().compareTo(a.points()));
        return new Statement(month.toString(), site.name(), true, approved, approvedBy, approvedAt, r, lines, people,
                points, amount);
    }

    /** The reader's own lines, points only: no one else's, and no money. */
    private static Statement ownLines(Statement whole, long accountId) {
        List<Line> mine = whole.lines().stream().filter(l -> l.accountId() == accountId)
                .map(l -> new Line(l.articleId(), l.title(), l.kind(), l.photo(), l.publishedAt(), l.accountId(),
                        l.person(), l.points(), null)).toList();
        List<PersonTotal> total = whole.totals().stream().filter(t -> t.accountId() == accountId)
                .map(t -> new PersonTotal(t.accountId(), t.person(), t.items(), t.points(), null)).toList();
        BigDecimal points = mine.stream().map(Line::points).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Statement(whole.month(), whole.site(), false, whole.approved(), null, whole.approvedAt(),
                whole.rates().withoutMoney(), mine, total, points, null);
    }

    private JSONB rates(RoyaltyRates.Rates r) {
        try {
            return JSONB.valueOf(json.writeValueAsString(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RoyaltyRates.Rates rates(JSONB kept) {
        try {
            return json.readValue(kept.data(), RoyaltyRates.Rates.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
