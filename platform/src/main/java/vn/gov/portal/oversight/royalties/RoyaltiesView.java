package vn.gov.portal.oversight.royalties;

/**
 * What the royalties page ({@code admin/royalties.html}) shows; each component is the template
 * variable of the same name ({@link vn.gov.portal.backoffice.ViewModel}).
 *
 * @param month      the month shown, "2026-12"; previous and next for the links
 * @param statement  the month's statement as this reader may see it
 * @param money      whether this reader sees amounts (RoyaltyStatements#seesMoney)
 * @param mayApprove the head, on a month that is over
 * @param current    the rates in force this month (the form's starting values)
 * @param thisMonth  the month new rates take effect from
 * @param typed      what was typed in the rates form (empty until a refusal brings it back)
 * @param show       how figures are written on the page
 */
public record RoyaltiesView(String month, String previous, String next, RoyaltyStatements.Statement statement,
                            boolean money, boolean mayApprove, RoyaltyRates.Rates current, String thisMonth,
                            RatesForm typed, RoyaltiesAdminController.Show show) {
}
