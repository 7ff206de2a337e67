package org.reliefclearance.reporting;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.List;
import java.util.Locale;

/** A horizontal bar chart as inline SVG: one labelled bar per row, scaled to the largest value. */
final class SvgBarChart {

    record Bar(String label, double value, String caption) {
    }

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 210;
    private static final int CAPTION_WIDTH = 190;
    private static final int BAR_HEIGHT = 20;
    private static final int GAP = 8;

    private SvgBarChart() {
    }

    static String render(String title, List<Bar> bars) {
        if (bars.isEmpty()) {
            return "<p class=\"empty\">No data for " + htmlEscape(title.toLowerCase(Locale.ROOT)) + " in this period.</p>";
        }
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int plot = WIDTH - LABEL_WIDTH - CAPTION_WIDTH;
        int height = bars.size() * (BAR_HEIGHT + GAP) + GAP;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\"><title>").append(htmlEscape(title)).append("</title>");
        int y = GAP;
        for (Bar bar : bars) {
            int length = max <= 0 ? 0 : (int) Math.round(bar.value() / max * plot);
            int middle = y + BAR_HEIGHT / 2 + 4;
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(middle)
                    .append("\" text-anchor=\"end\">").append(htmlEscape(bar.label())).append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                    .append(Math.max(length, 1)).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" class=\"bar\"><title>").append(htmlEscape(bar.label() + ": " + bar.caption()))
                    .append("</title></rect>")
                    .append("<text x=\"").append(LABEL_WIDTH + Math.max(length, 1) + 6).append("\" y=\"")
                    .append(middle).append("\">").append(htmlEscape(bar.caption())).append("</text>");
            y += BAR_HEIGHT + GAP;
        }
        return svg.append("</svg>").toString();
    }
}
