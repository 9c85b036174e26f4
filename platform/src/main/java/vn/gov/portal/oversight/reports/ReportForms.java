package vn.gov.portal.oversight.reports;

import static vn.gov.portal.db.Tables.PRESET_REPORT_FORMS;
import static vn.gov.portal.db.Tables.REGULATION_PRESETS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Tenant;

/**
 * The periodic reports a province's regulation preset asks for (preset_report_forms), as forms
 * with their parts. Nothing here names a regulation's columns: they are the preset's rows.
 *
 * <p>A form whose fields are empty (TN, TQ, TB, VP: "báo cáo định kỳ" without a fixed content)
 * is laid out on BG's annex, Mẫu 01 then Mẫu 02, read from that preset's rows
 * (REQUIREMENTS.md §6: "BG's annex fixes the form"). A form that mixes text and figures is split
 * into a figures table and a text table, as the annex keeps them apart.
 */
@Singleton
public class ReportForms {
    /** The preset whose annex lays out forms that fix no content of their own. */
    static final String ANNEX_PRESET = "BG-2023";

    private final TenantDb db;
    private final JsonMapper json;

    public ReportForms(TenantDb db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A province's forms, and the place name its reports are dated at ("Thái Nguyên, ngày …"). */
    public record Catalogue(String place, List<ReportForm> forms) {

        /** The forms due for a period. */
        public List<ReportForm> covering(ReportPeriod period) {
            return forms.stream().filter(f -> f.covers(period)).toList();
        }

        /**
         * The form {@code code} for {@code period}; without a code, the one form the period has.
         * 404 for a form the preset does not ask for that period, 422 when a code is needed.
         */
        public ReportForm form(ReportPeriod period, @Nullable String code) {
            List<ReportForm> due = covering(period);
            if (code == null || code.isBlank()) {
                if (due.size() == 1) {
                    return due.getFirst();
                }
                if (due.isEmpty()) {
                    throw new ProblemException(HttpStatus.NOT_FOUND, "report.form-unknown", "form");
                }
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.form-required", "form",
                        String.join(", ", due.stream().map(ReportForm::code).toList()));
            }
            return due.stream().filter(f -> f.code().equals(code.strip())).findFirst()
                    .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "report.form-unknown", "form"));
        }
    }

    public Catalogue of(Tenant province) {
        return db.directory(ctx -> {
            var preset = ctx.select(REGULATION_PRESETS.PROVINCE_NAME).from(REGULATION_PRESETS)
                    .where(REGULATION_PRESETS.ID.eq(province.presetId())).fetchOne();
            String place = preset == null ? province.name() : preset.value1();
            var rows = ctx.selectFrom(PRESET_REPORT_FORMS).where(PRESET_REPORT_FORMS.PRESET_ID.eq(province.presetId()))
                    .orderBy(PRESET_REPORT_FORMS.CODE).fetch();
            List<ReportPart> annex = null;
            List<ReportForm> forms = new ArrayList<>();
            for (var row : rows) {
                List<ReportField> fields = fields(row.getFields().data());
                List<ReportPart> parts;
                if (fields.isEmpty()) {
                    if (annex == null) {
                        annex = ctx.select(PRESET_REPORT_FORMS.asterisk()).from(PRESET_REPORT_FORMS)
                                .join(REGULATION_PRESETS).on(REGULATION_PRESETS.ID.eq(PRESET_REPORT_FORMS.PRESET_ID))
                                .where(REGULATION_PRESETS.CODE.eq(ANNEX_PRESET))
                                .orderBy(PRESET_REPORT_FORMS.CODE).fetch().stream()
                                .flatMap(r -> parts(r, fields(r.get(PRESET_REPORT_FORMS.FIELDS).data())).stream())
                                .toList();
                    }
                    parts = annex;
                } else {
                    parts = parts(row, fields);
                }
                List<ReportPeriod.Kind> periods = new ArrayList<>();
                for (String p : row.getPeriods()) {
                    if (p.equals("HALF_YEAR") || p.equals("YEAR")) {
                        periods.add(ReportPeriod.Kind.valueOf(p));
                    }
                }
                forms.add(new ReportForm(row.getCode(), row.getName(), List.copyOf(periods), parts,
                        row.getLegalBasis(), row.getDueWorkingDays()));
            }
            return new Catalogue(place, List.copyOf(forms));
        });
    }

    /** One row's tables: figures and text apart, each under the row's title (the form's name if none). */
    private static List<ReportPart> parts(Record row, List<ReportField> fields) {
        String title = row.get(PRESET_REPORT_FORMS.TITLE) != null ? row.get(PRESET_REPORT_FORMS.TITLE)
                : row.get(PRESET_REPORT_FORMS.NAME);
        String label = row.get(PRESET_REPORT_FORMS.ANNEX_LABEL);
        String note = row.get(PRESET_REPORT_FORMS.NOTE);
        List<ReportField> figures = fields.stream().filter(f -> f.answer() != ReportField.Answer.TEXT).toList();
        List<ReportField> text = fields.stream().filter(f -> f.answer() == ReportField.Answer.TEXT).toList();
        List<ReportPart> parts = new ArrayList<>();
        if (!figures.isEmpty()) {
            parts.add(new ReportPart(label, title, note, figures));
        }
        if (!text.isEmpty()) {
            parts.add(new ReportPart(label, title, figures.isEmpty() ? note : null, text));
        }
        return parts;
    }

    private List<ReportField> fields(String jsonArray) {
        List<Map<String, Object>> raw;
        try {
            raw = json.readValue(jsonArray, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ReportField> fields = new ArrayList<>();
        for (Map<String, Object> f : raw) {
            String no = String.valueOf(f.get("no"));
            String label = String.valueOf(f.get("label"));
            Object heading = f.get("heading");
            Object source = f.get("source");
            ReportField.Answer answer;
            try {
                answer = ReportField.Answer.valueOf(String.valueOf(f.get("answer")));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Report field " + no + " of a preset has an unknown answer: "
                        + f.get("answer"), e);
            }
            fields.add(new ReportField(no, heading == null ? label : String.valueOf(heading), label, answer,
                    source == null ? null : String.valueOf(source)));
        }
        return fields;
    }
}
