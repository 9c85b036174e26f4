package vn.gov.portal.oversight.royalties;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.BackOfficeForm;
import vn.gov.portal.backoffice.FieldRefusal;

/**
 * The royalties page's "points and the value of a point" form, as typed. Figures stay text
 * until {@link #input()} reads them the way the board writes them ("1,5" points, "234.000"
 * đồng), so a bad one is the page's refusal naming its field; ranges stay with
 * {@link RoyaltyRates#set}.
 */
@Serdeable
public record RatesForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf,
                        @Nullable String newsPoints, @Nullable String eventPoints, @Nullable String lawPoints,
                        @Nullable String announcementPoints, @Nullable String photoPoints,
                        @Nullable String pointValue) implements BackOfficeForm {

    /** Nothing typed yet: the page fills the inputs from the rates in force. */
    static final RatesForm EMPTY = new RatesForm(null, null, null, null, null, null, null);

    /** The service's refusal that is about one field (RoyaltyRates#set). */
    @Override
    public @Nullable String fieldFor(String detailKey) {
        return "royalty.point-value".equals(detailKey) ? "pointValue" : null;
    }

    RoyaltyRates.RatesInput input() {
        return new RoyaltyRates.RatesInput(points(newsPoints, "newsPoints"), points(eventPoints, "eventPoints"),
                points(lawPoints, "lawPoints"), points(announcementPoints, "announcementPoints"),
                points(photoPoints, "photoPoints"), money(pointValue));
    }

    private static @Nullable BigDecimal points(@Nullable String v, String field) {
        try {
            return v == null || v.isBlank() ? null : new BigDecimal(v.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new FieldRefusal(field, "royalty.points");
        }
    }

    private static @Nullable Long money(@Nullable String v) {
        try {
            return v == null || v.isBlank() ? null : Long.parseLong(v.strip().replace(".", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new FieldRefusal("pointValue", "royalty.point-value");
        }
    }
}
