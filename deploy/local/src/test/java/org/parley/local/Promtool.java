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

    /** What a run printed and how it ended. */
    record Run(int exit, String out) {
        String describe(List<String> args) {
            return "promtool " + String.join(" ", args) + " exited " + exit + ":\n" + out;
        }
    }

    /** Runs {@code promtool args...} in {@code directory}, stdout and stderr together. */
    static Run run(Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("promtool", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within 60 s");
                }
                return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            fail("cannot run " + String.join(" ", command) + ": " + e.getMessage());
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String executable() {
        if (promtool != null) {
            return promtool;
        }
        Optional<String> found = Optional.ofNullable(System.getenv("PROMTOOL")).or(Promtool::onPath);
        if (found.isEmpty()) {
            unavailable("promtool is not on the PATH (set PROMTOOL to use another); Debian's prometheus package "
                    + "brings it, and .ci/run installs that");
        }
        if (!Files.isExecutable(Path.of(found.get()))) {
            unavailable("PROMTOOL names " + found.get() + ", which is not an executable file");
        }
        promtool = found.get();
        return promtool;
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("cannot check deploy/observability: " + why);
        }
        Assumptions.abort("not checking deploy/observability with promtool: " + why);
    }

    private static Optional<String> onPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
