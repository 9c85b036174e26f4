package vn.gov.portal.oversight.reports;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import vn.gov.portal.infra.text.Html;

/**
 * PDF, A4 landscape, laid out by OpenHTMLtoPDF from XHTML. The font is bundled (DejaVu Serif
 * Condensed, resources/fonts, with its licence): Vietnamese marks then print the same on any
 * server, whatever fonts it has, and the condensed face keeps the annex's fourteen columns on the
 * page.
 */
final class PdfWriter {
    private static final String FAMILY = "DejaVu Serif Condensed";

    private PdfWriter() {
    }

    static byte[] write(ReportDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        font(builder, "DejaVuSerifCondensed.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, "DejaVuSerifCondensed-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, "DejaVuSerifCondensed-Italic.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
        builder.withHtmlContent(html(doc), null);
        builder.withProducer("Cổng thông tin điện tử");
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, int weight,
                             BaseRendererBuilder.FontStyle style) {
        builder.useFont(() -> {
            InputStream in = PdfWriter.class.getResourceAsStream("/fonts/" + file);
            if (in == null) {
                throw new IllegalStateException("Bundled font missing: " + file);
            }
            return in;
        }, FAMILY, weight, style, true);
    }

    static String html(ReportDocument doc) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>")
                .append(Html.escape(doc.fileName())).append("</title><style>")
                .append("@page { size: A4 landscape; margin: 14mm 12mm; }")
                .append("body { font-family: '").append(FAMILY).append("'; font-size: 9.5pt; }")
                .append("section + section { page-break-before: always; }")
                .append(".label { text-align: right; font-weight: bold; margin: 0; }")
                .append("table.head { width: 100%; border-collapse: collapse; }")
                .append("table.head td { text-align: center; vertical-align: top; width: 50%; padding: 0; }")
                .append(".b { font-weight: bold; } .i { font-style: italic; }")
                .append("h1, h2 { text-align: center; font-size: 11pt; margin: 2mm 0 0 0; }")
                .append("p.intro { text-align: center; font-style: italic; margin: 1mm 0; }")
                .append("table.data { width: 100%; border-collapse: collapse; margin-top: 4mm; table-layout: fixed; ")
                // A province's compiled table runs over pages: its headings and numbers repeat on each.
                .append("-fs-table-paginate: paginate; }")
                .append("table.data tr { page-break-inside: avoid; }")
                .append("table.data th, table.data td { border: 0.5pt solid #000; padding: 1mm; text-align: center; ")
                .append("vertical-align: middle; word-wrap: break-word; }")
                .append("table.data td.t { text-align: left; white-space: pre-wrap; }")
                .append("p.note { margin: 0.8mm 0; font-size: 8.5pt; }")
                .append("</style></head><body>");
        for (ReportDocument.Section s : doc.sections()) {
            h.append("<section>");
            if (s.annexLabel() != null) {
                h.append("<p class=\"label\">").append(Html.escape(s.annexLabel())).append("</p>");
            }
            h.append("<table class=\"head\"><tr><td class=\"b\">").append(Html.escape(s.agency()))
                    .append("</td><td class=\"b\">").append(ReportDocument.NATION).append("</td></tr><tr><td>")
                    .append(Html.escape(ReportDocument.NUMBER)).append("</td><td class=\"b\">")
                    .append(ReportDocument.MOTTO).append("</td></tr><tr><td></td><td class=\"i\">")
                    .append(Html.escape(s.placeAndDate())).append("</td></tr></table>");
            h.append("<h1>").append(Html.escape(s.heading())).append("</h1><h2>").append(Html.escape(s.subject()))
                    .append("</h2>");
            for (String line : s.intro()) {
                h.append("<p class=\"intro\">").append(Html.escape(line)).append("</p>");
            }
            table(h, s);
            for (String note : s.notes()) {
                h.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
            }
            h.append("</section>");
        }
        return h.append("</body></html>").toString();
    }

    private static void table(StringBuilder h, ReportDocument.Section s) {
        int total = s.columns().stream().mapToInt(ReportDocument.Column::widthMm).sum();
        h.append("<table class=\"data\"><colgroup>");
        for (ReportDocument.Column c : s.columns()) {
            h.append("<col style=\"width: ").append(String.format(Locale.ROOT, "%.2f",
                    100.0 * c.widthMm() / total)).append("%\"/>");
        }
        h.append("</colgroup><thead><tr>");
        for (ReportDocument.Column c : s.columns()) {
            h.append("<th scope=\"col\">").append(Html.escape(c.heading())).append("</th>");
        }
        h.append("</tr><tr>");
        for (ReportDocument.Column c : s.columns()) {
            h.append("<th>").append(Html.escape(c.number())).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<ReportDocument.Cell> row : s.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                ReportDocument.Cell cell = row.get(i);
                String cls = cell.strong() ? " class=\"b\"" : s.columns().get(i).prose() ? " class=\"t\"" : "";
                h.append("<td").append(cls).append('>').append(Html.escape(cell.text())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }
}
