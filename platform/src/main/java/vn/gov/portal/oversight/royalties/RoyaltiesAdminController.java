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
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;

/**
 * The board's royalties page ({@code /admin/nhuan-but}): the month's statement (the whole of it
 * with money for the head and site admin, one's own lines for other members), its exports, the
 * rate table (editable by the head and site admin, from this month on) and the head's approval.
 * A refused change shows on the page with what was typed kept.
 */
@Controller("/admin/nhuan-but")
@vn.gov.portal.infra.web.ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoyaltiesAdminController {
    private final RoyaltyStatements statements;
    private final RoyaltyRates rates;
    private final AdminPages pages;

    public RoyaltiesAdminController(RoyaltyStatements statements, RoyaltyRates rates, AdminPages pages) {
        this.statements = statements;
        this.rates = rates;
        this.pages = pages;
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

    @Post(value = "/bieu-diem", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> setRates(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        YearMonth month = rates.thisMonth();
        try {
            Actor actor = RoyaltiesApiController.mustSetRates(auth);
            rates.set(CurrentSite.tenant(request), new RoyaltyRates.RatesInput(number(form, "newsPoints"),
                    number(form, "eventPoints"), number(form, "lawPoints"), number(form, "announcementPoints"),
                    number(form, "photoPoints"), whole(form, "pointValue")), actor.label());
            return HttpResponse.seeOther(URI.create("/admin/nhuan-but?thang=" + month + "&daLuu=bieu-diem"));
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN) {
                throw refused;
            }
            Map<String, Object> model = model(request, auth, month);
            model.put("error", refused.detailKey());
            model.put("typed", form);
            return pages.page(request, "admin/royalties", auth, model, refused.status());
        }
    }

    @Post(value = "/{thang}/phe-duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> approve(HttpRequest<?> request, Authentication auth, @PathVariable String thang,
                                   @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        YearMonth month = RoyaltiesApiController.month(thang);
        try {
            statements.approve(CurrentSite.tenant(request), Actor.of(auth), month);
            return HttpResponse.seeOther(URI.create("/admin/nhuan-but?thang=" + month + "&daLuu=phe-duyet"));
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN) {
                throw refused;
            }
            Map<String, Object> model = model(request, auth, month);
            model.put("error", refused.detailKey());
            return pages.page(request, "admin/royalties", auth, model, refused.status());
        }
    }

    private Map<String, Object> model(HttpRequest<?> request, Authentication auth, YearMonth month) {
        Actor actor = Actor.of(auth);
        Tenant site = CurrentSite.tenant(request);
        Map<String, Object> model = new HashMap<>();
        model.put("month", month.toString());
        model.put("previous", month.minusMonths(1).toString());
        model.put("next", month.plusMonths(1).toString());
        model.put("statement", statements.statement(site, actor, month));
        model.put("money", RoyaltyStatements.seesMoney(actor));
        model.put("mayApprove", actor.has(Role.HEAD) && month.isBefore(rates.thisMonth()));
        model.put("current", rates.inForce(site, rates.thisMonth()));
        model.put("thisMonth", rates.thisMonth().toString());
        model.put("show", new Show());
        model.put("typed", Map.of());
        return model;
    }

    private static @Nullable BigDecimal number(Map<String, String> form, String field) {
        String v = form.get(field);
        try {
            return v == null || v.isBlank() ? null : new BigDecimal(v.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "royalty.points", field);
        }
    }

    private static @Nullable Long whole(Map<String, String> form, String field) {
        String v = form.get(field);
        try {
            return v == null || v.isBlank() ? null : Long.parseLong(v.strip().replace(".", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "royalty.point-value", field);
        }
    }

    /** Figures as the board reads them: "1,5" points, "234.000" đồng, dates in Vietnam's time. */
    public static final class Show {
        public String points(@Nullable BigDecimal p) {
            return p == null ? "—" : p.stripTrailingZeros().toPlainString().replace('.', ',');
        }

        public String money(@Nullable Long amount) {
            return amount == null ? "—" : String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.');
        }

        public String when(String iso) {
            return StatementSheets.when(iso);
        }
    }
}
