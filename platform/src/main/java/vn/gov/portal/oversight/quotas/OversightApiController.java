package vn.gov.portal.oversight.quotas;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.oversight.rules.DeadlineRule;
import vn.gov.portal.oversight.rules.OversightRules;
import vn.gov.portal.oversight.rules.QuotaRule;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;

/**
 * The province's oversight over the API, on the province's host for its
 * board's head or content administrator and the platform admin: each site's quota and
 * timeliness for a month, a site's items, the trend, and the rules.
 */
@Controller("/api/v1/oversight")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OversightApiController {
    private final QuotaBoard board;
    private final OversightRules rules;
    private final TenantDirectory directory;
    private final QuotaReminders reminders;

    public OversightApiController(QuotaBoard board, OversightRules rules, TenantDirectory directory,
                                  QuotaReminders reminders) {
        this.reminders = reminders;
        this.board = board;
        this.rules = rules;
        this.directory = directory;
    }

    @Serdeable
    public record QuotaInput(@Nullable Integer minPerMonth, @Nullable String counted, @Nullable String legalBasis) {
    }

    @Serdeable
    public record DeadlineInput(@Nullable String unit, @Nullable Integer amount, @Nullable String countedFrom,
                                @Nullable String legalBasis) {
    }

    /** {@code month}: YYYY-MM, this month when absent. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/quotas")
    public List<SiteMonth> quotas(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable String month) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return board.month(province, CurrentSite.of(request).baseDomain(), month(month));
    }

    /** This month's reminders: which sites were told they are short, when, and whether mail went. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/reminders")
    public Collection<QuotaReminders.Reminder> reminders(HttpRequest<?> request, Authentication auth) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return reminders.thisMonth(province).values();
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/trend")
    public List<QuotaBoard.MonthTotals> trend(HttpRequest<?> request, Authentication auth,
                                              @QueryValue @Nullable Integer months) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        int n = months == null ? 12 : months;
        if (n < 1 || n > 36) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.months-invalid", "months");
        }
        return board.trend(province, n);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/sites/{id}/items")
    public List<QuotaBoard.ItemRow> items(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                          @QueryValue @Nullable String month) {
        var dir = directory.snapshot();
        Tenant site = ProvinceAdmins.componentSite(dir, ProvinceAdmins.provinceFor(request, auth, dir), id);
        return board.items(site, month(month));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/rules")
    public OversightRules.InForce rulesInForce(HttpRequest<?> request, Authentication auth,
                                               @QueryValue @Nullable String month) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return rules.inForce(province, month(month));
    }

    /** From this month on; earlier months keep the rule they were judged by. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Put("/rules/quotas/{kind}")
    public QuotaRule setQuota(HttpRequest<?> request, Authentication auth, @PathVariable String kind,
                              @Body QuotaInput input) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        TenantKind k;
        try {
            k = TenantKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-kind", "tenantKind");
        }
        if (input.minPerMonth() == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-amount", "minPerMonth");
        }
        return rules.setQuota(province, k, input.minPerMonth(), input.counted(), input.legalBasis(),
                ProvinceAdmins.actor(auth));
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Put("/rules/deadlines/{contentType}")
    public DeadlineRule setDeadline(HttpRequest<?> request, Authentication auth, @PathVariable String contentType,
                                    @Body DeadlineInput input) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return rules.setDeadline(province, contentType, input.unit() == null ? "" : input.unit(), input.amount(),
                input.countedFrom(), input.legalBasis(), ProvinceAdmins.actor(auth));
    }

    private YearMonth month(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return board.thisMonth();
        }
        try {
            YearMonth m = YearMonth.parse(text);
            if (m.getYear() < 2000 || m.getYear() > 2200) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.month-invalid", "month");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.month-invalid", "month");
        }
    }
}
