package org.parley.local;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own checker, run as a process in the directory of the files it checks. Debian's
 * {@code prometheus} package brings it ({@code .ci/run} installs that when it is missing). Without
 * one, the checks cannot run: in CI ({@code CI=true}) that fails the test, elsewhere it skips it,
 * saying why.
 */
final class Promtool {

    private static volatile String promtool;

    private Promtool() {
    }

    /** What a run printed (stdout, then stderr) and how it ended. */
    record Run(int exit, String out) {
        String describe(List<String> args) {
            return "promtool " + String.join(" ", args) + " exited " + exit + ":\n" + out;
        }
    }

    /** Runs {@code promtool args...} in {@code directory}. */
    static Run run(Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(args));
        ExternalTool.Run run = ExternalTool.run(directory, command);
        return new Run(run.exit(), run.out() + run.err());
    }

    private static String executable() {
        if (promtool == null) {
            promtool = ExternalTool.find("PROMTOOL", "promtool", "check deploy/observability with promtool",
                    "Debian's prometheus package brings it, and .ci/run installs that");
        }
        return promtool;
    }
}
