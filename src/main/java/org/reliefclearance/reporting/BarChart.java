package org.reliefclearance.reporting;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The numbers of a horizontal bar chart, which {@code templates/fragments/charts.html} draws as
 * inline SVG: one row per bar, its label and caption on a line of their own (so no label is cut
 * off, whatever its language), the bar below, scaled to the largest value.
 */
record BarChart(String title, List<Bar> bars) {

    static final int WIDTH = 720;
    static final int ROW_HEIGHT = 40;

    record Bar(String label, String caption, int length) {
    }

    static <T> BarChart of(String title, List<T> items, ToDoubleFunction<T> value, Function<T, String> label,
                           Function<T, String> caption) {
        double max = items.stream().mapToDouble(value).max().orElse(0);
        return new BarChart(title, items.stream()
                .map(item -> new Bar(label.apply(item), caption.apply(item), length(value.applyAsDouble(item), max)))
                .toList());
    }

    /** At least one pixel, so a zero still shows where its bar would be. */
    private static int length(double value, double max) {
        return max <= 0 ? 1 : Math.max(1, (int) Math.round(value / max * WIDTH));
    }

    public int width() {
        return WIDTH;
    }

    public int rowHeight() {
        return ROW_HEIGHT;
    }

    public int height() {
        return bars.size() * ROW_HEIGHT + 4;
    }
}
