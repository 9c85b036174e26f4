package vn.gov.portal.oversight.royalties;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;

/**
 * Royalties over the API, on the site's own host: the month's statement (JSON,
 * or {@code ?format=xlsx|ods}), the rates in force, the head's or site admin's change of rates
 * (from this month on), and the head's approval of an ended month.
 */
@Controller("/api/v1/royalties")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoyaltiesApiController {
    private final RoyaltyStatements statements;
    private final RoyaltyRates rates;

    public RoyaltiesApiController(RoyaltyStatements statements, RoyaltyRates rates) {
        this.statements = statements;
        this.rates = rates;
    }

    @Needs(Permission.READ_ROYALTIES)
    @Get("/statements/{month}")
    public HttpResponse<?> statement(HttpRequest<?> request, Authentication auth, @PathVariable String month,
                                     @QueryValue @Nullable String format) {
        Tenant site = CurrentSite.tenant(request);
        RoyaltyStatements.Statement s = statements.statement(site, Actor.of(auth), month(month));
        return export(s, site, format);
    }

    /** The statement as JSON, or as a file a spreadsheet opens. */
    static HttpResponse<?> export(RoyaltyStatements.Statement s, Tenant site, @Nullable String format) {
        String name = "nhuan-but-" + site.subdomain() + "-" + s.month();
        if (format == null || format.isBlank() || "json".equals(format)) {
            return HttpResponse.ok(s);
        }
        if ("xlsx".equals(format)) {
            return HttpResponse.ok(StatementSheets.xlsx(s))
                    .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
        }
        if ("ods".equals(format)) {
            return HttpResponse.ok(StatementSheets.ods(s))
                    .contentType("application/vnd.oasis.opendocument.spreadsheet")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".ods\"");
        }
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "royalty.format-invalid", "format");
    }

    /** The rates in force this month (or {@code ?month=}); money only for the head and site admin. */
    @Needs(Permission.READ_ROYALTIES)
    @Get("/rates")
    public RoyaltyRates.Rates rates(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable String month) {
        Actor actor = Actor.of(auth);
        RoyaltyStatements.mustBeMember(actor);
        YearMonth m = month == null || month.isBlank() ? rates.thisMonth() : month(month);
        RoyaltyRates.Rates r = rates.inForce(CurrentSite.tenant(request), m);
        return RoyaltyStatements.seesMoney(actor) ? r : r.withoutMoney();
    }

    /** From this month on; earlier months keep the rates they were paid by. */
    @Needs(Permission.SET_ROYALTY_RATES)
    @Put("/rates")
    public RoyaltyRates.Rates setRates(HttpRequest<?> request, Authentication auth,
                                       @Body RoyaltyRates.RatesInput input) {
        Actor actor = mustSetRates(auth);
        return rates.set(CurrentSite.tenant(request), input, actor.label());
    }

    @Needs(Permission.APPROVE_ROYALTIES)
    @Post("/statements/{month}/approve")
    public RoyaltyStatements.Statement approve(HttpRequest<?> request, Authentication auth,
                                               @PathVariable String month) {
        return statements.approve(CurrentSite.tenant(request), Actor.of(auth), month(month));
    }

    static Actor mustSetRates(Authentication auth) {
        Actor actor = Actor.of(auth);
        actor.must(Permission.SET_ROYALTY_RATES);
        return actor;
    }

    static YearMonth month(@Nullable String text) {
        try {
            YearMonth m = YearMonth.parse(text == null ? "" : text);
            if (m.getYear() < 2000 || m.getYear() > 2200) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.month-invalid", "month");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.month-invalid", "month");
        }
    }
}
