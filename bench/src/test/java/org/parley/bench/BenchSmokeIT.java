package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The bench in its smoke mode, as {@code ./parley bench --smoke} runs it: every scenario runs
 * on a platform of its own and writes its rows and its report. Nothing here looks at a number:
 * a benchmark's result is no test's business; that the loads were answered is.
 */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsAndTheReportIsWritten() throws Exception {
        Path out = Path.of("target", "parley-bench", "smoke");
        Report report = Bench.run(Mode.SMOKE, Bench.SCENARIOS, out);

        assertThat(report.failures()).as("scenarios that could not run").isEmpty();
        assertThat(report.refusals()).as("answers other than 2xx in the loads").isZero();
        Set<String> goals = report.rows().stream().map(Report.Row::goal).collect(Collectors.toSet());
        assertThat(report.rows()).extracting(Report.Row::scenario).contains(
                "submit removal orders, direct ÷ pgbench same shape",
                "GET a stakeholder by id, direct ÷ trivial Boot endpoint",
                "submit through the gateway ÷ direct: throughput",
                "audit-chained insert ÷ the same insert unchained",
                "whole platform memory after the bench (PSS)");
        assertThat(goals).contains("≤ 0.65; ≤ 3 s", "≤ 1.5, and p99 ≤ 50 ms");
        // every scenario produced a figure
        assertThat(report.rows()).filteredOn(row -> row.outcome() == Report.Outcome.NOT_MEASURED).isEmpty();
        assertThat(report.rows()).extracting(Report.Row::scenario)
                .contains("appeal creation with its gRPC lookups ÷ in-process lookups",
                        "notice batch ingestion ÷ raw COPY of the same rows");
        assertThat(report.rows()).extracting(Report.Row::scenario)
                .anySatisfy(name -> assertThat(name).startsWith("archive search p99 at"));
        assertThat(out.resolve("report.md")).exists();
        assertThat(Files.readString(out.resolve("report.md"))).contains("| scenario | goal | result |");
        assertThat(out.resolve("flame-submit-request-service.html")).exists();
    }
}
