package org.reliefclearance.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The benchmark's figures: a table on stdout, results.csv and results.json. */
final class Results {

    /**
     * One figure. {@code floorRatio} is the figure divided by the same measure of the bare engine's
     * floor process (null when there is none); {@code note} says how it was measured.
     */
    record Figure(String figure, double value, String unit, Double floorRatio, String note) {
    }

    private final List<Figure> figures = new ArrayList<>();

    void add(String figure, double value, String unit, Double floorRatio, String note) {
        Figure f = new Figure(figure, round(value), unit, floorRatio == null ? null : round(floorRatio), note);
        figures.add(f);
        System.out.println("[benchmark] " + line(f));
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-58s %14s  %-12s %10s%n", "figure", "value", "unit", "vs floor"));
        s.append("-".repeat(98)).append('\n');
        figures.forEach(f -> s.append(line(f)).append('\n'));
        return s.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        StringBuilder csv = new StringBuilder("figure,value,unit,floor_ratio,note\n");
        for (Figure f : figures) {
            csv.append(quote(f.figure())).append(',').append(f.value()).append(',').append(quote(f.unit()))
                    .append(',').append(f.floorRatio() == null ? "" : f.floorRatio()).append(',')
                    .append(quote(f.note())).append('\n');
        }
        Files.writeString(directory.resolve("results.csv"), csv);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("results.json").toFile(), figures);
        Files.writeString(directory.resolve("results.txt"), table());
    }

    private static String line(Figure f) {
        return String.format(Locale.ROOT, "%-58s %14s  %-12s %10s", f.figure(), format(f.value()), f.unit(),
                f.floorRatio() == null ? "" : format(f.floorRatio()));
    }

    private static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000.0) / 1000.0 : v;
    }

    private static String quote(String s) {
        return s == null ? "" : '"' + s.replace("\"", "\"\"") + '"';
    }
}
