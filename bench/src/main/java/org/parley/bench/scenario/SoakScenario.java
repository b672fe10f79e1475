package org.parley.bench.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;
import org.parley.bench.anchor.Statements;
import org.parley.bench.load.Call;
import org.parley.bench.load.LoadResult;
import org.parley.local.ParleyPlatform.DatabaseLogin;
import org.parley.local.Topology;

/**
 * Submissions through the gateway at half its capacity for the mode's soak time, in ten windows:
 * the p99 of the last window against the first, every answer's status, request-service's heap
 * after a full collection and the database connections open at the start and at the end.
 */
public final class SoakScenario implements Scenario {

    private static final int WINDOWS = 10;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Call gateway = Calls.submit(run, run.gateway(Calls.REQUESTS));
        double capacity = run.recall(GatewayScenario.CAPACITY)
                .orElseGet(() -> Loads.capacity(run, "submit through the gateway", gateway).goodput());
        double rate = capacity / 2;
        long pid = run.platform().pids().get(Topology.REQUEST_SERVICE);
        DatabaseLogin database = run.platform().database(Topology.REQUEST_SERVICE);
        long heapBefore = heapAfterFullCollection(pid);
        int connectionsBefore = connections(database);

        Duration window = run.mode().soak().dividedBy(WINDOWS);
        List<LoadResult> windows = new ArrayList<>();
        long errors = 0;
        for (int i = 0; i < WINDOWS; i++) {
            LoadResult result = Loads.openLoop(run, "soak window " + (i + 1), rate, window, gateway);
            windows.add(result);
            errors += result.latencies().errors();
        }
        long heapAfter = heapAfterFullCollection(pid);
        int connectionsAfter = connections(database);

        double first = windows.getFirst().latencies().p99();
        double last = windows.getLast().latencies().p99();
        double ratio = last / first;
        run.report().measured(String.format(Locale.ROOT, "soak: request-service heap after a full GC %d MiB → %d MiB, "
                + "request-service database connections %d → %d", heapBefore / 1024, heapAfter / 1024,
                connectionsBefore, connectionsAfter));
        boolean heapStable = heapAfter <= heapBefore * 1.2 + 16 * 1024;
        boolean connectionsStable = connectionsAfter <= connectionsBefore + 2;
        boolean met = ratio <= 1.2 && errors == 0 && heapStable && connectionsStable;
        run.report().judged(String.format(Locale.ROOT, "%s at 50 %% of capacity (%.0f/s through the gateway)",
                describe(run.mode().soak()), rate), "p99 last ÷ first ≤ 1.2, no error, heap and connections stable",
                String.format(Locale.ROOT, "%.2f (%.1f ms ÷ %.1f ms), %d errors, heap %d → %d MiB, connections %d → %d",
                        ratio, last, first, errors, heapBefore / 1024, heapAfter / 1024, connectionsBefore,
                        connectionsAfter), met);
    }

    private static String describe(Duration soak) {
        return soak.toMinutes() > 0 ? soak.toMinutes() + " minutes" : soak.toSeconds() + " seconds";
    }

    /** Kilobytes of heap in use right after a full collection, as {@code jcmd GC.heap_info} tells. */
    private static long heapAfterFullCollection(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        long used = 0;
        Matcher m = USED.matcher(info);
        // Serial GC prints the young and the old generation; the metaspace lines have no "used NK" of the heap
        int generations = 0;
        while (m.find() && generations < 2) {
            used += Long.parseLong(m.group(1));
            generations++;
        }
        return used;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static int connections(DatabaseLogin login) throws SQLException {
        return (int) Statements.number(login, "select count(*) from pg_stat_activity where datname = current_database() "
                + "and pid <> pg_backend_pid()");
    }
}
