package vn.gov.portal.oversight.dashboard;

import java.util.List;
import java.util.Locale;
import vn.gov.portal.infra.text.Html;

/**
 * A 12-month bar chart as inline SVG, drawn on the server: no script, prints,
 * and reads out. Each bar is a share (0–100 %); its {@code <title>} says the month and the
 * figures, and the chart's own title and description say what it shows, for screen readers.
 * Twelve rectangles and their labels do not need a charting library (JFreeSVG draws through
 * Graphics2D and gives none of the accessible text).
 */
public final class TrendChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 10;

    /** One bar: its label under it ("11/2026"), its height in percent, and what its tooltip says. */
    public record Bar(String label, double percent, String says) {
    }

    private TrendChart() {
    }

    public static String svg(String id, String title, String description, List<Bar> bars) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-labelledby=\"").append(id).append("-t ")
                .append(id).append("-d\"><title id=\"").append(id).append("-t\">").append(Html.escape(title))
                .append("</title><desc id=\"").append(id).append("-d\">").append(Html.escape(description))
                .append("</desc>");
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int pct = 0; pct <= 100; pct += 50) {
            double y = TOP + plotHeight * (1 - pct / 100.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%d%%</text>",
                    LEFT, WIDTH, y, y, LEFT - 4, y + 4, pct));
        }
        int n = Math.max(1, bars.size());
        double slot = (WIDTH - LEFT) / (double) n;
        double barWidth = slot * 0.6;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double pct = Math.max(0, Math.min(100, b.percent()));
            double h = plotHeight * pct / 100.0;
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            svg.append(String.format(Locale.ROOT, "<g><title>%s</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%.1f\" class=\"bar\"/></g><text x=\"%.1f\" y=\"%d\" class=\"axis\" "
                    + "text-anchor=\"middle\">%s</text>", Html.escape(b.label() + ": " + b.says()), x,
                    TOP + plotHeight - h, barWidth, h, x + barWidth / 2, HEIGHT - 10, Html.escape(b.label())));
        }
        return svg.append("</svg>").toString();
    }
}
