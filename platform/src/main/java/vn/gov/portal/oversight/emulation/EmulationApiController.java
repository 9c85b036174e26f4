package vn.gov.portal.oversight.emulation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;

/**
 * The annual emulation table over the API, on the province's host for its
 * head or site admin and the platform admin, and the province's change of the formula.
 */
@Controller("/api/v1/oversight/emulation")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmulationApiController {
    private final EmulationScores scores;
    private final EmulationFormulas formulas;
    private final TenantDirectory directory;

    public EmulationApiController(EmulationScores scores, EmulationFormulas formulas, TenantDirectory directory) {
        this.scores = scores;
        this.formulas = formulas;
        this.directory = directory;
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Get("/{year}")
    public EmulationScores.YearTable year(HttpRequest<?> request, Authentication auth, @PathVariable String year) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return scores.year(province, CurrentSite.of(request).baseDomain(), year(year));
    }

    /** From {@code fromYear} (this year when absent) on; past years keep their formula. */
    @Needs(Permission.ADMINISTER_PROVINCE)
    @Put("/formula")
    public EmulationFormulas.Formula setFormula(HttpRequest<?> request, Authentication auth,
                                                @Body EmulationFormulas.FormulaInput input) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        return formulas.set(province, input, ProvinceAdmins.actor(auth));
    }

    static int year(String text) {
        try {
            int y = Integer.parseInt(text);
            if (y >= 2000 && y <= 2200) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "emulation.year-invalid", "year");
    }
}
