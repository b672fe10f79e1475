package org.parley.local;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program of the machine a check runs as a process (kubectl, promtool): found where a variable names it or
 * on the PATH. A check that cannot run for want of it fails in CI ({@code CI=true}) and is skipped elsewhere,
 * saying why.
 */
final class ExternalTool {

    /** What a run printed on each stream and how it ended. */
    record Run(int exit, String out, String err) {}

    private ExternalTool() {
    }

    /** The program {@code variable} names, else {@code name} on the PATH; {@code check} says what needs it. */
    static String find(String variable, String name, String check, String whereFrom) {
        Optional<String> found = Optional.ofNullable(System.getenv(variable)).or(() -> onPath(name));
        if (found.isEmpty()) {
            unavailable(check, name + " is not on the PATH (set " + variable + " to use another); " + whereFrom);
        }
        if (!Files.isExecutable(Path.of(found.get()))) {
            unavailable(check, variable + " names " + found.get() + ", which is not an executable file");
        }
        return found.get();
    }

    /** Fails the test in CI, skips it elsewhere: {@code check} cannot run, for {@code why}. */
    static void unavailable(String check, String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("cannot " + check + ": " + why);
        }
        Assumptions.abort("not able to " + check + ": " + why);
    }

    /** Runs {@code command} in {@code directory} (null: this one), for at most a minute. */
    static Run run(Path directory, List<String> command) {
        try {
            Path err = Files.createTempFile("tool", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                Process process = builder.start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within 60 s");
                }
                return new Run(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            fail("cannot run " + String.join(" ", command) + ": " + e.getMessage());
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Optional<String> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
