package vn.gov.portal.oversight.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.gov.portal.infra.time.ProvinceTime;

/** Lays out a site's report, or the province's compiled one, as the annex does ({@link ReportDocument}). */
public final class ReportDocuments {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final int TT_WIDTH = 14;
    private static final int UNIT_WIDTH = 45;

    private ReportDocuments() {
    }

    /** One site's report: the date is the day it was submitted, or {@code today} for a draft. */
    public static ReportDocument site(SiteReport report, String fileName, LocalDate today) {
        ReportContent c = report.content();
        LocalDate dated = report.submitted() && report.submittedAt() != null
                ? report.submittedAt().atZoneSameInstant(ProvinceTime.ZONE).toLocalDate() : today;
        // Figures say which days they cover; a draft says it is one, in every part.
        List<String> figuresIntro = new ArrayList<>();
        List<String> textIntro = new ArrayList<>();
        figuresIntro.add(window(c));
        if (!report.submitted()) {
            figuresIntro.add("BẢN NHÁP – chưa nộp: số liệu tính đến ngày " + DAY.format(c.asOf())
                    + " và còn thay đổi đến khi Trưởng Ban Biên tập nộp.");
            textIntro.add("BẢN NHÁP – chưa nộp.");
        }
        List<ReportDocument.Section> sections = new ArrayList<>();
        for (ReportPart part : c.parts()) {
            List<List<ReportDocument.Cell>> rows = new ArrayList<>();
            List<ReportDocument.Column> columns = new ArrayList<>();
            columns.add(new ReportDocument.Column("(1)", "TT", TT_WIDTH, false));
            part.fields().forEach(f -> columns.add(column(f, part)));
            if (part.text()) {
                textRows(rows, c.textRows(), part, null);
            } else {
                List<ReportDocument.Cell> row = new ArrayList<>();
                row.add(ReportDocument.Cell.text("1"));
                part.fields().forEach(f -> row.add(cell(c.figures().get(f.no()))));
                rows.add(row);
            }
            List<String> notes = notes(part);
            if (!part.text()) {
                notes.addAll(bases(part, c.figures()));
                notes.addAll(extras(c.extras()));
            }
            sections.add(new ReportDocument.Section(sheet(part), part.annexLabel(), c.agency().toUpperCase(VI),
                    dated(c.place(), dated), "BÁO CÁO", part.title() + " " + c.periodLabel(),
                    part.text() ? textIntro : figuresIntro, columns, rows, notes));
        }
        return new ReportDocument(fileName, sections);
    }

    /** The province's compiled report: a line per site that submitted, totals, and who has not. */
    public static ReportDocument compiled(Compiled c, String fileName) {
        List<String> intro = List.of("Tổng hợp từ báo cáo đã nộp của " + c.lines().size() + "/"
                + (c.lines().size() + c.notSubmitted().size()) + " đơn vị, lúc "
                + WHEN.format(c.compiledAt().atZoneSameInstant(ProvinceTime.ZONE)) + ".");
        List<ReportDocument.Section> sections = new ArrayList<>();
        for (ReportPart part : c.parts()) {
            List<ReportDocument.Column> columns = new ArrayList<>();
            columns.add(new ReportDocument.Column("(1)", "TT", TT_WIDTH, false));
            columns.add(new ReportDocument.Column("", "Đơn vị", UNIT_WIDTH, false));
            part.fields().forEach(f -> columns.add(column(f, part)));
            List<List<ReportDocument.Cell>> rows = new ArrayList<>();
            if (part.text()) {
                for (Compiled.Line line : c.lines()) {
                    textRows(rows, line.content().textRows(), part, line.site());
                }
            } else {
                int n = 0;
                for (Compiled.Line line : c.lines()) {
                    List<ReportDocument.Cell> row = new ArrayList<>();
                    row.add(ReportDocument.Cell.text(Integer.toString(++n)));
                    row.add(ReportDocument.Cell.text(line.site()));
                    part.fields().forEach(f -> row.add(cell(line.content().figures().get(f.no()))));
                    rows.add(row);
                }
                List<ReportDocument.Cell> total = new ArrayList<>();
                total.add(new ReportDocument.Cell("", null, true));
                total.add(new ReportDocument.Cell("Tổng cộng", null, true));
                part.fields().forEach(f -> total.add(new ReportDocument.Cell(c.total(f), null, true)));
                rows.add(total);
            }
            List<String> notes = notes(part);
            notes.add(c.notSubmitted().isEmpty() ? "Mọi đơn vị đã nộp báo cáo."
                    : "Đơn vị chưa nộp báo cáo (" + c.notSubmitted().size() + "): "
                    + String.join("; ", c.notSubmitted()) + ".");
            sections.add(new ReportDocument.Section(sheet(part), part.annexLabel(), c.agency().toUpperCase(VI),
                    dated(c.place(), c.compiledAt().atZoneSameInstant(ProvinceTime.ZONE).toLocalDate()), "BÁO CÁO TỔNG HỢP",
                    part.title() + " " + c.periodLabel(), intro, columns, rows, notes));
        }
        return new ReportDocument(fileName, sections);
    }

