package vn.gov.portal.oversight.emulation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.BackOfficeForm;
import vn.gov.portal.backoffice.FieldRefusal;

/**
 * The emulation page's "change the formula" form, as typed. The numbers stay text until
 * {@link #input()} parses them, so "abc" is the page's refusal naming the field, not a 400 from
 * the binder; the range and sum rules stay with {@link EmulationFormulas#set}.
 */
@Serdeable
public record FormulaForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf,
                          @Nullable String fromYear, @Nullable String quotaWeight,
                          @Nullable String timelinessWeight, @Nullable String reportsWeight,
                          @Nullable String legalBasis) implements BackOfficeForm {

    /** Nothing typed yet: the page fills the inputs from the formula in force. */
    static final FormulaForm EMPTY = new FormulaForm(null, null, null, null, null, null);

    /** The service's refusals that are about one field (EmulationFormulas#set). */
    @Override
    public @Nullable String fieldFor(String detailKey) {
        return switch (detailKey) {
            case "emulation.year-past" -> "fromYear";
            case "oversight.rule-basis" -> "legalBasis";
            default -> null;
        };
    }

    EmulationFormulas.FormulaInput input() {
        return new EmulationFormulas.FormulaInput(number(fromYear, "fromYear"), number(quotaWeight, "quotaWeight"),
                number(timelinessWeight, "timelinessWeight"), number(reportsWeight, "reportsWeight"), legalBasis);
    }

    private static @Nullable Integer number(@Nullable String v, String field) {
        try {
            return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new FieldRefusal(field, "emulation.weight");
        }
    }
}
