package org.parley.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What processes of this machine hold in memory and have spent on the CPU, read from {@code /proc}. */
final class ProcessUsage {

    /** Clock ticks a second of {@code /proc/<pid>/stat}'s times: 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessUsage() {
    }

    /**
     * The proportional set size of a process and all its descendants, in bytes: each shared page
     * counted once over the processes that share it, so that sums over processes add up (the
     * resident set size would count PostgreSQL's shared buffers once per backend).
     */
    static long proportionalSetSize(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToLong(ProcessUsage::pss).sum();
    }

    private static long pss(ProcessHandle process) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"))) {
            return lines.filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile, or not ours to read
        }
    }

    /** CPU time (user and system) a process and its descendants alive now have spent, in nanoseconds. */
    static long cpuNanos(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToLong(ProcessUsage::cpu).sum();
    }

    private static long cpu(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