    private static ReportDocument.Column column(ReportField f, ReportPart part) {
        return new ReportDocument.Column(f.number(), f.heading(), part.text() ? 110 : 22, part.text());
    }

    private static ReportDocument.Cell cell(Figure f) {
        if (f == null) {
            return ReportDocument.Cell.text(Figure.NO_DATA);
        }
        return new ReportDocument.Cell(f.display(), f.value(), false);
    }

    /** Mẫu 02's rows, numbered; a site with none gets one empty row, as the annex's blank form has. */
    private static void textRows(List<List<ReportDocument.Cell>> rows, List<Map<String, String>> text, ReportPart part,
                                 String site) {
        List<Map<String, String>> lines = text.isEmpty() && site == null ? List.of(Map.of()) : text;
        for (Map<String, String> t : lines) {
            List<ReportDocument.Cell> row = new ArrayList<>();
            row.add(ReportDocument.Cell.text(Integer.toString(rows.size() + 1)));
            if (site != null) {
                row.add(ReportDocument.Cell.text(site));
            }
            part.fields().forEach(f -> row.add(ReportDocument.Cell.text(t.getOrDefault(f.no(), ""))));
            rows.add(row);
        }
    }

    /** Under the table, as the annex: its note, then what each column number means. */
    private static List<String> notes(ReportPart part) {
        List<String> notes = new ArrayList<>();
        if (part.note() != null) {
            notes.add(part.note());
        }
        notes.add("(1). Số thứ tự");
        part.fields().forEach(f -> notes.add(f.number() + ". " + f.label()));
        return notes;
    }

    private static List<String> bases(ReportPart part, Map<String, Figure> figures) {
        List<String> notes = new ArrayList<>();
        notes.add("Nguồn số liệu (nền tảng Cổng thông tin tự điền):");
        for (ReportField f : part.fields()) {
            Figure figure = figures.get(f.no());
            if (figure != null) {
                notes.add(f.number() + " " + f.heading() + ": " + figure.display() + " – " + figure.basis());
            }
        }
        return notes;
    }

    private static List<String> extras(List<Extra> extras) {
        List<String> notes = new ArrayList<>();
        if (!extras.isEmpty()) {
            notes.add("Số liệu bổ sung (ngoài các cột của mẫu):");
            extras.forEach(e -> notes.add(e.label() + ": " + e.value()));
        }
        return notes;
    }

    private static String window(ReportContent c) {
        return "Số liệu từ ngày " + DAY.format(c.from()) + " đến ngày " + DAY.format(c.asOf()) + ".";
    }

    /** "Thái Nguyên, ngày 05 tháng 7 năm 2026". */
    static String dated(String place, LocalDate day) {
        return place + ", ngày " + String.format("%02d", day.getDayOfMonth()) + " tháng " + day.getMonthValue()
                + " năm " + day.getYear();
    }

    private static String sheet(ReportPart part) {
        String name = part.annexLabel() != null ? part.annexLabel() : "Báo cáo";
        return name.replaceAll("[\\[\\]*?/\\\\:]", " ").substring(0, Math.min(31, name.length()));
    }

    /** "14:05 ngày 03/07/2026", Vietnam time. */
    public static String when(OffsetDateTime at) {
        return WHEN.format(at.atZoneSameInstant(ProvinceTime.ZONE));
    }

    /** "03/07/2026". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }
}
