package vn.gov.portal.oversight.royalties;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.Forms;
import vn.gov.portal.backoffice.Refusal;
import vn.gov.portal.backoffice.TokenForm;
import vn.gov.portal.backoffice.ViewModel;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;

/**
 * The board's royalties page ({@code /admin/nhuan-but}): the month's statement (the whole of it
 * with money for the head and site admin, one's own lines for other members), its exports, the
 * rate table (editable by the head and site admin, from this month on) and the head's approval.
 * A refused change shows on the page with what was typed kept.
 */
@Controller("/admin/nhuan-but")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoyaltiesAdminController {
    private final RoyaltyStatements statements;
    private final RoyaltyRates rates;
    private final AdminPages pages;
    private final Forms forms;

    public RoyaltiesAdminController(RoyaltyStatements statements, RoyaltyRates rates, AdminPages pages, Forms forms) {
        this.statements = statements;
        this.rates = rates;
        this.pages = pages;
        this.forms = forms;
    }

    @Get
    public HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable String thang,
                                @QueryValue @Nullable String daLuu) {
        YearMonth month = thang == null || thang.isBlank() ? rates.thisMonth() : RoyaltiesApiController.month(thang);
        Map<String, Object> model = model(request, auth, month);
        model.put("done", daLuu);
        return pages.page(request, "admin/royalties", auth, model, HttpStatus.OK);
    }

    @Get("/{thang}/xuat")
    public HttpResponse<?> export(HttpRequest<?> request, Authentication auth, @PathVariable String thang,
                                  @QueryValue("dinh-dang") @Nullable String format) {
        Tenant site = CurrentSite.tenant(request);
        var s = statements.statement(site, Actor.of(auth), RoyaltiesApiController.month(thang));
        return RoyaltiesApiController.export(s, site, format == null || format.isBlank() ? "xlsx" : format);
    }

    @Needs(Permission.SET_ROYALTY_RATES)
    @Post(value = "/bieu-diem", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> setRates(HttpRequest<?> request, Authentication auth, @Body RatesForm form) {
        YearMonth month = rates.thisMonth();
        return forms.submit(request, "rates", form, () -> {
            Actor actor = RoyaltiesApiController.mustSetRates(auth);
            rates.set(CurrentSite.tenant(request), form.input(), actor.label());
            return HttpResponse.seeOther(URI.create("/admin/nhuan-but?thang=" + month + "&daLuu=bieu-diem"));
        }, refusal -> {
            Map<String, Object> model = model(request, auth, month);
            model.put("typed", form);
            return refused(request, auth, model, refusal);
        });
    }

    @Needs(Permission.APPROVE_ROYALTIES)
    @Post(value = "/{thang}/phe-duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> approve(HttpRequest<?> request, Authentication auth, @PathVariable String thang,
                                   @Body TokenForm form) {
        YearMonth month = RoyaltiesApiController.month(thang);
        return forms.submit(request, "approve", form, () -> {
            statements.approve(CurrentSite.tenant(request), Actor.of(auth), month);
            return HttpResponse.seeOther(URI.create("/admin/nhuan-but?thang=" + month + "&daLuu=phe-duyet"));
        }, refusal -> refused(request, auth, model(request, auth, month), refusal));
    }

    /** The page with the refusal; a refusal for lack of rights stays the 403 page, as the API's. */
    private HttpResponse<?> refused(HttpRequest<?> request, Authentication auth, Map<String, Object> model,
                                    Refusal refusal) {
        if (refusal.status() == HttpStatus.FORBIDDEN) {
            throw new ProblemException(HttpStatus.FORBIDDEN, refusal.messageKey(), null, refusal.argArray());
        }
        model.put("refusal", refusal);
        return pages.page(request, "admin/royalties", auth, model, refusal.status());
    }

    private Map<String, Object> model(HttpRequest<?> request, Authentication auth, YearMonth month) {
        Actor actor = Actor.of(auth);
        Tenant site = CurrentSite.tenant(request);
        return ViewModel.of(new RoyaltiesView(month.toString(), month.minusMonths(1).toString(),
                month.plusMonths(1).toString(), statements.statement(site, actor, month),
                RoyaltyStatements.seesMoney(actor), actor.may(Permission.APPROVE_ROYALTIES) && month.isBefore(rates.thisMonth()),
                rates.inForce(site, rates.thisMonth()), rates.thisMonth().toString(), RatesForm.EMPTY, new Show()));
    }

    /** Figures as the board reads them: "1,5" points, "234.000" đồng, dates in Vietnam's time. */
    public static final class Show {
        public String points(@Nullable BigDecimal p) {
            return p == null ? "—" : p.stripTrailingZeros().toPlainString().replace('.', ',');
        }

        public String money(@Nullable Long amount) {
            return amount == null ? "—" : String.format(Locale.ROOT, "%,d", amount).replace(',', '.');
        }

        public String when(String iso) {
            return StatementSheets.when(iso);
        }
    }
}
