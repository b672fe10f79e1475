package org.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench's table: each goal beside its result, and the measurements behind them. Printed at
 * the end of a run and written as Markdown.
 */
public final class Report {

    /** Whether a result meets its goal. */
    public enum Outcome {
        MET("met"), MISSED("missed"), NOT_MEASURED("not measured"), ANCHOR("anchor");

        private final String text;

        Outcome(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One line of the table. */
    public record Row(String scenario, String goal, String result, Outcome outcome) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> measurements = new ArrayList<>();
    private final List<String> context = new ArrayList<>();
    private long refusals;
    private final List<String> failures = new ArrayList<>();

    public synchronized void add(Row row) {
        rows.add(row);
        Bench.say(row.scenario() + ": " + row.result() + " (goal " + row.goal() + ": " + row.outcome().text() + ")");
    }

    /** A goal that is a lower bound on a ratio. */
    public void atLeast(String scenario, String goal, double ratio, double bound, String detail) {
        judged(scenario, goal, ratio(ratio) + detail, ratio >= bound);
    }

    /** A goal that is an upper bound on a ratio. */
    public void atMost(String scenario, String goal, double ratio, double bound, String detail) {
        judged(scenario, goal, ratio(ratio) + detail, ratio <= bound);
    }

    /** A goal of any other kind, with the result as text and whether it was met. */
    public void judged(String scenario, String goal, String result, boolean met) {
        add(new Row(scenario, goal, result, met ? Outcome.MET : Outcome.MISSED));
    }

    /** A ratio with no goal of its own: what an anchor shows about another. */
    public void anchor(String scenario, double ratio, String detail) {
        add(new Row(scenario, "—", ratio(ratio) + detail, Outcome.ANCHOR));
    }

    public void notMeasured(String scenario, String goal, String why) {
        add(new Row(scenario, goal, why, Outcome.NOT_MEASURED));
    }

    /** A measurement behind the rows, e.g. one load's result. */
    public synchronized void measured(String line) {
        measurements.add(line);
        Bench.say(line);
    }

    /** Counts answers of a load that were not 2xx: a run that works answers none. */
    public synchronized void refused(long count) {
        refusals += count;
    }

    /** A scenario that could not run: its row says why, and the run fails. */
    public synchronized void failed(String scenario, Throwable e) {
        failures.add(scenario);
        // its first line: a table cell holds no line break (a converter's output with its stack trace did)
        add(new Row(scenario, "—", "could not run: " + e.toString().lines().findFirst().orElse(""), Outcome.NOT_MEASURED));
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized long refusals() {
        return refusals;
    }

    /** A fact about the run: the machine, the commit, the JVM. */
    public synchronized void context(String line) {
        context.add(line);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** The table as text for the terminal. */
    public synchronized String table() {
        int s = "scenario".length();
        int g = "goal".length();
        int r = "result".length();
        for (Row row : rows) {
            s = Math.max(s, row.scenario().length());
            g = Math.max(g, row.goal().length());
            r = Math.max(r, row.result().length());
        }
        String format = "%-" + s + "s | %-" + g + "s | %-" + r + "s | %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "scenario", "goal", "result", ""));
        out.append("-".repeat(s + g + r + 20)).append('\n');
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, format, row.scenario(), row.goal(), row.result(), row.outcome().text()));
        }
        return out.toString();
    }

    /** The whole report as Markdown. */
    public synchronized String markdown(String title) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        context.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n| scenario | goal | result | |\n|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.scenario()).append(" | ").append(row.goal()).append(" | ")
                    .append(row.result()).append(" | ").append(row.outcome().text()).append(" |\n");
        }
        md.append("\n## Measurements\n\n");
        measurements.forEach(line -> md.append("- ").append(line.replace("|", "\\|")).append('\n'));
        return md.toString();
    }

    public void write(Path file, String title) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown(title), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
