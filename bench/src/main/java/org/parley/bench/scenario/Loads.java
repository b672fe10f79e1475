package org.parley.bench.scenario;

import org.parley.bench.BenchRun;
import org.parley.bench.load.Call;
import org.parley.bench.load.ClosedLoop;
import org.parley.bench.load.LoadResult;
import org.parley.bench.load.OpenLoop;

/** The two measurements every HTTP scenario takes, each after a warm-up, each written to the report. */
final class Loads {

    /** Clients of a closed loop: as many connections as the first hand-taken numbers used. */
    static final int CONNECTIONS = 8;
    /** Requests in flight at most in an open loop; far above what half of capacity needs. */
    private static final int MAX_IN_FLIGHT = 512;

    private Loads() {
    }

    /** Throughput at saturation: {@link #CONNECTIONS} clients sending back to back. */
    static LoadResult capacity(BenchRun run, String name, Call call) {
        ClosedLoop.run(name + " (warm-up)", CONNECTIONS, run.mode().warmUp(), Long.MAX_VALUE, call);
        run.http().takeRefusals();
        run.http().takeRetries();
        CpuUse cpu = CpuUse.start(run);
        LoadResult result = ClosedLoop.run(name, CONNECTIONS, run.mode().capacityRun(), Long.MAX_VALUE, call);
        measured(run, result);
        run.report().measured("  CPU in cores: " + cpu.stop());
        return result;
    }

    /** Latency at a fixed arrival rate, from each request's intended send time, for the mode's latency run. */
    static LoadResult latencyAt(BenchRun run, String name, double rate, Call call) {
        return openLoop(run, name, rate, run.mode().latencyRun(), call);
    }

    /** Latency at a fixed arrival rate for {@code duration}, written to the report. */
    static LoadResult openLoop(BenchRun run, String name, double rate, java.time.Duration duration, Call call) {
        run.http().takeRefusals();
        run.http().takeRetries();
        LoadResult result = OpenLoop.run(name, Math.max(1, rate), duration, MAX_IN_FLIGHT, call);
        measured(run, result);
        return result;
    }

    /** Writes a load's result to the report, with the first answer of every refusal it met. */
    static void measured(BenchRun run, LoadResult result) {
        run.report().measured(result.toString());
        run.report().refused(result.latencies().errors());
        run.http().takeRefusals().forEach((status, body) -> run.report().measured("  first " + status + ": " + body));
        long retries = run.http().takeRetries();
        if (retries > 0) {
            run.report().measured("  " + retries + " sent twice: the connection broke before the answer");
        }
    }

    /** A note on a result when some answers were not 2xx, else nothing. */
    static String errors(LoadResult... results) {
        long errors = 0;
        for (LoadResult r : results) {
            errors += r.latencies().errors();
        }
        return errors == 0 ? "" : "; " + errors + " answers not 2xx";
    }
}
