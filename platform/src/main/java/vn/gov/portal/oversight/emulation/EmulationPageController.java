package vn.gov.portal.oversight.emulation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Map;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.Forms;
import vn.gov.portal.backoffice.ViewModel;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The province's emulation page ({@code /admin/giam-sat/thi-dua}): every unit by its score for
 * the year, with the formula written out in Vietnamese and a form to change its weights from
 * this year or a later one. A refused change shows on the page with what was typed kept.
 */
@Controller("/admin/giam-sat/thi-dua")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmulationPageController {
    private final EmulationScores scores;
    private final EmulationFormulas formulas;
    private final TenantDirectory directory;
    private final AdminPages pages;
    private final Forms forms;

    public EmulationPageController(EmulationScores scores, EmulationFormulas formulas, TenantDirectory directory,
                                   AdminPages pages, Forms forms) {
        this.scores = scores;
        this.formulas = formulas;
        this.directory = directory;
        this.pages = pages;
        this.forms = forms;
    }

    @Get
    public HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable String nam,
                                @QueryValue @Nullable String daLuu) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        int year = nam == null || nam.isBlank() ? formulas.thisYear() : EmulationApiController.year(nam);
        Map<String, Object> model = model(request, province, year);
        model.put("done", daLuu);
        return pages.page(request, "admin/emulation", auth, model, HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/cong-thuc", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> setFormula(HttpRequest<?> request, Authentication auth, @Body FormulaForm form) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return forms.submit(request, "formula", form, () -> {
            var f = formulas.set(province, form.input(), ProvinceAdmins.actor(auth));
            return HttpResponse.seeOther(URI.create("/admin/giam-sat/thi-dua?nam=" + f.fromYear() + "&daLuu=cong-thuc"));
        }, refusal -> {
            Map<String, Object> model = model(request, province, formulas.thisYear());
            model.put("refusal", refusal);
            model.put("typed", form);
            return pages.page(request, "admin/emulation", auth, model, refusal.status());
        });
    }

    private Map<String, Object> model(HttpRequest<?> request, Tenant province, int year) {
        return ViewModel.of(new EmulationView(scores.year(province, CurrentSite.of(request).baseDomain(), year), year,
                formulas.thisYear(), formulas.forYear(province, formulas.thisYear()), FormulaForm.EMPTY, new Show()));
    }

    /** Shares as percentages, scores with a decimal comma; "chưa có dữ liệu" where there is none. */
    public static final class Show {
        public String share(@Nullable BigDecimal s) {
            return s == null ? "chưa có dữ liệu"
                    : s.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString().replace('.', ',') + "%";
        }

        public String score(BigDecimal s) {
            return s.stripTrailingZeros().toPlainString().replace('.', ',');
        }
    }
}
