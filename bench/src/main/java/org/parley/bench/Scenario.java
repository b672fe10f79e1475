package org.parley.bench;

/** One measurement of the bench, with its anchor and its goal; adds its rows to the run's report. */
public interface Scenario {

    /** Its name on the command line, e.g. {@code submit}. */
    String name();

    void run(BenchRun run) throws Exception;
}
