package org.parley.bench.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * CPU profiles of a platform process under load, by async-profiler's native agent (from Maven
 * Central, Linux x64), and its converter to flame graphs. The agent samples with {@code itimer},
 * which needs no perf_events permission, and writes a JFR recording when the JVM exits; the
 * converter turns it into an HTML flame graph to look at and collapsed stacks to count.
 */
public final class FlameGraphs {

    private static final String LIBRARY = "/linux-x64/libasyncProfiler.so";
    /** The converter's entry point, in the default package of jfr-converter. */
    private static final String CONVERTER = "Main";

    private FlameGraphs() {
    }

    /** The JVM option that profiles a process into {@code jfr} from its start to its exit; empty off Linux x64. */
    public static Optional<List<String>> agentFlags(Path jfr, Path workDir) {
        if (!"Linux".equals(System.getProperty("os.name")) || !"amd64".equals(System.getProperty("os.arch"))) {
            return Optional.empty();
        }
        try (InputStream in = FlameGraphs.class.getResourceAsStream(LIBRARY)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(workDir);
            Path library = workDir.resolve("libasyncProfiler.so");
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(jfr.toAbsolutePath().getParent());
            // a sample every 5 ms of CPU: enough in 20 s, without slowing the process measurably
            return Optional.of(List.of("-agentpath:" + library + "=start,event=itimer,interval=5000000,file=" + jfr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Converts the part of a recording between two instants (epoch milliseconds: the measured load,
     * not the start nor the warm-up) into {@code <name>.html} (flame graph) and
     * {@code <name>.collapsed} beside it.
     */
    public static void convert(Path jfr, String title, long fromEpochMillis, long toEpochMillis) {
        String base = jfr.toString().replaceFirst("\\.jfr$", "");
        List<String> window = List.of("--cpu", "--simple", "--from", Long.toString(fromEpochMillis), "--to",
                Long.toString(toEpochMillis));
        List<String> html = new java.util.ArrayList<>(window);
        html.addAll(List.of("--title", title, jfr.toString(), base + ".html"));
        run(html);
        List<String> collapsed = new java.util.ArrayList<>(window);
        collapsed.addAll(List.of("-o", "collapsed", jfr.toString(), base + ".collapsed"));
        run(collapsed);
    }

    private static void run(List<String> arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), CONVERTER));
        command.addAll(arguments);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("the flame graph converter failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
