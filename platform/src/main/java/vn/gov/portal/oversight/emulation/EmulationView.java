package vn.gov.portal.oversight.emulation;

/**
 * What the emulation page ({@code admin/emulation.html}) shows; each component is the template
 * variable of the same name ({@link vn.gov.portal.backoffice.ViewModel}).
 *
 * @param table    the year's scores, formula and notes
 * @param year     the year shown
 * @param thisYear the first year a new formula may take effect from
 * @param current  the formula in force this year (the form's starting values)
 * @param typed    what was typed in the formula form (empty until a refusal brings it back)
 * @param show     how figures are written on the page
 */
public record EmulationView(EmulationScores.YearTable table, int year, int thisYear, EmulationFormulas.Formula current,
                            FormulaForm typed, EmulationPageController.Show show) {
}
